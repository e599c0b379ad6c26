/* Numbers as Chinese news writes them: 12571, 12,571, １２５７１, 1.6万, 50.1万, 2.3亿,
 * 一百三十二, 两万, 十二, 一千零五, 三千五百万, 3万2千. */
#ifndef EPINEWS_CNUM_H
#define EPINEWS_CNUM_H
#include <stddef.h>
#include <stdint.h>

struct cnum {
	int64_t value;  /* rounded to an integer */
	size_t len;     /* bytes consumed */
	int chinese;    /* written only with Chinese numerals */
	int decimal;    /* had a decimal point */
	int overflow;   /* 10^15 or more: not a count anything reports; value is 0 */
};

/* Parse the number that starts at s[0..n). Returns 1 and fills *out, or 0 when no
 * number starts there. A Chinese multiplier alone (万, 百) is not a number. */
int cnum_parse(const char *s, size_t n, struct cnum *out);
/* Does a number start at s? (A digit of any width or a Chinese numeral.) */
int cnum_starts(const char *s, size_t n);

/* The value of a Chinese digit (零 〇 一 二 两 三 … 九), or -1. */
static inline int cnum_chinese_digit(uint32_t cp)
{
	switch (cp) {
	case 0x96F6: /* 零 */
	case 0x3007: /* 〇 */
		return 0;
	case 0x4E00: return 1; /* 一 */
	case 0x4E8C: /* 二 */
	case 0x4E24: /* 两 */
		return 2;
	case 0x4E09: return 3; /* 三 */
	case 0x56DB: return 4; /* 四 */
	case 0x4E94: return 5; /* 五 */
	case 0x516D: return 6; /* 六 */
	case 0x4E03: return 7; /* 七 */
	case 0x516B: return 8; /* 八 */
	case 0x4E5D: return 9; /* 九 */
	}
	return -1;
}

/* cnum_starts for a character already decoded. */
static inline int cnum_starts_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0x5341 /* 十 */ ||
	       cnum_chinese_digit(cp) >= 0;
}

#endif
