#!/bin/sh
# The command-line contract that scripts depend on: output formats, messages, exit codes.
. "$SRCDIR/tests/tap.sh"
A="$SRCDIR/tests/fixtures/archive"
J="$PWD/tests/json_get"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

"$EPINEWS" list "$A" >"$T/out" 2>"$T/err"
is $? 0 "list: exit 0 when articles load"
is "$(wc -l <"$T/out")" 6 "list: six articles from a directory of mixed formats"
is "$(awk -F'\t' 'NF != 5' "$T/out" | wc -l)" 0 "list: every line has five tab-separated fields"
is "$(sed -n 5p "$T/out" | cut -f2-5)" "$(printf -- '-\t江城\t新华社\t江城新增床位1300张')" "list: unknown date is '-', place and source from the dateline"
grep -q '^[0-9a-f]\{8\}	2021-01-09	-	-	北川设置集中隔离点32个$' "$T/out"
ok $? "list: ID is 8 hex digits, date from the URL"
grep -q '	标题在GBK文件里$' "$T/out"
ok $? "list: a GB18030 file is recognised and converted"
grep -q "feed.jsonl:2: malformed JSON record" "$T/err"
ok $? "list: a malformed JSON line is reported as file:line: reason"
grep -q "empty.txt:1: empty file" "$T/err"
ok $? "list: an empty file is reported"
is "$(grep -c . "$T/err")" 2 "list: nothing else is reported"

"$EPINEWS" list --json "$A" 2>/dev/null >"$T/json"
is $? 0 "list --json: exit 0"
"$J" id file offset line title subtitle source place date url paragraphs chars <"$T/json" >"$T/keys"
is $? 0 "list --json: every line parses as a JSON object"
is "$(grep -c missing "$T/keys")" 0 "list --json: every contract key is present"
is "$(sed -n 2p "$T/keys" | cut -f3,4)" "$(printf '200\t3')" "list --json: offset and line of the record"
is "$(sed -n 2p "$T/keys" | cut -f6,9,10)" "$(printf 'null\t2021-01-10\tnull')" "list --json: unknown fields are null"

id=$(sed -n 5p "$T/out" | cut -f1)
"$EPINEWS" show "$id" "$A" >"$T/show" 2>/dev/null
is $? 0 "show: exit 0"
is "$(head -n 1 "$T/show")" "江城新增床位1300张" "show: title first"
grep -q '^source: 新华社 (from dateline)$' "$T/show" && grep -q '^place: 江城$' "$T/show"
ok $? "show: one line per known field"
is "$(sed '1,/^$/d' "$T/show")" "新华社江城3月4日电 江城新增床位1300张。" "show: body after a blank line"
short=$(printf '%s' "$id" | cut -c1-5)
"$EPINEWS" show "$short" "$A" >/dev/null 2>&1
is $? 0 "show: a unique id prefix is enough"
"$EPINEWS" show --json "$id" "$A" 2>/dev/null | "$J" body id title >"$T/sj"
is "$(cut -f1 "$T/sj")" "新华社江城3月4日电 江城新增床位1300张。" "show --json: body is the paragraphs joined by newlines"
"$EPINEWS" show --json "$(sed -n 1p "$T/out" | cut -f1)" "$A" 2>/dev/null | "$J" body >"$T/b2"
is "$(cat "$T/b2")" "$(printf '北川设置集中隔离点32个。\n隔离房间2100间。')" "show --json: two paragraphs, one newline between"

