#!/bin/sh
# Every input a fuzzer ever crashed on stays a test: the CLI must load it, extract
# its measures and exit normally (under the sanitizer build, any error aborts).
. "$SRCDIR/tests/tap.sh"
for f in "$SRCDIR"/tests/fuzz/regressions/query-*; do # queries: run on the samples
	[ -f "$f" ] || continue
	"$EPINEWS" search --limit 3 "$(cat "$f")" "$SRCDIR/data/samples" >/dev/null 2>&1
	rc=$?
	ok $((rc > 2)) "fuzzer regression $(basename "$f") runs as a query and exits normally (status $rc)"
done
for f in "$SRCDIR"/tests/fuzz/regressions/*; do
	case $f in */query-*) continue ;; esac
	[ -f "$f" ] || continue
	"$EPINEWS" facts --json "$f" >/dev/null 2>&1
	rc=$?
	ok $((rc > 1)) "fuzzer regression $(basename "$f") loads and exits normally (status $rc)"
	"$EPINEWS" list "$f" >/dev/null 2>&1
	rc=$?
	ok $((rc > 1)) "fuzzer regression $(basename "$f") lists normally (status $rc)"
done
done_testing
