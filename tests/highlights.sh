#!/bin/sh
# Highlights and export from the command line: mark, note, unmark; export as CSV,
# JSON Lines and Markdown, parsed back with Python's csv and json modules and
# checked against the article; no silent clobbering; a damaged store is kept
# aside; SIGKILL during saves never leaves a broken store; two writers at once
# lose nothing; a changed or vanished article is reported.
. "$SRCDIR/tests/tap.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed (./quickstart installs it)"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache" XDG_DATA_HOME="$T/data"
cp -r "$SRCDIR/data/samples" "$T/s"
chmod -R u+w "$T/s"
S="$T/s"
E="$EPINEWS"

id=$("$E" search --limit 1 '武汉已设置' "$S" | cut -f1)
"$E" mark --fact 1 --note '截至6日, per 中新社' "$id" "$S" >"$T/out" 2>&1
is $? 0 "mark --fact: exit 0"
grep -q "^marked fact in $id: " "$T/out"
ok $? "mark --fact: says what it marked"
"$E" mark --passage 0:30 "$id" "$S" >/dev/null 2>&1
"$E" mark --article "$id" "$S" >/dev/null 2>&1
is "$("$E" highlights "$S" | cut -f1,2,3 | tr '\t' ' ' | sort | tr '\n' '|')" \
	"ok article $id|ok fact $id|ok passage $id|" "highlights: three, all found where they were"
"$E" mark --fact 1 --note 'a better note' "$id" "$S" >"$T/out" 2>&1
grep -q '^updated fact' "$T/out"
ok $? "marking again updates the note"
is "$("$E" highlights "$S" | grep -c .)" 3 "and adds no duplicate"
store=$("$E" highlights --path "$S")
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["epinews_highlights"]==1 and len(d["highlights"])==3' "$store"
ok $? "the store is JSON with the three highlights"

# export, parsed back with real parsers, every field checked against the article
"$E" export --format csv -o "$T/h.csv" "$S" 2>/dev/null
is $? 0 "export --format csv -o FILE: exit 0"
"$E" show --json "$id" "$S" >"$T/art.json"
python3 - "$T/h.csv" "$T/art.json" >"$T/py.out" 2>&1 <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
art = json.load(open(sys.argv[2]))
body = art["body"].encode()
assert len(rows) == 3, rows
for r in rows:
    assert r["article"] == art["id"] and r["title"] == art["title"], r
    assert r["file"] == art["file"] and int(r["offset"]) == art["offset"] and int(r["line"]) == art["line"], r
    assert r["source"] == (art["source"] or "") and r["article_place"] == (art["place"] or ""), r
    assert r["url"] == (art["url"] or "") and r["status"] == "ok", r
    s, e = int(r["start"]), int(r["end"])
    if r["type"] != "article":
        assert body[s:e].decode() == r["text"], (r["text"], body[s:e].decode())
f = [r for r in rows if r["type"] == "fact"][0]
assert f["note"] == "a better note" and f["kind"] and int(f["value"]) > 0 and f["unit"], f
assert f["text"] in f["sentence"] and f["sentence"] in art["body"], f
print("csv ok")
PY
ok $? "CSV parses (RFC 4180) and every field matches the article: $(tail -n 1 "$T/py.out")"
"$E" export --format jsonl "$S" >"$T/h.jsonl" 2>/dev/null
"$E" facts --json "$S" 2>/dev/null | grep "\"article\":\"$id\"" >"$T/facts.jsonl"
python3 - "$T/h.jsonl" "$T/art.json" "$T/facts.jsonl" >"$T/py.out" 2>&1 <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
art = json.load(open(sys.argv[2]))
facts = [json.loads(l) for l in open(sys.argv[3], encoding='utf-8')]
body = art["body"].encode()
assert len(rows) == 3
f = [r for r in rows if r["type"] == "fact"][0]
assert set(facts[0]).issubset(set(f)), set(facts[0]) - set(f)
same = [x for x in facts if x["start"] == f["start"]][0]
for k in facts[0]:
    assert f[k] == same[k], (k, f[k], same[k])
for r in rows:
    assert r["article"] == art["id"] and r["url"] == art["url"] and r["offset"] == art["offset"]
    if r["type"] != "article":
        assert body[r["start"]:r["end"]].decode() == r["text"]
