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

#endif
