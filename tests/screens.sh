#!/bin/sh
# Whole screens of the browser, without a terminal: each tests/screens/NAME.keys
# script drives the browser on a pseudo-terminal (tests/screen-run, through
# libvterm) and every screen it snaps must equal tests/screens/NAME.screen.
# The first line of a script is "# COLSxROWS"; NAME.config, when there, is
# the config file it runs with. After a change that is meant to
# alter the screens: SCREENS_UPDATE=1 make check TESTS=tests/screens.sh, then
# read the diff of tests/screens/ before committing it.
. "$SRCDIR/tests/tap.sh"
run="$(dirname "$EPINEWS")/tests/screen-run"
[ -x "$run" ] || skip_all "tests/screen-run not built (libvterm-dev is not installed)"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" XDG_DATA_HOME="$T/data" \
	XDG_STATE_HOME="$T/state" LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
unset NO_COLOR BROWSER
S="$SRCDIR/data/samples"
# the index built first, so that every screen shows the measures
"$EPINEWS" index "$S" >/dev/null 2>&1

for script in "$SRCDIR"/tests/screens/*.keys; do
	name=$(basename "$script" .keys)
	size=$(head -n 1 "$script" | sed -n 's/^# *\([0-9]*\)x\([0-9]*\).*/\1 \2/p')
	want="$SRCDIR/tests/screens/$name.screen"
	rm -rf "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME" # nothing from another script
	if [ -f "$SRCDIR/tests/screens/$name.config" ]; then # the script's own config file
		mkdir -p "$XDG_CONFIG_HOME/epinews"
		cp "$SRCDIR/tests/screens/$name.config" "$XDG_CONFIG_HOME/epinews/config"
	fi
	# shellcheck disable=SC2086
	(cd "$T" && "$run" $size "$script" "$EPINEWS" "$S") >"$T/$name.got" 2>"$T/$name.err"
	rc=$?
	if [ -n "${SCREENS_UPDATE:-}" ] && [ $rc -eq 0 ]; then
		cp "$T/$name.got" "$want"
	fi
	if [ $rc -ne 0 ]; then
		sed 's/^/# /' "$T/$name.err"
		ok 1 "$name: the script ran to its end"
		continue
	fi
	snaps=$(grep -c '^=== ' "$T/$name.got")
	if diff -u "$want" "$T/$name.got" >"$T/$name.diff" 2>&1; then
		ok 0 "$name: $snaps whole screens as expected"
	else
		sed 's/^/# /' "$T/$name.diff" | head -n 80
		ok 1 "$name: $snaps whole screens as expected"
	fi
done
done_testing
