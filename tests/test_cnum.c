/* Chinese numbers in every written form. */
#include <string.h>

#include "core/cnum.h"
#include "tests/tap.h"

static void num(const char *s, long long want, size_t want_len)
{
	struct cnum c;
	int ok_ = cnum_parse(s, strlen(s), &c);
	if (!ok_) {
		ok(want < 0, "cnum_parse(\"%s\") finds no number", s);
		return;
	}
	is_int(c.value, want, "cnum_parse(\"%s\") = %lld", s, want);
	if (want_len)
		is_int((long long)c.len, (long long)want_len, "cnum_parse(\"%s\") reads %zu bytes", s, want_len);
}

int main(void)
{
	num("12571张", 12571, 5);
	num("12,571张", 12571, 6);
	num("１２５７１个", 12571, 15);
	num("1.6万", 16000, 0);
	num("50.1万人", 501000, 7);
	num("2.3亿元", 230000000, 0);
	num("一百三十二", 132, 15);
	num("两万", 20000, 6);
	num("十二", 12, 6);
	num("十", 10, 3);
	num("一千零五", 1005, 12);
	num("三千五百万", 35000000, 15);
	num("3万2千", 32000, 0);
	num("二十四", 24, 0);
	num("〇", 0, 3);
	num("5431人,次密接", 5431, 4);
	num("120,由", 120, 3);
	num("1,2", 1, 1);
	num("3.5", 4, 0);
	struct cnum big;
	ok(cnum_parse("99999999999999999999999亿亿", 31, &big) && big.overflow && big.value == 0,
	   "a number past 10^15 is flagged, never cast out of range (fuzzer regression)");
	num("万众一心", -1, 0);
	num("百姓", -1, 0);
	num("千方百计", -1, 0);
	num("人", -1, 0);
	ok(cnum_starts("两", 3) && cnum_starts("5", 1) && cnum_starts("十", 3) && !cnum_starts("万", 3),
	   "cnum_starts: digits and numerals, not a bare multiplier");
	return done_testing();
}
