#!/bin/sh
# Dates and sources on real text nobody here wrote: ../shared/corpus/cnr, 424
# pages of one broadcaster's news in >>> blocks, no year in any dateline,
# against tests/gold/cnr-dates-sources.tsv (120 articles judged by reading
# before the rules were written; odd pages in-sample, even pages held out).
. "$SRCDIR/tests/tap.sh"
C=$SRCDIR/../shared/corpus/cnr
[ -d "$C" ] || skip_all "no corpus at $C"
command -v python3 >/dev/null || skip_all "python3 is needed to score"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$EPINEWS" --no-cache list --json "$C" >"$T/list" 2>/dev/null
ok $? "list --json reads the corpus"
is "$(wc -l <"$T/list" | tr -d ' ')" 2799 "2,799 articles, one per >>> block"
python3 "$SRCDIR/tests/gold/score-dates.py" "$SRCDIR/tests/gold/cnr-dates-sources.tsv" "$T/list" >"$T/score"
cat "$T/score" | sed 's/^/# /'
# figures: "PART: dates OK/N RATE exact E/R inferred I right J sources S/M RATE"
rate() { sed -n "s/^$1: dates [0-9]*\/[0-9]* \([0-9.]*\) .* sources [0-9]*\/[0-9]* \([0-9.]*\)\$/\\$2/p" "$T/score"; }
for part in in-sample held-out; do
	d=$(rate $part 1)
	s=$(rate $part 2)
	awk -v x="${d:-0}" 'BEGIN { exit !(x >= 0.90) }'
	ok $? "$part: dates right on at least 90% of the judged articles ($d)"
	awk -v x="${s:-0}" 'BEGIN { exit !(x >= 0.90) }'
	ok $? "$part: sources right on at least 90% ($s)"
done
# no inferred date is wrong: every one the judge could read is the judged date
python3 "$SRCDIR/tests/gold/score-dates.py" "$SRCDIR/tests/gold/cnr-dates-sources.tsv" "$T/list" --wrong |
	awk -F'\t' '$1 == "date" && $7 == "neighbours"' >"$T/badinf"
is "$(cat "$T/badinf")" "" "no date inferred from neighbours contradicts the judged one"
# a dateline's year is never invented: a page with no year written anywhere
# in it, read alone, gets no date, though its datelines give month and day
page=$(grep -L -E '(19|20)[0-9][0-9]' "$C"/CNRPage*[13579].txt | xargs grep -l -E '月[0-9]+日(电|消息)' | head -n 1)
"$EPINEWS" --no-cache list "$page" 2>/dev/null | cut -f2 | sort -u >"$T/alone"
is "$(cat "$T/alone")" "-" "a page without a year in it, read alone, has no dated article ($(basename "$page"))"
echo "1..$n_tests"
[ "$n_failed" -eq 0 ]
