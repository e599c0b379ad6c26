#!/bin/sh
# The browser on the bundled samples, driven in tmux: the query language in the
# prompt (errors shown as typed), place and date filters, query history across
# runs, extreme terminal sizes, and articles full of terminal escape sequences.
. "$SRCDIR/tests/tap.sh"
. "$SRCDIR/tests/tmux.sh"
S="$SRCDIR/data/samples"
ALL=$("$EPINEWS" list "$S" 2>/dev/null | wc -l | tr -d ' ') # articles in the samples
status() { screen | tail -n 1; }
start() { # start ARCHIVE [WIDTH HEIGHT]
	tm kill-session -t app 2>/dev/null
	tm new-session -d -s app -x "${2:-120}" -y "${3:-30}" "env TERM=screen-256color '$EPINEWS' '$1'; echo DONE-\$?; sleep 60"
}

start "$S"
wait_for "/$ALL  \[list\]"
ok $? "the samples open: $ALL articles"
tm send-keys -t app / '床位 palce:'
wait_for 'column 4: unknown field "palce"'
ok $? "a query that does not parse says where, while it is typed"
tm send-keys -t app Enter
wait_until status_has '^/床位 palce:'
ok $? "Enter on a bad query keeps the prompt open to fix it"
tm send-keys -t app C-u '床位 date:2020' Enter
wait_for 'search: 床位 date:2020'
ok $? "the fixed query is kept"
n=$("$EPINEWS" search --count '床位 date:2020' "$S" 2>/dev/null)
screen | tail -n 1 | grep -q " 1/$n of $ALL "
ok $? "the list holds what 'epinews search' finds ($n)"
tm send-keys -t app x c
wait_for 'Filter by place'
ok $? "c opens the place picker"
screen | grep -q '^ *3  武汉市  湖北省'
ok $? "the picker lists the archive's places with article counts"
tm send-keys -t app xuchang
wait_for '许昌市  河南省'
screen | sed -n 3p | grep -q '许昌市'
ok $? "typing pinyin narrows the picker to 许昌"
tm send-keys -t app Enter
wait_for 'filter: place:许昌市'
ok $? "Enter makes it a filter, shown in the status line"
n=$("$EPINEWS" search --count 'place:许昌市' "$S" 2>/dev/null)
screen | tail -n 1 | grep -q " 1/$n of $ALL "
ok $? "the list holds the $n articles about 许昌"
tm send-keys -t app / 确诊 Enter
wait_for 'search: 确诊'
n=$("$EPINEWS" search --count 'place:许昌市 确诊' "$S" 2>/dev/null)
screen | tail -n 1 | grep -q " 1/$n of $ALL .*filter: place:许昌市  search: 确诊"
ok $? "a search is ANDed with the filter ($n)"
tm send-keys -t app Enter n
wait_for 'match 1 of'
ok $? "n jumps to the first hit in the open article"
tm send-keys -t app q x X
wait_for 'filter place:许昌市 removed'
screen | tail -n 1 | grep -q "/$ALL  \[list\]"
ok $? "X removes the filter: every article again"
tm send-keys -t app / 床位 Enter
wait_for 'search: 床位'
tm send-keys -t app S
wait_for 'save as @'
tm send-keys -t app beds Enter
wait_for 'saved as @beds: 床位'
ok $? "S saves the search in force under a name"
is "$(grep -v '^#' "$XDG_DATA_HOME/epinews/searches")" "beds = 床位" "it goes to the searches file; no config is written"
n=$("$EPINEWS" search --count 床位 "$S" 2>/dev/null)
tm send-keys -t app x @
wait_for 'Filter by saved search'
screen | sed -n 3p | grep -q "^ *$n  @beds  床位"
ok $? "@ lists the saved searches with what each finds ($n)"
tm send-keys -t app Enter
wait_for 'filter: @beds'
screen | tail -n 1 | grep -q " 1/$n of $ALL "
ok $? "Enter adds it as a filter"
is "$("$EPINEWS" search --count @beds "$S" 2>/dev/null)" "$n" "@beds works on the command line too"
tm send-keys -t app X
wait_for 'filter @beds removed'
ok $? "X removes it"
tm send-keys -t app d 2021
wait_for 'Filter by month'
screen | sed -n 3p | grep -q ' 2021-'
ok $? "d lists the months; typing 2021 puts 2021's first"
line=$(screen | sed -n 3p)
is "$(echo "$line" | awk '{ print $1 }')" "$("$EPINEWS" search --count "date:$(echo "$line" | awk '{ print $2 }')" "$S" 2>/dev/null)" \
	"the month picker's count is what search counts ($line)"
