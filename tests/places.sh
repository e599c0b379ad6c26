#!/bin/sh
# Places as a hierarchy: an article is about the places of its dateline, its
# title, its measures and the places its body names twice; place:X finds the
# articles about X or somewhere in X, and `places` (the picker's list) counts
# exactly what place:X finds. Fixtures written for this test; the corpus
# check runs when ../shared is there.
. "$SRCDIR/tests/tap.sh"
F="$SRCDIR/tests/fixtures/places/places.txt"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

titles() { "$EPINEWS" search "$1" "$F" 2>/dev/null | cut -f5 | sort | tr '\n' '|'; }
is "$(titles place:武汉)" "武汉市开展社区排查（本文为测试所写）|" \
	"place:武汉: the dateline's city; 武汉大学 names no place"
is "$(titles place:湖北)" "武汉市开展社区排查（本文为测试所写）|荆州新增确诊病例|黄石医疗物资到位|" \
	"place:湖北: its cities' articles; 湖北日报 names no place"
is "$(titles place:黄石)" "黄石医疗物资到位|" "place:黄石: a body that names the city twice"
is "$(titles place:广州)" "" "place:广州: a place named once in the body is not what the article is about"
is "$(titles place:全国)" "全国疫情通报（本文为测试所写）|" "place:全国: a national bulletin, and no province's article"
is "$(titles 'place:荆州 -place:湖北')" "" "no article about a city is left out of its province"
is "$(titles place:张家口)" "区里的通报（本文为测试所写）|" "a name several places share (桥西区) is the one in the city the article names"
is "$(titles place:石家庄)" "" "and not the other city's"
is "$(titles place:湖北)" "$(titles place:湖北省)" "a place by its short or full name"
S="$SRCDIR/data/samples"
is "$("$EPINEWS" search --count place:廣州 "$S")" "$("$EPINEWS" search --count place:广州 "$S")" \
	"place: in Traditional characters is the same place"

for archive in "$F" "$SRCDIR/data/samples"; do
	"$EPINEWS" places --json "$archive" >"$T/places" 2>/dev/null
	bad=0
	while IFS= read -r line; do
		p=$(printf '%s' "$line" | sed 's/.*"place":"\([^"]*\)".*/\1/')
		n=$(printf '%s' "$line" | sed 's/.*"count":\([0-9]*\).*/\1/')
		c=$("$EPINEWS" search --count "place:$p" "$archive" 2>/dev/null)
		[ "${c:-0}" = "$n" ] || { bad=$((bad + 1)); echo "# $p: places says $n, place: finds ${c:-0}"; }
	done <"$T/places"
	is "$(grep -c . "$T/places") $bad" "$(grep -c . "$T/places") 0" "$(basename "$archive"): every count of places is what place: finds"
done

C="$SRCDIR/../shared/corpus/cnr"
if [ -d "$C" ]; then
	"$EPINEWS" places --json "$C" >"$T/cnr" 2>/dev/null
	grep '"within":"' "$T/cnr" | sed 's/.*"place":"\([^"]*\)".*"within":"\([^"]*\)".*/\1	\2/' >"$T/pairs"
	bad=0
	while IFS='	' read -r place prov; do
		"$EPINEWS" search "place:$place -place:$prov" "$C" >/dev/null 2>&1 && {
			bad=$((bad + 1))
			echo "# $place: articles not found by place:$prov"
		}
	done <"$T/pairs"
	is "$(grep -c . "$T/pairs" | awk '{print ($1 > 100)}') $bad" "1 0" \
		"cnr corpus: every article a place finds, its province finds too ($(grep -c . "$T/pairs") places)"
else
	ok 0 "# SKIP no corpus at $C"
fi
echo "1..$n_tests"
[ "$n_failed" -eq 0 ]
