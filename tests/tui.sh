#!/bin/sh
# The browser as a person uses it: driven in tmux, asserting on the screen text.
. "$SRCDIR/tests/tap.sh"
. "$SRCDIR/tests/tmux.sh"
[ -d "$SEEDS" ] || skip_all "no seed archives at $SEEDS"

tm new-session -d -s app -x 100 -y 30 "env TERM=screen-256color '$EPINEWS' '$SEEDS'; s=\$?; echo EXIT=\$s >'$T/exit'; echo DONE-\$s; sleep 60"
wait_for '武汉已设置132个隔离点'
ok $? "the first screen lists the articles"
ok $(( $(widest) > 100 )) "no screen line is wider than the terminal ($(widest) cells)"

# an action without what it needs says what is missing (the action table's needs)
tm send-keys -t app n
wait_until status_has 'open an article first (Enter)'
ok $? "n with no article open says to open one"
tm send-keys -t app e
wait_until status_has 'no highlights yet: m marks'
ok $? "e with no highlights says how to make one"
tm send-keys -t app / 无此词语 Enter
wait_for 'no matches for'
tm send-keys -t app m
wait_until status_has 'no article here: the list is empty'
ok $? "m on an empty list says there is nothing to mark"
tm send-keys -t app x
wait_for 'search cleared'

# open the Wuhan isolation-sites article (its row is in the list; search for it)
tm send-keys -t app / 隔离点提供床位 Enter
wait_for 'search: 隔离点提供床位'
ok $? "a search is shown in the status line"
tm send-keys -t app Enter
wait_for 'isolation sites'
ok $? "Enter opens the article and its measures"
screen >"$T/s1"
grep 'isolation sites' "$T/s1" | grep -q '132个'
ok $? "the side panel shows 132 isolation sites"
grep 'beds' "$T/s1" | grep -q '12571张'
ok $? "the side panel shows 12571 beds"
grep -q '新华社 · 2020-02-05~ · 武汉' "$T/s1"
ok $? "the reader header shows source, date (inferred from the file: ~) and place"
ok $(( $(widest) > 100 )) "still no line wider than the terminal"

# incremental search narrows the list to the one article
tm send-keys -t app q x / 雷神山
wait_for '1/1 of 21'
ok $? "typing /雷神山 narrows the list to one article as it is typed"
tm send-keys -t app Enter
wait_for '武汉决定再建一个'
ok $? "the narrowed list shows the 雷神山 article"
tm send-keys -t app Escape x
wait_for 'search cleared'
screen | tail -n 1 | grep -q '/21  \[list\]'
ok $? "x clears the search and lists every article again"

# help is generated from the keymap
tm send-keys -t app '?'
wait_for 'move-down'
screen | grep 'move-down' | grep -q 'j <Down> C-n'
ok $? "the help overlay lists the keys of each action"
tm send-keys -t app q

# resize to 40x10 and back
tm resize-window -t app -x 40 -y 10
wait_until status_has '/21'
ok $? "at 40x10 the status line is still there"
ok $(( $(widest) > 40 )) "at 40x10 no line is wider than 40 cells"
tm resize-window -t app -x 30 -y 8
wait_for 'terminal too small'
ok $? "below 40x10 the program says the terminal is too small"
tm resize-window -t app -x 100 -y 30
wait_for '武汉已设置132个隔离点'
ok $? "back at 100x30 the list is drawn again"
ok $(( $(widest) > 100 )) "and no line is wider than 100 cells"

tm send-keys -t app q
i=0
while [ ! -s "$T/exit" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
is "$(cat "$T/exit" 2>/dev/null)" "EXIT=0" "q quits with status 0"
wait_for 'DONE-0' && ! screen | grep -q '隔离点'
ok $? "the terminal is restored: the browser's screen is gone, the shell's output shows"

# a bad config line is reported with its line number and the rest applies
mkdir -p "$T/config/epinews"
printf 'bind list J move-down\nbind list j nosuchaction\nset theme mono\n' >"$T/config/epinews/config"
XDG_CONFIG_HOME="$T/config" "$EPINEWS" --dump-keys >"$T/keys" 2>"$T/err"
grep -q 'config:2: unknown action "nosuchaction"' "$T/err"
ok $? "a bad config line is reported as file:line: reason"
grep -q '^bind list J move-down$' "$T/keys" && grep -q '^set theme mono$' "$T/keys"
ok $? "the other lines still apply (--dump-keys shows them)"

# no terminal, or a dumb one: a clear message
TERM=dumb "$EPINEWS" "$SEEDS" >/dev/null 2>"$T/err"
is $? 2 "TERM=dumb exits 2"
grep -q 'needs a terminal' "$T/err"
ok $? "with a clear message"
LC_ALL=C LANG=C "$EPINEWS" "$SEEDS" >/dev/null 2>"$T/err"
grep -q 'needs a UTF-8 locale' "$T/err"
ok $? "a non-UTF-8 locale gets a clear message"
done_testing
