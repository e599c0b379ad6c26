#!/bin/sh
# `epinews search` and `epinews index`: the query language from the command line,
# exit codes, JSON hits, and the cache (reuse, refresh, damage, --no-cache).
. "$SRCDIR/tests/tap.sh"
S="$SRCDIR/data/samples"
J="$PWD/tests/json_get"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

"$EPINEWS" search 床位 "$S" >"$T/out" 2>"$T/err"
is $? 0 "search: exit 0 when something matches"
is "$(awk -F'\t' 'NF != 5' "$T/out" | wc -l)" 0 "search: the list format, five tab-separated fields"
is "$(cut -f5 "$T/out" | grep -vc 床位)" "$("$EPINEWS" search --scan 床位 "$S" | while IFS='	' read -r id rest; do "$EPINEWS" show "$id" "$S" | grep -q 床位 || echo "$id"; done | grep -c .)" \
	"search: every article listed has the word (title or body)"
is "$("$EPINEWS" search --count 床位 "$S")" "$(wc -l <"$T/out" | tr -d ' ')" "search --count: the number of matches"
ls "$T/cache/epinews/"*.cache >/dev/null 2>&1
ok $? "search: writes the cache under XDG_CACHE_HOME"

for q in 武汉 床位 "隔离 OR 封控" "确诊 -武汉" '"集中隔离点"' "date:2020" "source:新华社" "kind:beds" "beds>5000" "place:武汉" "核酸 date:2020-01..2022-12"; do
	a=$("$EPINEWS" search "$q" "$S" 2>/dev/null | cut -f1 | sort)
	b=$("$EPINEWS" search --scan "$q" "$S" 2>/dev/null | cut -f1 | sort)
	[ -n "$a" ] && [ "$a" = "$b" ]
	ok $? "search '$q': the index finds exactly what a full scan finds"
done

"$EPINEWS" search 火星基地 "$S" >"$T/out" 2>"$T/err"
is $? 1 "search: exit 1 when nothing matches"
is "$(cat "$T/err")" "epinews search: no article matches" "search: says so on stderr"
"$EPINEWS" search "武汉 palce:x" "$S" >"$T/out" 2>"$T/err"
is $? 2 "search: exit 2 on a query error"
is "$(head -n 1 "$T/err")" 'epinews search: column 4: unknown field "palce" (fields: place city date after before source kind title text)' \
	"search: the error names the column and the field"

"$EPINEWS" search --json --sort relevance --limit 2 "床位 OR 隔离点" "$S" >"$T/json" 2>/dev/null
is "$(wc -l <"$T/json" | tr -d ' ')" 2 "search --limit 2: two results"
"$J" id score hits <"$T/json" >"$T/keys"
is "$(grep -c missing "$T/keys")" 0 "search --json: id, score and hits present"
s1=$(sed -n 1p "$T/keys" | cut -f2)
s2=$(sed -n 2p "$T/keys" | cut -f2)
awk -v a="$s1" -v b="$s2" 'BEGIN { exit !(a >= b && b > 0) }'
ok $? "search --sort relevance: scores descend ($s1, $s2)"
id=$(sed -n 1p "$T/keys" | cut -f1)
span=$(sed -n 1p "$T/keys" | cut -f3 | sed 's/^\[\[\([0-9]*\),\([0-9]*\)\].*/\1 \2/')
"$EPINEWS" show --json "$id" "$S" | "$J" body >"$T/body"
set -- $span
word=$(head -c "$(($2 + 0))" "$T/body" | tail -c "$(($2 - $1))")
ok "$(case "$word" in 床位|隔离点) echo 0 ;; *) echo 1 ;; esac)" "search --json: the first hit span is a query word in the show body ($word)"

