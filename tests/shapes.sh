#!/bin/sh
# Shapes that scrapers leave, in fixtures written for the project
# (tests/fixtures/shapes): a day file with its records nested under a key and
# HTML bodies, epoch dates, a '*'-separated raw HTML dump, >>> blocks whose
# datelines lack the year, Excel CSV in GB18030, TSV, saved pages in UTF-8
# and GBK. Each: count, titles, dates with their origin,
# sources, first and last paragraph; then no markup left in any output.
. "$SRCDIR/tests/tap.sh"
F=$SRCDIR/tests/fixtures/shapes
J="$PWD/tests/json_get"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

fields() { # fields FILE KEY...: the list's KEYs, tab-separated, one article a line
	f=$1
	shift
	"$EPINEWS" list --json "$f" 2>"$T/err" | "$J" "$@"
}
paras() { # paras FILE ID: first and last paragraph
	"$EPINEWS" show --json "$2" "$1" | "$J" body >"$T/body"
	printf '%s|%s' "$(head -n 1 "$T/body")" "$(tail -n 1 "$T/body")"
}

# a broadcaster's day file: {"total":2,"videoList":[{…,"video_detail":{…}}]}
D=$F/day-file.json
is "$(fields "$D" title date date_from source source_from raw_title format)" "$(printf '%s\n%s' \
	"滨江新增方舱医院两座	2020-02-05	field	滨海电视台	field	[视频]滨江新增方舱医院两座 ...	json" \
	"滨江开展全员核酸检测	2020-02-06	field	滨海电视台	field	null	json")" \
	"day file: two records under videoList[], fields found one level down, the title cleaned"
id=$(fields "$D" id | head -n 1)
is "$(paras "$D" "$id")" "滨海电视台消息，滨江今天新增方舱医院两座。|下一步将继续增加床位。" \
	"day file: <p> paragraphs, the script dropped"
grep -q '床位共计 1200张，医护人员&后勤人员' "$T/body"
ok $? "day file: &nbsp; and &amp; decoded"
id=$(fields "$D" id | tail -n 1)
is "$(paras "$D" "$id")" "滨江从今天起开展全员核酸检测。|首日采样12万人。" "day file: <br> inside a <div> breaks the paragraph"

# JSON Lines with epoch milliseconds and seconds, field names in any case
E=$F/epoch.jsonl
is "$(fields "$E" title date date_from source)" "$(printf '%s\n%s' \
	"滨江解除封控	2020-02-08	field	滨海日报" "南岭新增确诊病例3例	2020-02-08	field	null")" \
	"epoch: 17:00 UTC is the next day in China; the site suffix leaves the title"
is "$(TZ=America/New_York fields "$E" date | head -n 1)" "2020-02-08" "epoch: read in China's time whatever TZ is"

# a raw dump: title line, HTML paragraphs, articles between lines of '*'
U=$F/dump.txt
is "$(fields "$U" title format | tr '\n' ';')" "滨江社区开展消杀	dump;南岭启用隔离点	dump;教程：网页里的标记	dump;" \
	"dump: three articles, one per '*'-separated part"
id=$(fields "$U" id | head -n 1)
is "$(paras "$U" "$id")" "滨江各社区今天开展全面消杀。|消杀面积达30万平方米。" "dump: tags gone, text kept"
id=$(fields "$U" id | tail -n 1)
is "$(paras "$U" "$id")" "网页段落写作 <p> 标记。|网页段落写作 <p> 标记。" "dump: markup the page quotes (&lt;p&gt;) comes out as <p>"

# >>> blocks without the year: from the article's own full date, else the
# file's or the folder's, within 62 days; the October one stays undated
N=$F/noyear
is "$(fields "$N" title date date_from | tr '\n' ';')" \
	"滨江新增床位800张	2020-02-03	dateline;南岭设置隔离点	2020-02-09	neighbours;滨江开放方舱医院	2020-02-12	neighbours;十月的消息	null	null;" \
	"no year: dateline year from the text, then from neighbours; none invented past 62 days"
is "$("$EPINEWS" list "$N" | cut -f2 | tr '\n' ' ')" "2020-02-03 2020-02-09~ 2020-02-12~ - " \
	"no year: the list marks inferred dates with ~"

# CSV as Excel writes it on Chinese Windows: GB18030, CRLF, quoted cells with
# newlines and doubled quotes; and TSV in UTF-8 with a BOM
X=$F/excel-gb18030.csv
is "$(fields "$X" title date date_from source format line | tr '\n' ';')" \
	"滨江新增隔离点8个	2020-02-07	field	滨海日报	csv	2;南岭发布\"第3号\"通告	2020-02-08	field	南岭发布	csv	4;只有正文的一行：滨江开展核酸检测…	2020-02-09	field	null	csv	5;" \
	"csv: three rows, Chinese headers, a quote doubled, the line each row starts on"
id=$(fields "$X" id | head -n 1)
is "$(paras "$X" "$id")" "滨江今天新增集中隔离点8个。|共有房间640间，“应隔尽隔”。" "csv: a cell's newline makes two paragraphs"
is "$(fields "$F/export.tsv" title date source format)" "滨江解除封控	2020-02-08	滨海日报	csv" \
	"tsv: a tab-separated header, a BOM, epoch seconds"
