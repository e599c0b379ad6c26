#!/bin/sh
# The browser and the terminal: the mouse left to the terminal unless the config
# asks for it, then clicks and the wheel (sent as the X10 reports a terminal
# writes); colours that NO_COLOR and the mono theme turn off.
. "$SRCDIR/tests/tap.sh"
. "$SRCDIR/tests/tmux.sh"
S="$SRCDIR/data/samples"
ALL=$("$EPINEWS" list "$S" 2>/dev/null | wc -l | tr -d ' ') # articles in the samples
start() { # start [ENV...]: the browser on the samples at 100x30
	tm kill-session -t app 2>/dev/null
	tm new-session -d -s app -x 100 -y 30 "env $* TERM=screen-256color '$EPINEWS' '$S'; echo EXIT=\$?; sleep 60"
	wait_for "/$ALL  \[list\]"
}
# mouse BUTTON X Y: an X10 report (button 0 press, 3 release, 64 wheel up, 65 down)
mouse() {
	tm send-keys -t app -l "$(printf "\033[M$(printf '\\%03o' $((32 + $1)) $((33 + $2)) $((33 + $3)))")"
}
click() { mouse 0 "$1" "$2"; mouse 3 "$1" "$2"; }
# colour sequences (foreground or background, 8, 16 or 256 colours) on the screen
colours() { tm capture-pane -e -p -t app | grep -c "$(printf '\033')\[\([0-9;]*;\)\{0,1\}\(3[0-7]\|4[0-7]\|9[0-7]\|38;5\)"; }

# by default the mouse is the terminal's, for selecting text
start
is "$(tm display -p -t app '#{mouse_any_flag}')" 0 "by default the browser asks for no mouse reports"
tm send-keys -t app q
mkdir -p "$XDG_CONFIG_HOME/epinews"
echo 'set mouse on' >"$XDG_CONFIG_HOME/epinews/config"
start
is "$(tm display -p -t app '#{mouse_standard_flag}')" 1 "with 'set mouse on' it asks the terminal for mouse clicks"
click 5 4 # row 4 of the screen: the fourth article, under the column header
wait_for "^ 4/$ALL  \[list\]"
ok $? "a click on the fourth row of the list selects the fourth article"
mouse 65 5 4
wait_for "^ 5/$ALL  \[list\]"
ok $? "the wheel down moves to the next article"
mouse 64 5 4
wait_for "^ 4/$ALL  \[list\]"
ok $? "the wheel up moves back"
tm send-keys -t app / 青岛一线捐赠 Enter # the donation with funds of 约269万元
wait_for 'search: 青岛一线捐赠'
tm send-keys -t app g Enter
wait_for 'volunteers'
y=$(screen | grep -n '^ funds' | head -n 1 | cut -d: -f1)
ok $((!${y:-0})) "the open article lists its measures (funds on row ${y:-none})"
click 5 $((${y:-1} - 1))
wait_for '\[facts\]'
ok $? "a click on a measure moves to the measures panel"
tm send-keys -t app m
wait_for 'marked'
ok $? "m marks the measure clicked"
c=$(colours)
ok $((!(c > 0))) "the default theme draws in colour ($c colour sequences)"
tm send-keys -t app q q
wait_for 'EXIT=' # the highlights are saved
"$EPINEWS" highlights "$S" >"$T/hl" 2>&1
is "$(grep -c . "$T/hl") $(grep -c '269万元' "$T/hl")" "1 1" "the one highlight is the funds clicked (约269万元), not the first measure"
rm -f "$XDG_CONFIG_HOME/epinews/config"

# no colour when asked
start NO_COLOR=1
is "$(colours)" 0 "NO_COLOR: not one colour sequence on the screen"
tm send-keys -t app j
wait_until status_has "^ 2/$ALL"
ok $? "NO_COLOR: the selected row still moves (it stands out in reverse video)"
tm capture-pane -e -p -t app | grep -q "$(printf '\033')\[7m"
ok $? "NO_COLOR: the selection is drawn in reverse video"
tm send-keys -t app q
echo 'set theme mono' >"$XDG_CONFIG_HOME/epinews/config"
start
is "$(colours)" 0 "theme mono: not one colour sequence on the screen"
tm send-keys -t app q
rm -f "$XDG_CONFIG_HOME/epinews/config"
# a storm of resizes while a larger archive loads, then a correct screen
"$GEN_ARCHIVE" --mb 40 "$T/big" >/dev/null
tm kill-session -t app 2>/dev/null
tm new-session -d -s app -x 100 -y 30 "env TERM=screen-256color '$EPINEWS' --no-cache $T/big/part-*; echo EXIT=\$?; sleep 60"
wait_for 'reading'
loading=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	tm resize-window -t app -x $((40 + (i * 37) % 160)) -y $((10 + (i * 13) % 50))
	screen | grep -q 'reading\|measures\|index' && loading=$((loading + 1))
	sleep 0.05
done
tm resize-window -t app -x 100 -y 30
patience=600 # loading 40 MB under the sanitizers takes a while
wait_until status_has '\[list\]'
patience=100
status_has '^ 1/[0-9]* *\[list\]'
ok $? "after 20 resizes while loading ($loading of them with the progress bar up) the list is drawn"
ok $(($(widest) > 100)) "and no line is wider than the terminal's 100 cells"
tm send-keys -t app q
wait_for 'EXIT=0'
ok $? "and q quits with status 0"

# the width check itself: a line printed past the edge is seen at its width
tm new-session -d -s wide -x 100 -y 10 "printf '%0130d\\n' 0; sleep 30"
i=0
while [ "$(widest wide)" -lt 130 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
is "$(widest wide)" 130 "widest sees a 130-cell line the terminal wrapped at 100"
tm kill-session -t wide
done_testing
