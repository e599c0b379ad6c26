#!/bin/sh
# Highlights in the browser, driven in tmux: mark a measure, an article and a
# selected passage, write a note, quit, reopen (the marks are there), export
# from the browser and parse the file back; copy through OSC 52; open the URL
# with $BROWSER, run without a shell.
. "$SRCDIR/tests/tap.sh"
. "$SRCDIR/tests/tmux.sh"
S="$SRCDIR/data/samples"
ALL=$("$EPINEWS" list "$S" 2>/dev/null | wc -l | tr -d ' ') # articles in the samples
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed (./quickstart installs it)"
# a browser that writes down the arguments it was given
cat >"$T/browser" <<'SH'
#!/bin/sh
for a in "$@"; do printf '%s\n' "$a"; done >"$(dirname "$0")/browser.args"
SH
chmod +x "$T/browser"
start() {
	tm kill-session -t app 2>/dev/null
	tm new-session -d -s app -x 130 -y 30 -c "$T" "env TERM=screen-256color BROWSER='$T/browser' '$EPINEWS' '$1'; echo DONE-\$?; sleep 60"
}

start "$S"
wait_for "/$ALL  \[list\]"
tm send-keys -t app / 武汉已设置138 Enter
wait_for 'search: 武汉已设置138'
tm send-keys -t app m
wait_for 'marked the article'
ok $? "m in the list marks the article"
screen | grep -q '^\*-          武汉已设置138'
ok $? "the list shows the article as marked (*)"
tm send-keys -t app Enter Tab m
wait_for 'marked the measure'
ok $? "m on the side panel marks the measure"
screen | grep -q '│\*isolati'
ok $? "the side panel shows the measure as marked (*)"
tm send-keys -t app a '截至6日' Enter
wait_for 'note saved'
ok $? "a writes a note on the measure"
tm send-keys -t app Tab v
wait_for 'selecting sentences'
st=$?
tm send-keys -t app j
(exit $st)
ok $? "v starts a selection of sentences in the reader"
tm send-keys -t app m
wait_for 'marked the passage'
ok $? "m marks the selected passage"
tm send-keys -t app a '段落注' Enter
wait_for 'note saved'
ok $? "a right after marking a passage writes a note"
tm send-keys -t app y
wait_for 'copied .* to the clipboard'
ok $? "y copies (OSC 52) and says so"
tm send-keys -t app o
wait_for 'opening'
i=0
while [ ! -s "$T/browser.args" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
url=$("$EPINEWS" show --json "$("$EPINEWS" search --limit 1 武汉已设置138 "$S" | cut -f1)" "$S" | "$PWD/tests/json_get" url)
[ "$url" = null ] && url=
if [ -n "$url" ]; then
	is "$(cat "$T/browser.args")" "$url" "o runs \$BROWSER with the URL as its one argument"
else
	grep -q 'no URL' "$T/s.txt" 2>/dev/null; screen | grep -q 'this article has no URL'
	ok $? "o says when the article has no URL"
fi
tm send-keys -t app q q
wait_for 'DONE-0'
ok $? "q q quits"
"$EPINEWS" highlights "$S" >"$T/hl" 2>&1
is "$(awk -F'\t' '{ print $2 "=" $5 }' "$T/hl" | sort | tr '\n' ' ')" "article=- fact=截至6日 passage=段落注 " \
	"the note written after v j m is the passage's, not a new or the article's highlight"

start "$S"
wait_for "/$ALL  \[list\]"
tm send-keys -t app H
wait_for "Highlights: 3"
ok $? "after a restart the highlights list has the three marks"
screen | grep -q '\[截至6日\]'
ok $? "with the note"
tm send-keys -t app e
wait_for 'export highlights to'
tm capture-pane -e -p -t app | tail -n 1 | grep -q "$(printf '\033')\[7mepinews-highlights.csv"
ok $? "the export prompt suggests a file name, shown selected"
tm send-keys -t app out.csv
wait_until status_has 'export highlights to (.csv .jsonl .md): out.csv *$'
ok $? "what is typed replaces the suggestion, not appended to it"
tm send-keys -t app Enter
wait_for 'exported 3 highlight(s) to out.csv'
ok $? "e exports to a file named at the prompt"
python3 - "$T/out.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
types = sorted(r["type"] for r in rows)
assert types == ["article", "fact", "passage"], types
fact = [r for r in rows if r["type"] == "fact"][0]
assert fact["kind"] == "isolation_sites" and fact["value"] == "138" and fact["note"] == "截至6日", fact
assert all(r["status"] == "ok" for r in rows)
PY
ok $? "the exported CSV parses and holds the fact, its note, the article and the passage"
tm send-keys -t app e Enter
wait_for 'replace it? (y/n)'
ok $? "exporting again to the same file asks first"
tm send-keys -t app n
wait_for 'not exported'
ok $? "n keeps the file"
tm send-keys -t app H
wait_for "Highlights: 3"
tm send-keys -t app m
wait_for 'Highlights: 2'
ok $? "m in the highlights list unmarks"
tm send-keys -t app '?'
wait_for 'epinews keys in the highlights'
ok $? "? over the highlights list shows the highlights list's keys"
tm send-keys -t app q
wait_for 'Highlights: 2'
ok $? "q closes the help and the highlights list is back under it"
tm send-keys -t app q
wait_for "/$ALL  \[list\]"
ok $? "q again closes the highlights list"
tm send-keys -t app q
wait_for 'DONE-0'
is "$("$EPINEWS" highlights "$S" | grep -c .)" 2 "the command line sees the same two highlights"

# a URL crafted to run a command is only ever an argument
mkdir -p "$T/evil"
printf '{"title":"危险链接","text":"正文。","url":"https://example.cn/a?x=1;touch${IFS}%s/PWNED;$(touch %s/PWNED2)"}\n' "$T" "$T" >"$T/evil/a.jsonl"
rm -f "$T/browser.args"
start "$T/evil"
wait_for '危险链接'
tm send-keys -t app o
i=0
while [ ! -s "$T/browser.args" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
is "$(grep -c . "$T/browser.args")" 1 "the crafted URL reaches the browser as one argument"
[ ! -e "$T/PWNED" ] && [ ! -e "$T/PWNED2" ]
ok $? "and no command in it ran"
tm send-keys -t app q
done_testing
