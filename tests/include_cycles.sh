#!/bin/sh
# tui/ has no import cycles: .ci/include-cycles over its #include graph,
# and the checker itself on a small tree with a cycle and a hidden dependency.
. "$SRCDIR/tests/tap.sh"
check="$SRCDIR/.ci/include-cycles"
command -v python3 >/dev/null || skip_all "python3 is not installed"

out=$("$check" "$SRCDIR" tui 2>&1)
rc=$?
is "$rc:$out" "0:" "tui/ has no import cycle and no header declaring another module's functions"

t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/m"
printf '#include "m/b.h"\nint a(void);\n' >"$t/m/a.h"
printf '#include "m/a.h"\nint a(void) { return 0; }\n' >"$t/m/a.c"
printf '#include "a.h"\nint b(void);\n' >"$t/m/b.h"
printf '#include "m/b.h"\nint b(void) { return a(); }\n' >"$t/m/b.c"
out=$("$check" "$t" m 2>&1)
rc=$?
is "$rc:$out" "1:cycle: m/a -> m/b -> m/a" "a cycle through headers is found and named"

printf 'int b(void);\nint c(void);\n' >"$t/m/b.h"
printf '#include "m/b.h"\nint c(void) { return 1; }\n' >"$t/m/c.c"
printf '#include "m/a.h"\n' >"$t/m/a.h"
out=$("$check" "$t" m 2>&1)
rc=$?
is "$rc:$out" "1:declared in m/b.h, defined in m/c.c: c" "a header declaring another module's function is reported"

echo "1..$n_tests"
[ "$n_failed" -eq 0 ]