print("jsonl ok")
PY
ok $? "JSON Lines: the keys and values of facts --json, plus provenance and note: $(tail -n 1 "$T/py.out")"
"$E" export --format md "$S" >"$T/h.md" 2>/dev/null
grep -q '^## 武汉市$' "$T/h.md" && grep -q -- '- note: a better note' "$T/h.md" && grep -q "($id" "$T/h.md" 2>/dev/null || grep -q "\`$id\`" "$T/h.md"
ok $? "Markdown: grouped by place, with the note and the article id"

"$E" export --format csv -o "$T/h.csv" "$S" >/dev/null 2>"$T/err"
is $? 1 "export to an existing file without --force fails"
grep -q 'exists; use --force' "$T/err"
ok $? "and says to use --force"
"$E" export --format csv --excel --force -o "$T/h.csv" "$S" 2>/dev/null
is "$(head -c 3 "$T/h.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "--excel starts the CSV with a byte order mark"
ls "$T"/h.csv.*.tmp >/dev/null 2>&1
ok $((!$?)) "no temporary file left behind"

"$E" export --query 'kind:beds' --kind beds --format jsonl "$S" >"$T/beds.jsonl" 2>/dev/null
n=$("$E" facts --kind beds "$S" | grep -c .)
is "$(grep -c '"kind":"beds"' "$T/beds.jsonl")" "$n" "export --query: every beds measure of the archive ($n)"

"$E" unmark --passage 0:30 "$id" "$S" >/dev/null 2>&1
is "$("$E" highlights "$S" | grep -c passage)" 0 "unmark removes the passage"

# an article that changed keeps its highlights (found by title); one that vanished is reported
f=$("$E" show --json "$id" "$S" | "$PWD/tests/json_get" file)
sed -i 's/记者郑雪/记者王某/' "$f"
"$E" highlights "$S" >"$T/hl" 2>&1
grep -q '^changed	fact' "$T/hl"
ok $? "an edited article: its highlight is found again and reported as changed"
rm "$f"
"$E" highlights "$S" >"$T/hl" 2>"$T/err"
grep -q '^missing	fact' "$T/hl" && grep -q 'no longer found' "$T/err"
ok $? "a deleted article: its highlights are reported missing, not dropped"
cp -r "$SRCDIR/data/samples/." "$S/"

# a damaged store is kept aside, never overwritten
printf '{"epinews_highlights":1,"highlights":[{"type":"fact"' >"$store"
"$E" mark --article "$id" "$S" >/dev/null 2>"$T/err"
grep -q 'kept aside as .*\.bad' "$T/err"
ok $? "a store that does not parse: the message names the .bad copy"
is "$(cat "$store.bad")" '{"epinews_highlights":1,"highlights":[{"type":"fact"' "the .bad copy holds the damaged bytes"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$store"
ok $? "and a sound store is written in its place"
# set aside once per damaged file, however many commands meet it
rm -f "$store".bad*
printf '{"epinews_highlights":1,"highlights":[{"type":"passage"' >"$store"
"$E" highlights "$S" >/dev/null 2>"$T/err1"
"$E" highlights --json "$S" >/dev/null 2>"$T/err2"
"$E" mark --article "$id" "$S" >/dev/null 2>"$T/err3"
is "$(ls "$store".bad* | wc -l | tr -d ' ')" 1 "three commands meet one damaged store: one copy set aside"
grep -q 'a copy was kept as .*\.bad before' "$T/err2"
ok $? "the second says the copy was made before, not that it made one"
# a copy that cannot be written (the disk full): nothing said kept, nothing written over
printf '{"epinews_highlights":1,"highlights":[{"note":' >"$store"
{ ( trap '' XFSZ; ulimit -f 0; "$E" mark --article "$id" "$S"; echo "rc=$?" >&2 ) 2>&1 1>&3 | cat >"$T/full.err"; } 3>&1 | cat >"$T/full.out"
is "$(ls "$store".bad* | wc -l | tr -d ' ')" 1 "no disk space for a copy: no empty or partial .bad file left"
is "$(cat "$store")" '{"epinews_highlights":1,"highlights":[{"note":' "and the damaged store is not written over"
grep -q 'could not be copied aside (File too large): not saving over it' "$T/full.err"
ok $? "the message says it could not be kept, and why"
is "$(wc -c <"$T/full.out" | tr -d ' '):$(tail -n 1 "$T/full.err")" "0:rc=1" "mark prints nothing on stdout and exits 1"
# the temporary file of a writer that died is removed by the next save; a live one's is not
dead=$(sh -c 'echo $$')
printf 'partial' >"$store.$dead.tmp"
printf 'live' >"$store.$$.tmp"
printf '{"epinews_highlights":1,"highlights":[]}' >"$store"
"$E" mark --article "$id" "$S" >/dev/null 2>&1
[ ! -e "$store.$dead.tmp" ] && [ -e "$store.$$.tmp" ]
ok $? "a dead writer's $(basename "$store").PID.tmp is removed on the next save, a live writer's kept"
rm -f "$store.$$.tmp" "$store".bad*

