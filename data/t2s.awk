# Turn data/t2s.tsv into C tables: awk -f t2s.awk data/t2s.tsv > core/t2s_data.c
# The pairs, sorted by the character folded, and two bitmaps over U+3400..U+9FFF:
# the characters that fold to another, and those another folds to.
BEGIN { FS = "\t"; base = 13312; nbytes = 3456; n = 0 }
/^#/ { next }
{
	from[n] = $1; to[n] = $2; n++
	setbit(fb, fseen, $1 - base); setbit(tb, tseen, $2 - base)
}
function setbit(arr, seen, v,    byte, bit) {
	if (v in seen) return
	seen[v] = 1; byte = int(v / 8); bit = v % 8; arr[byte] += 2 ^ bit
}
function bytes(name, arr,    i) {
	printf "const uint8_t %s[%d] = {", name, nbytes
	for (i = 0; i < nbytes; i++) printf "%s%s%d", (i ? "," : ""), (i % 24 ? "" : "\n\t"), arr[i] + 0
	printf "\n};\n"
}
END {
	print "/* Generated from data/t2s.tsv by data/t2s.awk. Do not edit. */"
	print "#include <stddef.h>\n#include <stdint.h>\n"
	printf "const size_t t2s_n = %d;\nconst uint16_t t2s_pairs[][2] = {", n
	for (i = 0; i < n; i++) printf "%s%s{%d,%d}", (i ? "," : ""), (i % 8 ? "" : "\n\t"), from[i], to[i]
	printf "\n};\n"
	bytes("t2s_from_bits", fb)
	bytes("t2s_to_bits", tb)
}