tm send-keys -t app Enter
wait_for 'filter: date:2021-'
screen | awk 'NR < 29' | grep -E '^[ *]20[0-9][0-9]-' | cut -c2- >"$T/dates"
m=$(screen | tail -n 1 | sed -n 's/.*filter: date:\(2021-[0-9]*\).*/\1/p')
[ -s "$T/dates" ] && ! grep -qv "^$m-" "$T/dates"
ok $? "every listed article is from that month ($m)"
tm send-keys -t app X K
wait_for 'Filter by measure'
# every kind the picker offers, its count against the filter's
screen | sed -n 's/^ *\([0-9][0-9]*\)  \(.*\)$/\1|\2/p' >"$T/kinds"
rows=0 wrong=
while IFS='|' read -r count label; do
	name=$(printf '%s\n' "$label" | sed -n 's/.*(\([a-z_]*\))$/\1/p')
	[ -n "$name" ] || name=$label
	rows=$((rows + 1))
	[ "$count" = "$("$EPINEWS" search --count "kind:$name" "$S" 2>/dev/null)" ] || wrong="$wrong $name"
done <"$T/kinds"
is "$rows:${wrong:-none}" "$(wc -l <"$T/kinds" | tr -d ' '):none" \
	"the measure picker's count for each of its $rows kinds is what search --count kind:K gives"
ok $((!(rows >= 20))) "the picker lists the kinds the samples have ($rows)"
tm send-keys -t app beds Enter
wait_for 'filter: kind:beds'
n=$("$EPINEWS" search --count 'kind:beds' "$S" 2>/dev/null)
screen | tail -n 1 | grep -q " 1/$n of $ALL "
ok $? "K picks a kind of measure: the $n articles with beds"
tm send-keys -t app X
tm send-keys -t app q
wait_for 'DONE-0'
ok $? "q quits"

# the history survives a restart: Up brings back the last query
start "$S"
wait_for "/$ALL  \[list\]"
tm send-keys -t app / Up
wait_for "^/床位"
ok $? "Up in the prompt recalls the last query of the previous run"
tm send-keys -t app Up
wait_for '^/确诊'
ok $? "and the ones before it"
tm send-keys -t app Escape '?'
wait_for 'j/k scroll'
ok $? "help that does not fit says it scrolls"
tm send-keys -t app G
wait_for 'redraw the screen'
ok $? "G in the help shows the last action"
tm send-keys -t app q q

# extreme sizes
start "$S" 300 100
wait_for "/$ALL  \[list\]"
ok $? "300x100: drawn"
ok $(( $(widest) > 300 )) "300x100: no line wider than the terminal"
tm resize-window -t app -x 1 -y 1
sleep 0.3
tm resize-window -t app -x 120 -y 30
wait_for "/$ALL  \[list\]"
ok $? "after 1x1 the browser is back and whole at 120x30"
i=0
while [ $i -lt 20 ]; do
	tm resize-window -t app -x $((40 + i * 7)) -y $((10 + i))
	i=$((i + 1))
done
tm resize-window -t app -x 100 -y 30
wait_for "/$ALL  \[list\]"
ok $? "a storm of resizes leaves a working browser"
tm send-keys -t app q
wait_for 'DONE-0'
ok $? "and it quits normally"

# hostile text: escape sequences, C1 controls, BiDi overrides, zero-width marks
mkdir -p "$T/evil"
printf '>>>标题\033]2;PWNED\007开头\033[2J清屏\302\233\061mC1\342\200\256反转\342\200\213零宽\n正文\033]52;c;SGVsbG8=\007剪贴板\033[31m红字\033[0m\033P设备\033\\结束。\n' >"$T/evil/a.txt"
tm set-option -g set-titles off 2>/dev/null
start "$T/evil"
wait_for '标题'
ok $? "an article with escape sequences in its title is listed"
tm send-keys -t app Enter
wait_for '剪贴板'
screen >"$T/evil.screen"
grep -q '标题' "$T/evil.screen" && grep -q '开头' "$T/evil.screen" && grep -q '清屏' "$T/evil.screen"
ok $? "the text around the sequences is shown; \\e[2J did not clear the screen"
is "$(tm display-message -p -t app '#{pane_title}' | grep -c PWNED)" 0 "OSC 2 did not set the window title"
is "$(tm list-buffers 2>/dev/null | grep -c .)" 0 "OSC 52 did not reach the clipboard"
tm capture-pane -p -e -t app | grep -q '31m红字'
ok $((!$?)) "the article's colour sequence was not passed through"
LC_ALL=C grep -q "$(printf '\342\200\256')" "$T/evil.screen"
ok $((!$?)) "the BiDi override is not on the screen"
tm send-keys -t app q q

