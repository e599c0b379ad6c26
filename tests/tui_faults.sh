#!/bin/sh
# File faults under the browser: its cache cut short (truncate) or written over
# in place (cp) while it runs, after which it carries on where it was, on the
# files; fatal signals, after which the terminal is the shell's again; and the
# raw bytes it writes for hostile file names and notes hold none of their
# escapes.
. "$SRCDIR/tests/tap.sh"
. "$SRCDIR/tests/tmux.sh"
S="$SRCDIR/data/samples"
# start ARCHIVE: the browser at 100x30, stderr to $T/err
start() {
	tm kill-session -t app 2>/dev/null
	tm new-session -d -s app -x 100 -y 30 "env TERM=screen-256color '$EPINEWS' '$1' 2>'$T/err'; echo EXIT=\$?; sleep 60"
	wait_for '\[list\]'
}
body() { screen | sed '$d'; }         # every row but the status line
status() { screen | tail -n 1; }
# the status line says $1, and the index (built again on the files) is ready
settled() { status_has "$1" && ! status_has 'building'; }

# ---- the cache cut short under the browser --------------------------------
"$EPINEWS" index "$S" >/dev/null 2>&1
cache=$(ls "$XDG_CACHE_HOME"/epinews/*.cache)
cp "$cache" "$T/sound.cache"
start "$S"
tm send-keys -t app / 武汉 Enter
wait_for 'search: 武汉'
tm send-keys -t app s j j Enter # by place, the third article, opened
wait_until status_has '\[reader\]'
tm send-keys -t app C-l
sleep 0.3
body >"$T/before"
before_status=$(status)
truncate -s 4096 "$cache"
tm send-keys -t app C-l # a redraw reads titles from pages that are gone
wait_until settled 'cut short'
ok $? "cut short: the browser says the cache was cut short while in use"
is "$(status)" "$(printf '%s' "$before_status" | sed 's/| [^|]*$/| cache not used (cut short while in use); rebuilt/')" \
	"cut short: the status line as before (position, search, sort, pane), with the reason"
body >"$T/after"
cmp -s "$T/before" "$T/after"
ok $? "cut short: the same screen, the same article open, the same list, now read from the files"
diff "$T/before" "$T/after" | sed 's/^/# /' | head -n 20
tm send-keys -t app k
wait_until status_has '^ 3/'
ok $? "cut short: it takes keys as before"
grep -q 'cut short while in use' "$T/err"
ok $? "cut short: the reason on stderr too: $(cat "$T/err" | head -n 1)"
tm send-keys -t app q q
wait_for 'EXIT=0'
ok $? "cut short: it quits normally afterwards"
"$EPINEWS" index --check "$S" >"$T/check" 2>&1
ok $? "cut short: the cache rebuilt on the files is sound: $(head -n 1 "$T/check")"

# ---- the cache written over in place -------------------------------------------
cp "$T/sound.cache" "$cache"
start "$S"
tm send-keys -t app / 床位 Enter
wait_for 'search: 床位'
tm send-keys -t app j Enter
wait_until status_has '\[reader\]'
tm send-keys -t app C-l
sleep 0.3
body >"$T/before"
touch -d '+1 minute' "$T/sound.cache"
cp "$T/sound.cache" "$cache" # cp truncates the file and writes it again
touch -d '+1 minute' "$cache"
tm send-keys -t app C-l
wait_until settled 'written over while in use'
ok $? "written over: the browser says the cache was written over while in use"
body >"$T/after"
cmp -s "$T/before" "$T/after"
ok $? "written over: the same screen afterwards"
tm send-keys -t app q q
wait_for 'EXIT=0'

# ---- fatal signals: the terminal given back --------------------------------------
for sig in SEGV TERM HUP ABRT; do
	tm kill-session -t app 2>/dev/null
	tm new-session -d -s app -x 100 -y 30 "sh"
	printf '%s\n' "TERM=screen-256color '$EPINEWS' '$S' 2>/dev/null" \
		"echo MODES \$(stty -a | tr ' ' '\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | sort)" >"$T/run.sh"
	tm send-keys -t app "clear; sh '$T/run.sh'" Enter
	wait_until sh -c "[ \"\$(tmux -L '$SOCK' display -p -t app '#{alternate_on}')\" = 1 ]"
	wait_for '\[list\]'
	pid=$(pgrep -n -f "^$EPINEWS $S\$")
	kill -s "$sig" "$pid"
	wait_for '^MODES'
	is "$(tm display -p -t app '#{alternate_on} #{cursor_flag}')" "0 1" "SIG$sig: the normal screen back, the cursor shown"
	is "$(screen | sed -n 's/^MODES //p')" "echo icanon" "SIG$sig: echo and line editing back on"
done

# ---- raw output: hostile names and notes -----------------------------------------
A="$T/hostile"
mkdir -p "$A"
esc=$(printf '\033')
bel=$(printf '\007')
csi=$(printf '\302\233')
rlo=$(printf '\342\200\256')
printf '>>>武汉床位通报\n\n新华社武汉2月3日电 武汉市新增床位100张。\n' >"$A/a${esc}]0;PWNED${bel}.txt"
printf '>>>坏文件\n\n\377\376\n' >"$A/c${esc}]52;c;Y2xpcA==${bel}.txt"
id=$("$EPINEWS" list "$A" 2>/dev/null | grep 武汉床位 | cut -f1)
"$EPINEWS" mark --article --note "note${esc}]0;NOTE${bel}${rlo}${csi}2J" "$id" "$A" >/dev/null 2>&1
tm kill-session -t app 2>/dev/null
tm new-session -d -s app -x 100 -y 30 "sleep 0.5; env TERM=screen-256color '$EPINEWS' --no-cache '$A' 2>/dev/null; echo EXIT=\$?; sleep 60"
tm pipe-pane -o -t app "cat >'$T/raw'"
wait_for '\[list\]'
status >"$T/first-status"
tm send-keys -t app Enter # the article, its header and file
sleep 0.3
tm send-keys -t app H # the highlights list with the note
wait_for 'note'
tm send-keys -t app q '?' # help
sleep 0.3
tm send-keys -t app q q
wait_for 'EXIT='
tm pipe-pane -t app
raw() { # the hostile sequences in the raw output, counted
	python3 - "$T/raw" <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
print(b.count(b'\x1b]'), b.count(b'\x07'), b.count(b'\xc2\x9b'), b.count('\u202e'.encode()), b.count(b'PWNED\x07'))
PY
}
n=$(wc -c <"$T/raw")
ok $((!(n > 1000))) "raw output: $n bytes of the browser's output recorded"
is "$(raw)" "0 0 0 0 0" "raw output: no OSC, BEL, C1 CSI or BiDi override from file names or notes"
grep -q '/c\^\[\]52;c;Y2xpcA==\^G' "$T/first-status"
ok $? "raw output: the hostile file name on the status line, its escapes shown (^[, ^G) as the CLI shows them"
done_testing
