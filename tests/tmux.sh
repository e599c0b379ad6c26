# Helpers for the tests that drive the browser in tmux. Source after tap.sh.
# Sets T (a temporary directory, removed on exit) and a private tmux server.
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
T=$(mktemp -d)
SOCK="epinews-test-$$"
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state" \
	LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
# An idle session for the server's whole life: a server whose last session is
# killed exits, and a new-session sent right after that races the dying server
# (seen as "no server running" and a browser that never appears).
tm new-session -d -s keep "sleep 86400"
screen() { tm capture-pane -p -t app; }
# how long wait_for and wait_until wait, in tenths of a second (10 s: tests run
# side by side, under sanitizers too)
patience=100
# wait until the screen shows $1
wait_for() {
	i=0
	while [ $i -lt $patience ]; do
		screen | grep -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# wait until CMD... succeeds
wait_until() {
	i=0
	while [ $i -lt $patience ]; do
		"$@" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# the last line (the status line) shows $1
status_has() { screen | tail -n 1 | grep -q -- "$1"; }
# the widest screen line, in cells: lines the terminal wrapped are joined
# (-J), so a row drawn past the right edge counts at its real width
widest() { tm capture-pane -p -J -t "${1:-app}" | LC_ALL=C.UTF-8 wc -L; }
