#!/bin/sh
# The bundled sample archive loads cleanly, in every format it holds.
. "$SRCDIR/tests/tap.sh"
D="$SRCDIR/data/samples"
J="$PWD/tests/json_get"
out=$("$EPINEWS" list "$D" 2>"${TMPDIR:-/tmp}/samples.err.$$")
is $? 0 "the sample archive loads"
is "$(cat "${TMPDIR:-/tmp}/samples.err.$$")" "" "with no message"
rm -f "${TMPDIR:-/tmp}/samples.err.$$"
n=$(printf '%s\n' "$out" | wc -l)
ok $((! (n >= 30))) "it holds a few dozen articles ($n)"
for f in wire-blocks.txt feed.jsonl archive-array.json plain.txt plain-gb18030.txt plain-crlf.txt web-page-1.txt newspaper-page.txt \
	day-file.json raw-dump.txt excel-export.csv saved-page.html saved-page-gbk.html; do
	c=$("$EPINEWS" list "$D/$f" 2>/dev/null | wc -l)
	ok $((! (c >= 1))) "$f loads ($c articles)"
done
places=$(printf '%s\n' "$out" | cut -f5 | grep -oE '^(武汉|石家庄|许昌|西安|广州|成都|南京|杭州|长春|哈尔滨|郑州|沈阳|昆明|厦门|青岛|南宁)' | sort -u | wc -l)
ok $((! (places >= 10))) "articles cover at least ten cities ($places)"
dated=$(printf '%s\n' "$out" | cut -f2 | grep -c '^20')
ok $((! (dated >= 10))) "at least ten articles carry a full date ($dated)"
done_testing
