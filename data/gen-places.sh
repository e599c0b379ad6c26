#!/bin/sh
# Build data/places.tsv from the AreaCity gazetteer (MIT, see README):
#   sh data/gen-places.sh ../shared/data/gazetteer/ok_data_level3.csv > data/places.tsv
# Columns: id, parent id, level (0 province, 1 prefecture, 2 county), short name,
# full name, pinyin without spaces. Countries are appended from data/countries.tsv
# by the build, not here.
set -eu
sed '1s/^\xef\xbb\xbf//' "$1" | awk -F, 'NR > 1 {
	for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
	gsub(/ /, "", $6)
	printf "%s\t%s\t%s\t%s\t%s\t%s\n", $1, $2, $3, $4, $8, $6
}'
