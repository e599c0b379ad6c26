#!/bin/sh
# Bad input, tried for real: a 50 MB JSON line, files that grow and shrink while
# they are read, 10 000 empty files, NUL bytes and invalid UTF-8 in every field,
# a memory limit, and two processes building the same cache at once. Each gives
# its message (or none) and the rest of the archive loads; nothing crashes.
. "$SRCDIR/tests/tap.sh"
T=$(mktemp -d)
trap 'kill $writer 2>/dev/null; rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache" XDG_DATA_HOME="$T/data"
E="$EPINEWS"
good='{"title":"正常文章","text":"武汉市新增确诊病例3例。","date":"2020-02-03"}'

# a 50 MB JSON line beside a normal file
mkdir "$T/big"
printf '%s\n' "$good" >"$T/big/a.jsonl"
{ printf '{"title":"超长记录","text":"'; head -c 50000000 /dev/zero | tr '\0' 'x'; printf '"}\n'; } >"$T/big/b.jsonl"
"$E" --no-cache list "$T/big" >"$T/out" 2>"$T/err"
is $? 0 "a 50 MB JSON line: exit 0"
is "$(cut -f5 "$T/out" | sort | tr '\n' ' ')" "正常文章 超长记录 " "a 50 MB JSON line: it and its neighbour both load"
is "$("$E" --no-cache search --count 超长记录 "$T/big" 2>/dev/null)" 1 "a 50 MB article is indexed and found"

# NUL bytes and invalid UTF-8 in every field of a record
printf '{"title":"标题\\u0000后\xff\xfe","text":"正文\\u0000\xc0\xaf\xed\xa0\x80结束","source":"来\x80源","url":"http://x.cn/\xff","date":"2020-02-0\x003"}\n%s\n' "$good" >"$T/nul.jsonl"
"$E" --no-cache list --json "$T/nul.jsonl" >"$T/out" 2>"$T/err"
rc=$?
ok $((rc > 1)) "NUL and invalid UTF-8 in every field: exit $rc, no crash"
grep -q '正常文章' "$T/out"
ok $? "the record after it loads"
tr -d '\000' <"$T/out" | cmp -s - "$T/out"
ok $? "no NUL byte reaches the output"
python3 -c 'import sys; open(sys.argv[1], encoding="utf-8", errors="strict").read()' "$T/out" 2>/dev/null ||
	iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null 2>&1
ok $? "the output is valid UTF-8"

# 10 000 empty files and one article
mkdir "$T/many"
i=0
( cd "$T/many" && seq 1 10000 | sed 's/$/.txt/' | xargs touch )
printf '%s\n' "$good" >"$T/many/z-article.jsonl"
"$E" --no-cache list "$T/many" >"$T/out" 2>"$T/err"
is $? 0 "10 000 empty files: exit 0"
is "$(wc -l <"$T/out" | tr -d ' ')" 1 "10 000 empty files: the one article loads"
is "$(grep -c ': empty file$' "$T/err")" 10000 "10 000 empty files: each one reported"

# files that grow and shrink while they are read
mkdir "$T/moving"
printf '%s\n' "$good" >"$T/moving/stable.jsonl"
( while :; do
	for k in 1 2 3 4 5 6 7 8; do printf '%s\n' "$good" >>"$T/moving/grow.jsonl"; done
	: >"$T/moving/shrink.jsonl"
	head -c 200000 "$T/big/b.jsonl" >"$T/moving/shrink.jsonl"
	[ "$(wc -c <"$T/moving/grow.jsonl")" -gt 2000000 ] && : >"$T/moving/grow.jsonl"
done ) &
writer=$!
crashes=0 lost=0
for k in $(seq 20); do
	"$E" --no-cache list "$T/moving" >"$T/out" 2>/dev/null
	rc=$?
	[ $rc -gt 1 ] && crashes=$((crashes + 1))
	grep -q '正常文章' "$T/out" || lost=$((lost + 1))
done
kill $writer 2>/dev/null
wait $writer 2>/dev/null
is "$crashes" 0 "files growing and shrinking during 20 reads: no crash"
is "$lost" 0 "and the stable file beside them always loads"