"$EPINEWS" show ffffffff "$A" >/dev/null 2>"$T/err"
is $? 1 "show: exit 1 for an unknown id"
grep -q 'ffffffff: no such article' "$T/err"
ok $? "show: says the article does not exist"
mkdir "$T/emptydir"
"$EPINEWS" list "$T/emptydir" >/dev/null 2>&1
is $? 1 "list: exit 1 when nothing loads (empty directory)"
"$EPINEWS" list /nonexistent/path >/dev/null 2>"$T/err"
is $? 1 "list: exit 1 for a missing path"
grep -q '^/nonexistent/path:1: cannot read: No such file or directory$' "$T/err"
ok $? "list: a missing path is reported with its reason"
"$EPINEWS" list >/dev/null 2>&1
is $? 2 "list: exit 2 without a path"
"$EPINEWS" list --bogus "$A" >/dev/null 2>&1
is $? 2 "list: exit 2 for an unknown option"
"$EPINEWS" show onlyanid >/dev/null 2>&1
is $? 2 "show: exit 2 without a path"
"$EPINEWS" frobnicate "$A" >"$T/out" 2>"$T/err" </dev/null
is "$?:$(wc -c <"$T/out" | tr -d ' '):$(head -n 1 "$T/err")" "2:0:epinews: 'frobnicate' is neither a command nor a file or directory" \
	"an unknown word is a usage error, not a path the browser opens"
"$EPINEWS" fcats "$A" >/dev/null 2>"$T/err"
is "$(head -n 1 "$T/err")" "epinews: 'fcats' is neither a command nor a file or directory (did you mean \"facts\"?)" \
	"a mistyped command gets the nearest one"
TERM=xterm "$EPINEWS" "$A" >"$T/out" 2>"$T/err" </dev/null
is "$?:$(wc -c <"$T/out" | tr -d ' ')" "2:0" "the browser without a terminal exits 2 and writes nothing to stdout"
grep -q 'not a terminal' "$T/err"
ok $? "and says why"
"$EPINEWS" frobnicate --x >/dev/null 2>&1
"$EPINEWS" --frobnicate >/dev/null 2>&1
is $? 2 "an unknown option exits 2"
"$EPINEWS" list "$A" --json 2>/dev/null | head -n 1 | "$J" id >/dev/null
is $? 0 "options may follow the paths"

"$EPINEWS" --version >"$T/v"
is "$(cut -d' ' -f1 "$T/v")" "epinews" "--version names the program"
"$EPINEWS" --help | grep -q 'epinews list'
ok $? "--help lists the subcommands"

# facts: the measures, as text, JSON Lines and CSV
F="$SRCDIR/tests/fixtures/facts/phrasings.txt"
"$EPINEWS" facts --json "$F" >"$T/facts" 2>"$T/err"
is $? 0 "facts: exit 0"
"$J" article file kind value unit qualifier scope place date hour text start end sentence <"$T/facts" >"$T/fk"
is $? 0 "facts --json: every line parses"
is "$(grep -c missing "$T/fk")" 0 "facts --json: every contract key is present"
line=$(grep '	beds	12571	' "$T/fk")
is "$(printf '%s' "$line" | cut -f3-11)" "$(printf 'beds\t12571\t张\tnull\tnull\tnull\t--02-04\t24\t床位12571张')" \
	"facts --json: kind, value, unit, qualifier, scope, place, date, hour and words"
id=$(printf '%s' "$line" | cut -f1)
start=$(printf '%s' "$line" | cut -f12)
end=$(printf '%s' "$line" | cut -f13)
body=$("$EPINEWS" show --json "$id" "$F" | "$J" body)
is "$(printf '%s' "$body" | LC_ALL=C cut -b$((start + 1))-$end)" "床位12571张" "facts: start/end are byte offsets into the show body"
is "$("$EPINEWS" facts --kind lockdown_zones "$F" | cut -f2,3)" "$(printf 'lockdown_zones\t41个')" "facts --kind keeps one kind"
is "$("$EPINEWS" facts --place 美国 "$F" | cut -f2,3,4)" "$(printf 'confirmed\t>30000000例\t美国')" "facts --place keeps one place"
"$EPINEWS" facts --place 湖北 "$SRCDIR/data/samples" | cut -f4 | sort -u >"$T/hubei"
is "$(cat "$T/hubei")" "武汉市" "facts --place with a province covers its cities"
"$EPINEWS" facts --csv "$F" >"$T/csv"
is "$(head -n 1 "$T/csv" | tr -d '\r')" "article,file,kind,value,unit,qualifier,scope,place,places,place_from,date,date_from,since,check,text,start,end,sentence" "facts --csv: header row"
is "$(grep -c . "$T/csv")" "$(($(wc -l <"$T/facts") + 1))" "facts --csv: one row per fact"
C="$SRCDIR/tests/fixtures/facts/checks.txt"
"$EPINEWS" facts --json "$C" | "$J" kind value check check_note >"$T/checks"
is "$(cut -f1-3 "$T/checks" | tr '\t\n' ' ;')" \
	"new_confirmed 12 parts_sum;new_confirmed 8 parts_sum;new_confirmed 3 parts_sum;confirmed 1000 null;discharged 300 null;deaths 50 null;confirmed 650 null;" \
	"facts --json: parts that do not add up to their total say so in check; a balance that holds does not"