# the list of a search is the order the command gives (by date, undated last)
start "$S" 120 60
wait_for "/$ALL  \[list\]"
tm send-keys -t app / 确诊 Enter
wait_for 'search: 确诊'
"$EPINEWS" search --sort date 确诊 "$S" >"$T/found"
cut -f5 "$T/found" >"$T/want"
screen | sed 1d >"$T/got" # below the column header
bad=$(python3 -c '
import sys
want = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
got = open(sys.argv[2], encoding="utf-8").read().split("\n")
print(sum(1 for i, t in enumerate(want) if i >= len(got) or t[:7] not in got[i]))' "$T/want" "$T/got")
rows=$(wc -l <"$T/want" | tr -d ' ')
is "$bad of $rows" "0 of $rows" "the browser lists a search in the order of 'search --sort date', row by row"
tm send-keys -t app r
newest=$(awk -F'\t' '$2 != "-" { t = $5 } END { print t }' "$T/found" | cut -c1-12) # the last dated one
first_has() { screen | sed -n 2p | grep -q -- "$1"; } # the first row under the header
wait_until first_has "$newest"
ok $? "reversed, the newest dated article comes first"
tm send-keys -t app q

# Ctrl-Z suspends to the shell and fg brings the browser back, redrawn; the
# shell gets its terminal back as it was (Ctrl-Z is its suspend key again)
shown() { # shown NAME: ok on $?, and the screen in the log when not
	r=$?
	ok $r "$1"
	[ $r -eq 0 ] || screen | sed 's/^/#   | /'
}
if command -v bash >/dev/null 2>&1; then
	tm kill-session -t app 2>/dev/null
	tm new-session -d -s app -x 100 -y 30 "env PS1='PROMPT\$ ' bash --norc --noprofile -i"
	wait_for '^PROMPT'
	shown "an interactive shell to suspend to"
	tm send-keys -t app "env TERM=screen-256color '$EPINEWS' '$S'" Enter
	wait_for "/$ALL  \[list\]"
	shown "the browser starts from it"
	tm send-keys -t app C-z
	wait_for 'Stopped'
	shown "Ctrl-Z suspends the browser and gives the shell back"
	tm send-keys -t app fg Enter
	wait_for "/$ALL  \[list\]"
	shown "fg brings it back, redrawn"
	tm send-keys -t app / 床
	wait_for '^/床'
	tm send-keys -t app C-z
	stopped_twice() { [ "$(screen | grep -c Stopped)" -ge 2 ]; }
	wait_until stopped_twice
	shown "Ctrl-Z suspends from the search prompt too"
	tm send-keys -t app fg Enter
	wait_for '^/床'
	shown "and fg comes back to the prompt, as it was typed"
	tm send-keys -t app Escape
	wait_for "/$ALL  \[list\]"
	tm send-keys -t app q
	wait_for '^PROMPT\$ *$'
	shown "and q then quits to the shell"
	tm send-keys -t app "stty -a | grep -c 'susp = ^Z'" Enter
	wait_for '^1$'
	shown "the terminal's suspend key is the shell's again"
else
	for t in 1 2 3 4 5 6 7 8; do ok 0 "# SKIP bash is not installed"; done
fi

# damage in the cache found while browsing (a cache is checked as it is
# read): the browser starts again, says why, and rebuilds the cache
mkdir "$T/big"
awk 'BEGIN { for (i = 0; i < 600; i++) printf ">>>第%d号通报\n截至2月4日，某市设置隔离点%d个，床位%d张。编号%05d的段落在此结束，后面是填充文字，让文章足够长。\n===NEXT NEWS===\n", i, i + 1, 1000 + i, i }' >"$T/big/all.txt"
"$EPINEWS" index "$T/big" >/dev/null 2>&1
c3=$("$EPINEWS" index --path "$T/big")
at=$(grep -boa 编号00300 "$c3" | head -n 1 | cut -d: -f1)
printf 77777 | dd of="$c3" bs=1 seek=$((at + 6)) conv=notrunc 2>/dev/null
start "$T/big"
wait_for '/600  \[list\]'
ok $? "a cache damaged inside one article still opens"
tm send-keys -t app / 编号00300 Enter
wait_for 'cache not used (checksum mismatch (damaged)); rebuilt'
ok $? "reading the damaged article starts the browser again, which says why"
sound() { [ "$("$EPINEWS" index --check "$T/big")" = "$c3: sound" ]; }
wait_until sound
ok $? "and the cache is rebuilt sound"
tm send-keys -t app / 编号00300 Enter
wait_for 'search: 编号00300'
screen | grep -q '第300号通报'
ok $? "the article is found in the rebuilt cache"

# sorting by place or source: articles without one last, either way; a cut column ends in …
mkdir -p "$T/sort"
printf '>>>武汉通报\n\n新华社武汉2月3日电 武汉市新增床位100张。\n=====NEXT NEWS=====\n>>>无地点的文章\n\n今天的天气很好，没有地名。\n=====NEXT NEWS=====\n>>>哈尔滨通报\n\n新华社哈尔滨2月4日电 哈尔滨市新增床位200张。\n' >"$T/sort/a.txt"
start "$T/sort" 100 16
wait_for '/3  \[list\]'
tm send-keys -t app s
wait_until status_has 'by place'
rows() { screen | sed -n '1,4p' | sed 's/ *$//'; }
is "$(rows)" "$(printf '%s\n' \
	' DATE       PLACE    SOURCE   TITLE' \
	' -          哈尔滨市 新华社   哈尔滨通报' \
	' -          武汉市   新华社   武汉通报' \
	' -          -        -        无地点的文章')" "by place, under a column header: the article without a place last"
tm send-keys -t app r
wait_until status_has 'reversed'
is "$(rows | tail -n 1)" ' -          -        -        无地点的文章' \
	"reversed: the article without a place still last"
tm send-keys -t app q

# help from every context's bindings; the highlights list has a keymap of its own
mkdir -p "$XDG_CONFIG_HOME/epinews"
printf 'bind list J last\nunbind reader n\nbind highlights x quit\nbind list F filter-place\nunbind list m\n' \
	>"$XDG_CONFIG_HOME/epinews/config"
start "$S" 100 30
wait_for "/$ALL  \[list\]"
is "$(status | sed 's/.*| //; s/ *$//')" "<Enter>:open /:search F:filter-place d:filter-date ?:help" \
	"the status line's key hint is the list's, from the keymap in force (F rebound, m unbound)"
tm send-keys -t app '?'
wait_for 'epinews keys in the list'
screen >"$T/help"
grep -q '^  J G <End>  *last  *go to the last line$' "$T/help"
ok $? "help in the list shows the list's own binding (J last) with the global ones"
grep -A1 '^  F c  *filter-place' "$T/help" | tail -n 1 | grep -q '^   *works)$'
ok $? "a description too long for the screen goes on under itself, not cut"
tm send-keys -t app G
wait_for 'in the reader:'
screen | grep -A1 '^  in the reader:$' | tail -n 1 | grep -q '^  n  *(unbound)$'
ok $? "help lists what other views bind differently: n unbound in the reader"
screen | grep -A1 '^  in the highlights:$' | tail -n 1 | grep -q '^  x  *quit '
ok $? "and the highlights list's own binding"
tm send-keys -t app q H
wait_for 'Highlights:'
tm send-keys -t app x
wait_until status_has '\[list\]'
screen | grep -q 'Highlights:'
ok $((!$?)) "x, bound in the highlights list only, closes it there"
tm send-keys -t app q
rm -f "$XDG_CONFIG_HOME/epinews/config"

# < and > set the list's width, remembered in the state directory, never the config
mkdir -p "$XDG_CONFIG_HOME/epinews"
printf 'set facts-panel on\n' >"$XDG_CONFIG_HOME/epinews/config"
cp "$XDG_CONFIG_HOME/epinews/config" "$T/config.before"
start "$S" 120 30
wait_for "/$ALL  \[list\]"
col() { screen | head -n 1 | LC_ALL=C.UTF-8 awk '{ print index($0, "│") }'; }
col_is() { [ "$(col)" "$1" "$2" ]; }
w0=$(col)
tm send-keys -t app '>'
wait_until col_is -gt "$w0"
w1=$(col)
ok $(( !(w1 > w0) )) "> widens the list ($w0 -> $w1)"
is "$(cat "$XDG_STATE_HOME/epinews/layout" 2>/dev/null | head -n 1)" "list-width 40" "the width is kept in \$XDG_STATE_HOME/epinews/layout"
cmp -s "$XDG_CONFIG_HOME/epinews/config" "$T/config.before"
ok $? "the config file is not touched"
tm send-keys -t app q
start "$S" 120 30
wait_for "/$ALL  \[list\]"
is "$(col)" "$w1" "after a restart the list has the width it was given"
tm send-keys -t app '<' '<'
wait_until col_is -lt "$w0"
ok $? "< < narrows it below where it started"
tm send-keys -t app q
rm -f "$XDG_CONFIG_HOME/epinews/config" "$XDG_STATE_HOME/epinews/layout"

# no TERM at all
env -u TERM "$EPINEWS" "$S" >/dev/null 2>"$T/err" </dev/null
is $? 2 "unset TERM exits 2"
grep -q 'needs a terminal (TERM is unset)' "$T/err"
ok $? "with a clear message"
done_testing