out=$("$EPINEWS" index "$S" 2>&1)
echo "$out" | grep -q "^articles $("$EPINEWS" --no-cache list "$S" 2>/dev/null | wc -l | tr -d ' '), files $(find "$S" -type f | wc -l | tr -d ' ')"
ok $? "index: counts the articles and files"
echo "$out" | grep -q 'already up to date'
ok $? "index: the cache written by search is reused as it is"
cache=$("$EPINEWS" index --path "$S")
is "$("$EPINEWS" index --check "$S")" "$cache: sound" "index --check: a sound cache"
cp -r "$S" "$T/s"
"$EPINEWS" index "$T/s" >/dev/null 2>&1
touch -d '2031-01-01' "$T/s/wire-blocks.txt"
"$EPINEWS" index "$T/s" >"$T/idx" 2>&1
grep -q "1 of $(find "$S" -type f | wc -l | tr -d ' ') files read" "$T/idx"
ok $? "index: a touched file alone is re-read"
c2=$("$EPINEWS" index --path "$T/s")
head -c 5000 "$c2" >"$T/trunc" && mv "$T/trunc" "$c2"
is "$("$EPINEWS" index --check "$T/s")" "$c2: truncated or extended" "index --check: a truncated cache is detected"
"$EPINEWS" search 床位 "$T/s" >"$T/out" 2>"$T/err"
is $? 0 "search: still answers with a truncated cache"
grep -q 'not used (truncated or extended); rebuilt' "$T/err"
ok $? "search: says the cache was rebuilt, and why"
is "$("$EPINEWS" index --check "$T/s")" "$c2: sound" "search: the rebuilt cache is sound"

# damage that opening does not see: a cache is checked block by block as it is
# read, so a flipped article is found by the first command that reads it
mkdir "$T/big"
awk 'BEGIN { for (i = 0; i < 600; i++) printf ">>>第%d号通报\n截至2月4日，某市设置隔离点%d个，床位%d张。编号%05d的段落在此结束，后面是填充文字，让文章足够长。\n===NEXT NEWS===\n", i, i + 1, 1000 + i, i }' >"$T/big/all.txt"
"$EPINEWS" index "$T/big" >/dev/null 2>&1
c3=$("$EPINEWS" index --path "$T/big")
want=$("$EPINEWS" --no-cache search 编号00300 "$T/big")
spoil() { # overwrite the digits after 编号00300 in the cache
	at=$(grep -boa 编号00300 "$c3" | head -n 1 | cut -d: -f1)
	printf 77777 | dd of="$c3" bs=1 seek=$((at + 6)) conv=notrunc 2>/dev/null
}
spoil
is "$("$EPINEWS" index --check "$T/big")" "$c3: checksum mismatch (damaged)" "index --check: damage inside an article is found"
"$EPINEWS" search 编号00300 "$T/big" >"$T/out" 2>"$T/err"
is $? 0 "search: answers although the article it reads is damaged in the cache"
is "$(cat "$T/out")" "$want" "search: the answer is the one from the files"
grep -q "cache $c3 is damaged (checksum mismatch (damaged)); removed it" "$T/err"
ok $? "search: says the cache was damaged"
is "$("$EPINEWS" index --check "$T/big")" "$c3: sound" "search: the cache is rebuilt sound"
spoil
"$EPINEWS" index "$T/big" >"$T/out" 2>"$T/err"
is $? 0 "index: checks all of an up-to-date cache"
grep -q 'damaged' "$T/err" && grep -q 'written in' "$T/out"
ok $? "index: finds the damage and writes the cache again"
is "$("$EPINEWS" index --check "$T/big")" "$c3: sound" "index: the rewritten cache is sound"
id=$("$EPINEWS" search --limit 1 编号00417 "$T/big" | cut -f1)
is "$("$EPINEWS" show "$id" "$T/big")" "$("$EPINEWS" --no-cache show "$id" "$T/big")" "show: through the cache as from the files"
is "$("$EPINEWS" show "$(echo "$id" | cut -c1-6)" "$T/big" 2>&1)" "$("$EPINEWS" --no-cache show "$(echo "$id" | cut -c1-6)" "$T/big" 2>&1)" \
	"show: an id prefix through the cache as from the files"

rm -rf "$T/cache"
"$EPINEWS" --no-cache search 床位 "$S" >/dev/null 2>&1
is $? 0 "--no-cache: search works"
ls "$T/cache/epinews/"*.cache >/dev/null 2>&1
ok $((!$?)) "--no-cache: no cache written"
# the cache is begun while the measures are found: a build stopped midway leaves
# a temporary file, which the next build removes (and only when its writer is gone)
cfile=$("$EPINEWS" index --path "$S")
rm -f "$cfile"
mkdir -p "$(dirname "$cfile")"
sleep 100 & alive=$!
printf 'partial' >"$cfile.999999999.tmp"
printf 'partial' >"$cfile.$alive.tmp"
[ -e "$cfile.999999999.tmp" ] && [ -e "$cfile.$alive.tmp" ]
ok $? "index: two leftover temporary files to start with"
"$EPINEWS" index "$S" >/dev/null 2>&1
ok $? "index: builds the cache beside leftover temporary files"
[ ! -e "$cfile.999999999.tmp" ]
ok $? "index: removes the temporary file of a writer that is gone"
[ -e "$cfile.$alive.tmp" ]
ok $? "index: keeps the temporary file of a writer still running"
kill "$alive" 2>/dev/null
rm -f "$cfile.$alive.tmp"
is "$(ls "$(dirname "$cfile")" | grep -c '\.tmp$')" 0 "index: no temporary file of its own left behind"
"$EPINEWS" index --check "$S" >/dev/null 2>&1
ok $? "index: the cache written alongside the measures is sound"