is "$(head -n 1 "$T/checks" | cut -f4)" "its parts add up to 11, the total is 12" "facts --json: check_note says it in words"
is "$("$EPINEWS" facts "$C" | head -n 1 | cut -f7)" "! its parts add up to 11, the total is 12" "facts: the text output ends a flagged measure with its note"
P="$SRCDIR/tests/fixtures/facts/lists.txt"
is "$("$EPINEWS" facts --json --place 日喀则 "$P" | "$J" place places)" "$(printf '西藏自治区\t["拉萨市","日喀则市","昌都市","阿里地区"]')" \
	"facts --place finds a measure about a list naming the place; places lists them all"
"$EPINEWS" facts --kind nosuchkind "$F" >/dev/null 2>&1
is $? 2 "facts: an unknown kind is a usage error"
"$EPINEWS" facts --place 火星 "$F" >/dev/null 2>&1
is $? 2 "facts: an unknown place is a usage error"

# Terminal safety: escape sequences in an archive never reach the output
printf '>>>标题\033[2J清屏\n正文\033]52;c;ZXZpbA==\007内容。\302\233\061m\n' >"$T/evil.txt"
"$EPINEWS" list "$T/evil.txt" >"$T/o1"
"$EPINEWS" show "$(cut -f1 "$T/o1")" "$T/evil.txt" >"$T/o2"
is "$(cat "$T/o1" "$T/o2" | LC_ALL=C tr -d '\n\t' | LC_ALL=C grep -c "$(printf '[\001-\010\013-\037\177]')")" 0 "no control bytes in list or show output"
LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$T/o1" "$T/o2"
ok $((! $?)) "no C1 controls in list or show output"
grep -q '正文内容。' "$T/o2"
ok $? "the text around the escapes is kept"

# A directory of 2000 empty files, a FIFO and a symlink loop do not stop the rest
mkdir "$T/many"
i=0
while [ $i -lt 2000 ]; do : >"$T/many/e$i.txt"; i=$((i + 1)); done
cp "$A/wire.txt" "$T/many/zz.txt"
mkfifo "$T/many/fifo"
ln -s "$T/many" "$T/many/loop"
"$EPINEWS" list "$T/many" >"$T/o" 2>"$T/e"
is "$(wc -l <"$T/o")" 2 "2000 empty files, a FIFO and a symlink loop: the real file still loads"
grep -q 'fifo:1: not a regular file' "$T/e" && grep -q 'loop:1: symbolic link loop' "$T/e"
ok $? "the FIFO and the loop are reported"

# one XDG resolver: a relative XDG_CONFIG_HOME is ignored (the spec), as every file of ours does
mkdir -p "$T/x/rel/epinews" "$T/x/home/.config/epinews"
echo 'bind list J last' >"$T/x/rel/epinews/config"
echo 'bind list J first' >"$T/x/home/.config/epinews/config"
(cd "$T/x" && HOME="$T/x/home" XDG_CONFIG_HOME=rel "$EPINEWS" --dump-keys) >"$T/keys" 2>&1
grep -q '^bind list J first$' "$T/keys" && ! grep -q '^bind list J last$' "$T/keys"
ok $? "a relative XDG_CONFIG_HOME is ignored: the config is ~/.config/epinews/config"
done_testing
