#!/bin/sh
# Measures on real text nobody here wrote: ../shared/corpus/cnr against
# tests/gold/cnr-facts.tsv (every measure of 120 articles, judged by reading
# before the rules were changed; odd pages in-sample, even pages held out) and
# tests/gold/cnr-facts-dev2.tsv, -dev3.tsv and -dev4.tsv (40, 40 and 12 more
# odd-page articles, each judged after the rules before them were written:
# "dev-2", "dev-3", "dev-4").
# Prints precision, recall, place and date accuracy for each half, and fails
# when one falls below the floor the rules have reached (FLOORS below): a rule
# change may raise the figures, never lower them.
. "$SRCDIR/tests/tap.sh"
C=$SRCDIR/../shared/corpus/cnr
[ -d "$C" ] || skip_all "no corpus at $C"
command -v python3 >/dev/null || skip_all "python3 is needed to score"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$EPINEWS" --no-cache list --json "$C" >"$T/list" 2>/dev/null
ok $? "list --json reads the corpus"
"$EPINEWS" --no-cache facts --json "$C" >"$T/facts" 2>/dev/null
ok $? "facts --json reads the corpus"
python3 "$SRCDIR/tests/gold/score-facts.py" "$SRCDIR/tests/gold/cnr-facts.tsv" "$T/list" "$T/facts" >"$T/score"
for r in 2 3 4; do
	python3 "$SRCDIR/tests/gold/score-facts.py" "$SRCDIR/tests/gold/cnr-facts-dev$r.tsv" "$T/list" "$T/facts" |
		sed "s/^in-sample:/dev-$r:/" >>"$T/score"
done
sed 's/^/# /' "$T/score"
is "$(grep -c '^[a-z0-9-]*: P ' "$T/score")" 5 "both halves and the later samples scored"
# field N of a part's line: 4 P, 7 R, 10 place, 13 date
fig() { awk -v p="$1:" -v n="$2" '$1 == p { print $n }' "$T/score"; }
# part, then floors for P, R, place and date
while read -r part p r pl d; do
	for m in "P 4 $p" "R 7 $r" "place 10 $pl" "date 13 $d"; do
		set -- $m
		v=$(fig "$part" "$2")
		awk -v x="${v:-0}" -v f="$3" 'BEGIN { exit !(x >= f) }'
		ok $? "$part: $1 $v, floor $3"
	done
done <<FLOORS
in-sample 0.97 0.89 0.83 0.78
held-out 0.83 0.71 0.73 0.88
dev-2 0.99 0.84 0.90 0.93
dev-3 0.95 0.70 0.86 0.85
dev-4 0.97 0.83 0.71 1.00
FLOORS
echo "1..$n_tests"
[ "$n_failed" -eq 0 ]