printf 'title,text\n"unclosed,滨江新增床位\n' >"$T/open.csv"
"$EPINEWS" list "$T/open.csv" >/dev/null 2>"$T/err"
grep -q "open.csv:2: a quoted cell opened here never closes" "$T/err"
ok $? "csv: a quote that never closes is reported with its line"

# saved whole pages, UTF-8 and GBK (declared in a meta tag): the article
# without its menus, share bar, related links and footer
P=$F/page-utf8.html
is "$(fields "$P" title date date_from source source_from url format)" \
	"滨江启用第三座方舱医院	2020-02-16	meta	滨海新闻网	meta	https://www.example.cn/news/2020/0216/c1.html	html page" \
	"page: title from og:title, date, site and URL from meta and link tags"
id=$(fields "$P" id)
is "$(paras "$P" "$id")" "滨海新闻网讯 滨江第三座方舱医院今天启用，设床位1500张。|首批轻症患者已于当晚入住，物资&药品供应充足。" \
	"page: the body is the article's paragraphs, the 来源 line taken out"
grep -q -E '首页|分享|相关阅读|版权所有|广告' "$T/body"
ok $((! $?)) "page: no menu, share bar, related links, footer or script in the body"
G=$F/page-gbk.html
is "$(fields "$G" title date date_from source raw_title)" \
	"南岭全员核酸检测完成	2020-02-18	meta	南岭日报	南岭全员核酸检测完成 - 南岭日报" \
	"page in GBK: <title> less the site's name, pubdate meta"
id=$(fields "$G" id)
is "$(paras "$G" "$id")" "南岭日报讯 截至昨日，南岭累计完成核酸检测86万人。|全市设置采样点320个，检测结果均为阴性。" \
	"page in GBK: decoded, the leading full-width spaces gone"

# fields no name says: the message names the keys and how to settle it;
# --map (anywhere on the line) settles it, and names a cache of its own
M=$F/unnamed-fields.json
"$EPINEWS" list "$M" >"$T/out" 2>"$T/err"
grep -q 'unnamed-fields.json:1: 2 objects under rows\[\]; none has a title or a text field (keys: id, info), skipped; settle it with --map text=KEY' "$T/err"
ok $? "unnamed fields: the message says where the records are, their keys, and how to settle it"
is "$("$EPINEWS" list --map text=info.words "$M" --map title=info.heading | cut -f5 | tr '\n' ';')" "滨江新增床位;南岭设隔离点;" \
	"unnamed fields: --map title=info.heading --map text=info.words reads both records"
is "$("$EPINEWS" list "$M" 2>/dev/null | wc -l | tr -d ' ')" 0 "unnamed fields: without --map the cache built with it is not used"
is "$("$EPINEWS" list --map records=payload.rows --map text=info.words "$M" | wc -l | tr -d ' ')" 2 \
	"unnamed fields: --map records= names the array"
"$EPINEWS" list --map colour=x "$M" >/dev/null 2>"$T/err"
is "$?:$(cat "$T/err")" "2:epinews: --map colour=x: unknown field: use records, title, text, brief, url, date or source" \
	"unnamed fields: an unknown field is a usage error that says which fields there are"

# the config file says it for files that match a glob; --map wins over it;
# a bad json line is reported with its line and the rest applies
mkdir -p "$T/cfg/epinews"
printf 'set theme mono\njson */unnamed-*.json title=info.heading text=info.words\njson broken\n' >"$T/cfg/epinews/config"
XDG_CONFIG_HOME=$T/cfg "$EPINEWS" list "$M" >"$T/out" 2>"$T/err"
is "$(cut -f5 "$T/out" | tr '\n' ';')" "滨江新增床位;南岭设隔离点;" "config: a json GLOB line maps the files it matches"
is "$(cat "$T/err")" "$T/cfg/epinews/config:3: usage: json GLOB FIELD=PATH..., as in json */day-*.json records=videoList" \
	"config: a bad json line is reported with its line"
is "$(XDG_CONFIG_HOME=$T/cfg "$EPINEWS" list --map title=id "$M" 2>/dev/null | cut -f5 | tr '\n' ';')" "1;2;" \
	"config: --map wins over the config where both say"
is "$(XDG_CONFIG_HOME=$T/cfg "$EPINEWS" list "$F/day-file.json" 2>/dev/null | wc -l | tr -d ' ')" 2 \
	"config: a file the glob does not match is read as before"

# no markup reaches any output, from any fixture or sample
for p in "$F" "$SRCDIR/tests/fixtures/archive" "$SRCDIR/data/samples"; do
	"$EPINEWS" list --json "$p" 2>/dev/null >>"$T/all"
	for id in $("$EPINEWS" list "$p" 2>/dev/null | cut -f1); do
		"$EPINEWS" show --json "$id" "$p" >>"$T/all" 2>/dev/null
	done
	"$EPINEWS" export --format jsonl -o "$T/x.jsonl" --force "$p" >/dev/null 2>&1 && cat "$T/x.jsonl" >>"$T/all"
done
is "$(sed 's/网页段落写作 <p> 标记//g' "$T/all" | grep -c -E '<p|</|<br|&nbsp;|&gt;|&amp;')" 0 "no <p, </, <br, &nbsp;, &gt; or &amp; in list, show or export output"
grep -q '网页段落写作 <p> 标记' "$T/all"
ok $? "except the <p> one page quotes as text"
echo "1..$n_tests"
[ "$n_failed" -eq 0 ]