# stopped by a signal while the new cache is being written: no temporary file
"$GEN_ARCHIVE" --mb 60 "$T/big" >/dev/null 2>&1
rm -f "$T/big/answers.tsv"
bigcache=$("$EPINEWS" index --path "$T/big")
"$EPINEWS" index "$T/big" >/dev/null 2>&1 &
p=$!
n=0
while [ $n -lt 200 ] && ! ls "$bigcache".*.tmp >/dev/null 2>&1; do sleep 0.05; n=$((n + 1)); done
ls "$bigcache".*.tmp >/dev/null 2>&1
ok $? "index: the new cache's temporary file exists while it builds"
kill -TERM $p
wait $p
is $? 143 "index: stopped by SIGTERM (status 128 + 15)"
ls "$bigcache".*.tmp >/dev/null 2>&1
ok $((!$?)) "index: stopped by a signal, leaves no temporary file"
[ ! -e "$bigcache" ]
ok $? "index: and no cache"
# A query that can only be empty says why.
P="$SRCDIR/tests/fixtures/places/places.txt"
"$EPINEWS" search date:2020-02 "$P" >/dev/null 2>"$T/err"
is "$?:$(cat "$T/err")" "1:epinews search: no article matches: no article in this archive has a date" \
	"search: date: on an archive with no dated article says so"
"$EPINEWS" search "kind:vaccinations 武汉" "$P" >/dev/null 2>"$T/err"
is "$(cat "$T/err")" "epinews search: no article matches: no article in this archive has a measure of kind vaccinations" \
	"search: a kind no article has says so"
"$EPINEWS" search "place:上海 OR 火星" "$P" >/dev/null 2>"$T/err"
is "$(cat "$T/err")" "epinews search: no article matches" "search: a term under OR is not blamed"
# Fields: title: (title and subtitle), text: (body).
is "$("$EPINEWS" search --count 'title:黄石' "$P")" 1 "search title:: the title's words"
is "$("$EPINEWS" search --count 'text:武汉大学' "$P")" 1 "search text:: the body's words"
"$EPINEWS" search 'title:武汉大学' "$P" >/dev/null 2>&1
is $? 1 "search title:: words only in the body do not match"

# Traditional and Simplified are one text: the index, the scan and the
# measures read Traditional through the fold, and show prints it as written.
TR="$SRCDIR/tests/fixtures/traditional"
for pair in "醫院 医院" "隔離 隔离" "確診病例 确诊病例" '"醫院管理局" "医院管理局"'; do
	set -- $pair
	a=$("$EPINEWS" search "$1" "$TR" "$S" 2>/dev/null | cut -f1 | sort | tr '\n' ' ')
	b=$("$EPINEWS" search "$2" "$TR" "$S" 2>/dev/null | cut -f1 | sort | tr '\n' ' ')
	c=$("$EPINEWS" search --scan "$2" "$TR" "$S" 2>/dev/null | cut -f1 | sort | tr '\n' ' ')
	[ -n "$a" ] && [ "$a" = "$b" ] && [ "$b" = "$c" ]
	ok $? "search: $1 and $2 find the same articles, with the index and by a scan"
done
id=$("$EPINEWS" search 醫院管理局 "$TR" | cut -f1)
"$EPINEWS" show "$id" "$TR" | grep -q 醫院管理局
ok $? "show: Traditional text is shown as written"
is "$("$EPINEWS" facts "$TR" | cut -f2,3,6 | head -n 3 | tr '\t\n' ' ;')" \
	"beds 100张 床位100張;confirmed 36例 確診病例36例;close_contacts 200人 密切接觸者200人;" \
	"facts: measures in Traditional text, with their words as written"
done_testing