# two processes building the same cache at once, and a search meanwhile
S="$SRCDIR/data/samples"
"$E" index "$S" >"$T/i1" 2>&1 &
p1=$!
"$E" index "$S" >"$T/i2" 2>&1 &
p2=$!
"$E" search --count 床位 "$S" >"$T/s1" 2>&1
s=$?
wait $p1
r1=$?
wait $p2
r2=$?
is "$r1 $r2 $s" "0 0 0" "two index runs and a search on one archive at once all succeed"
cache=$("$E" index --path "$S")
is "$("$E" index --check "$S")" "$cache: sound" "the cache they wrote is sound"
ls "$(dirname "$cache")"/*.tmp >/dev/null 2>&1
ok $((!$?)) "no temporary file is left"

# a file without read permission: root reads every file, so as root the check
# runs as nobody, with a copy of the program in a directory nobody can enter
U=$(mktemp -d)   # the program's copy, and beside it
A="$U/a"         # the archive: one readable file, one not
chmod 755 "$U"
cp "$E" "$U/epinews"
mkdir "$A"
printf '%s\n' "$good" >"$A/good.jsonl"
printf '%s\n' "$good" >"$A/locked.jsonl"
chmod 755 "$A"
chmod 644 "$A/good.jsonl"
chmod 000 "$A/locked.jsonl"
if [ "$(id -u)" != 0 ]; then
	"$U/epinews" --no-cache list "$A" >"$U/out" 2>"$U/err"
	rc=$?
elif command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
	setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
		"$U/epinews" --no-cache list "$A" >"$U/out" 2>"$U/err"
	rc=$?
else
	rc=skip
fi
if [ "$rc" = skip ]; then
	ok 0 "# SKIP running as root without setpriv or a user nobody"
	ok 0 "# SKIP"
else
	is "$rc $(wc -l <"$U/out")" "0 1" "a file without read permission: the readable one beside it loads"
	grep -q "locked.jsonl:[0-9]*: cannot open: Permission denied" "$U/err"
	ok $? "and the unreadable one is named with the reason ($(head -c 200 "$U/err"))"
fi
rm -rf "$U"

# a memory limit: a clear message or success, never a crash
if (ulimit -v 200000 && "$E" --version) >/dev/null 2>&1; then
	mkdir "$T/mem"
	{ i=0; while [ $i -lt 40 ]; do printf '%s\n' "$good"; i=$((i + 1)); done
	  printf '{"title":"大","text":"'; head -c 120000000 /dev/zero | tr '\0' 'y'; printf '"}\n'; } >"$T/mem/a.jsonl"
	(ulimit -v 200000; "$E" --no-cache list "$T/mem" >"$T/out" 2>"$T/err")
	rc=$?
	is "$rc" 3 "120 MB of text under a 200 MB memory limit: exit 3, not a crash"
	grep -q 'out of memory' "$T/err"
	ok $? "and the message says out of memory"
	(ulimit -v 200000; "$E" --no-cache list "$T/big/a.jsonl" >/dev/null 2>&1)
	is $? 0 "a small archive under the same limit loads"
else
	ok 0 "# SKIP memory limits: this build (sanitizers?) cannot start under ulimit -v"
	ok 0 "# SKIP"
	ok 0 "# SKIP"
fi
# GB18030 whose last character is cut short: read as GB18030, the message at
# the line of the bad bytes
python3 -c "
import sys
t = '>>>武汉市新增确诊病例\n\n' + '武汉市卫健委通报，全市新增确诊病例12例。' * 40 + '\n'
sys.stdout.buffer.write(t.encode('gb18030') + '病'.encode('gb18030')[:1])" >"$T/gb.txt"
$E --no-cache list "$T/gb.txt" >"$T/out" 2>"$T/err"
is "$(cut -f5 "$T/out")|$(cat "$T/err")" "武汉市新增确诊病例|$T/gb.txt:4: 1 invalid byte sequence(s) in GB18030 text replaced by U+FFFD" \
	"GB18030 with one cut character is read as GB18030, and the message names the line"

# a lone surrogate escape (what Python writes for a broken emoji) becomes
# U+FFFD and the record stays; a pair is one character
printf '%s\n' '{"title":"a\ud800b","text":"武汉市床位10张\ud83d\ude00。"}' '{"title":"后一条","text":"x"}' >"$T/sur.jsonl"
is "$($E --no-cache list "$T/sur.jsonl" 2>/dev/null | cut -f5 | tr '\n' '|')" "a�b|后一条|" \
	"a lone surrogate is U+FFFD and the record is kept"
$E --no-cache search --count '"床位10张😀"' "$T/sur.jsonl" >"$T/n" 2>/dev/null
is "$(cat "$T/n")" 1 "a surrogate pair is the character it encodes"

# cells a spreadsheet would read as formulas get a leading ' in every CSV;
# numbers stay numbers
mkdir "$T/csv"
printf '%s\n' '{"title":"=cmd|'"'"' /C calc'"'"'!A0","source":"+1+1","text":"@SUM(A1) 武汉市床位100张。","date":"2020-02-03"}' \
	'{"title":" -2+3","source":"=HYPERLINK(\"http://x\")","text":"武汉市床位200张。","date":"2020-02-04"}' >"$T/csv/f.jsonl"
for cmd in "export --format csv --query 床位" "export --format csv --excel --query 床位" "facts --csv"; do
	$E --no-cache $cmd "$T/csv" >"$T/out.csv" 2>/dev/null
	bad=$(python3 -c "
import csv, sys
bad = 0
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
for r in rows[1:]:
    for c in r:
        if c.lstrip(' ')[:1] in ('=', '+', '-', '@', '\t', '\r') and not c.lstrip('-').isdigit():
            bad += 1
print(bad, len(rows) - 1)" "$T/out.csv")
	is "$bad" "0 2" "$cmd: no cell starts like a formula (two rows)"
done
grep -q "'=cmd|" "$T/out.csv" || $E --no-cache export --format csv --query 床位 "$T/csv" 2>/dev/null | grep -q "'=cmd|"
ok $? "a formula is kept, after a '"
$E --no-cache facts --csv "$T/csv" | cut -d, -f4 | sed -n 2p | grep -qx 100
ok $? "numbers stay numbers"
done_testing