# SIGKILL in the middle of saving: the store is always the old or the new one
i=0
fails=0
while [ $i -lt 30 ]; do
	"$E" mark --passage "$i:$((i + 4))" "$id" "$S" >/dev/null 2>&1 &
	pid=$!
	sleep 0.0$((i % 10))
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$store" 2>/dev/null || fails=$((fails + 1))
	i=$((i + 3))
done
is "$fails" 0 "SIGKILL at random points of 10 saves: the store always parses"

# two writers at once lose nothing
"$E" unmark --all "$id" "$S" >/dev/null 2>&1
other=$("$E" search --limit 1 '成都' "$S" | cut -f1)
( for k in 1 2 3 4 5 6 7 8; do "$E" mark --passage "$((k * 3)):$((k * 3 + 3))" "$id" "$S" >/dev/null 2>&1; done ) &
( for k in 1 2 3 4 5 6 7 8; do "$E" mark --passage "$((k * 3)):$((k * 3 + 3))" "$other" "$S" >/dev/null 2>&1; done ) &
wait
is "$("$E" highlights "$S" | grep -c passage)" 16 "two processes marking at the same time: all 16 highlights kept"

# Highlights of every measure of data/samples, made with `mark --fact N` by the
# build before place and date resolution changed the rules (c5bbbee), still
# resolve to the same measure: its kind, value and words
fresh="$T/fresh"
cp -r "$SRCDIR/data/samples" "$fresh"
chmod -R u+w "$fresh"
cp "$SRCDIR/tests/fixtures/highlights/marked-before-rule-change.json" "$("$E" highlights --path "$fresh")"
"$E" export --highlights --format jsonl -o "$T/old.jsonl" "$fresh" >/dev/null 2>&1
python3 - "$SRCDIR/tests/fixtures/highlights/marked-before-rule-change.json" "$T/old.jsonl" >"$T/py.out" 2>&1 <<'PY'
import json, sys
old = json.load(open(sys.argv[1], encoding='utf-8'))['highlights']
got = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
assert len(got) == len(old) == 229, (len(got), len(old))
want = {(h['article'], h['start'], h['end'], h['kind'], h['value']) for h in old}
have = {(g['article'], g['start'], g['end'], g['kind'], g['value']) for g in got if g['place_from'] is not None}
assert want == have, sorted(want - have)[:5]
print('all 229 resolve')
PY
is "$(cat "$T/py.out")" "all 229 resolve" "highlights made before a rule change resolve to the same measures after it"

# a store that cannot be written: mark says so on stderr only, and fails
touch "$T/notadir"
mid=$("$E" --no-cache list "$SRCDIR/data/samples" 2>/dev/null | head -n 1 | cut -f1)
XDG_DATA_HOME="$T/notadir" "$E" --no-cache mark --article "$mid" "$SRCDIR/data/samples" >"$T/o" 2>"$T/e"
is "$?:$(wc -c <"$T/o" | tr -d ' '):$(tail -n 1 "$T/e")" "1:0:epinews mark: not saved, nothing changed" \
	"mark that cannot save prints nothing on stdout, says so on stderr and exits 1"
grep -q "^epinews: $T/notadir is a file, not a directory: highlights cannot be saved" "$T/e"
ok $? "and the reason given is the true one, naming the file in the way"
done_testing
