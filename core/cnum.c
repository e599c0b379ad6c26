#include "cnum.h"

#include <string.h>

#include "utf8.h"

/* Value of a digit at s (ASCII, full-width or Chinese), with its byte length. */
static int digit_at(const char *s, size_t n, size_t *len, int *chinese)
{
	unsigned char c = (unsigned char)s[0];
	if (c >= '0' && c <= '9') {
		*len = 1;
		*chinese = 0;
		return c - '0';
	}
	if (n >= 3 && c == 0xEF && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] >= 0x90 &&
	    (unsigned char)s[2] <= 0x99) {
		*len = 3;
		*chinese = 0;
		return (unsigned char)s[2] - 0x90;
	}
	/* Chinese digits: decode the code point once, then a switch */
	if (n >= 3 && c >= 0xE3 && c <= 0xE9) {
		int d = cnum_chinese_digit(utf8_cp3((const unsigned char *)s));
		if (d >= 0) {
			*len = 3;
			*chinese = 1;
			return d;
		}
	}
	return -1;
}

/* 十 百 千 as 10, 100, 1000; 万 亿 as 10^4, 10^8 (big = 1). */
static double unit_at(const char *s, size_t n, int *big)
{
	if (n < 3)
		return 0;
	*big = 0;
	if (!memcmp(s, "十", 3))
		return 10;
	if (!memcmp(s, "百", 3))
		return 100;
	if (!memcmp(s, "千", 3))
		return 1000;
	*big = 1;
	if (!memcmp(s, "万", 3))
		return 1e4;
	if (!memcmp(s, "亿", 3))
		return 1e8;
	return 0;
}

int cnum_starts(const char *s, size_t n)
{
	size_t len;
	int chinese;
	if (!n)
		return 0;
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80)
		return c >= '0' && c <= '9';
	if (c < 0xE3 || c > 0xEF)
		return 0;
	if (digit_at(s, n, &len, &chinese) >= 0)
		return 1;
	return n >= 3 && !memcmp(s, "十", 3);
}

/* A run of Arabic digits (ASCII or full-width) with thousands separators and one
 * decimal point. */
static size_t arabic(const char *s, size_t n, double *val, int *decimal)
{
	size_t i = 0, len;
	int chinese, d;
	double v = 0, scale = 0;
	size_t digits = 0;
	while (i < n) {
		if ((d = digit_at(s + i, n - i, &len, &chinese)) >= 0 && !chinese) {
			if (scale > 0) {
				v += d / scale;
				scale *= 10;
			} else {
				v = v * 10 + d;
			}
			i += len;
			digits++;
			continue;
		}
		/* 12,571: a comma followed by exactly three digits */
		if (s[i] == ',' && scale == 0 && digits) {
			size_t j = i + 1, k = 0;
			while (j < n && k < 4 && s[j] >= '0' && s[j] <= '9') {
				j++;
				k++;
			}
			if (k == 3) {
				i++;
				continue;
			}
			break;
		}
		if ((s[i] == '.' || (n - i >= 3 && !memcmp(s + i, "．", 3))) && scale == 0 && digits) {
			size_t dl = s[i] == '.' ? 1 : 3;
			int c2;
			size_t l2;
			if (i + dl < n && digit_at(s + i + dl, n - i - dl, &l2, &c2) >= 0 && !c2) {
				scale = 10;
				*decimal = 1;
				i += dl;
				continue;
			}
		}
		break;
	}
	*val = v;
	return digits ? i : 0;
}

/* Can the character at s continue a number (digit, separator, multiplier)? */
static int continues_number(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80)
		return (c >= '0' && c <= '9') || c == ',' || c == '.';
	if (n < 3 || c < 0xE3 || c > 0xEF)
		return 0;
	uint32_t cp = utf8_cp3((const unsigned char *)s);
	return cnum_starts_cp(cp) || cp == 0xFF0E /* ． */ || cp == 0x767E /* 百 */ ||
	       cp == 0x5343 /* 千 */ || cp == 0x4E07 /* 万 */ || cp == 0x4EBF /* 亿 */;
}

/* The common numbers at once: a run of ASCII digits, or one Chinese digit, that
 * nothing after could extend. 0 when the general parse is needed. */
static int parse_simple(const char *s, size_t n, struct cnum *out)
{
	size_t i = 0;
	int64_t v = 0;
	while (i < n && i < 15 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	if (i) {
		if (i == 15 || (i < n && continues_number(s + i, n - i)))
			return 0;
		out->value = v;
		out->len = i;
		return 1;
	}
	unsigned char c = (unsigned char)s[0];
	if (n < 3 || c < 0xE3 || c > 0xE9)
		return 0;
	int d = cnum_chinese_digit(utf8_cp3((const unsigned char *)s));
	if (d < 0 || (n > 3 && continues_number(s + 3, n - 3)))
		return 0;
	out->value = d;
	out->len = 3;
	out->chinese = 1;
	return 1;
}

int cnum_parse(const char *s, size_t n, struct cnum *out)
{
	memset(out, 0, sizeof *out);
	if (n && parse_simple(s, n, out))
		return 1;
	memset(out, 0, sizeof *out);
	double total = 0, section = 0, number = 0;
	int have_number = 0, any_arabic = 0, any = 0;
	size_t i = 0;
	while (i < n) {
		size_t len;
		int chinese, big;
		double v;
		int dec = 0;
		size_t k = arabic(s + i, n - i, &v, &dec);
		if (k) {
			if (have_number)
				break; /* two numbers in a row: stop */
			number = v;
			have_number = 1;
			any_arabic = 1;
			out->decimal |= dec;
			i += k;
			any = 1;
			continue;
		}
		int d = digit_at(s + i, n - i, &len, &chinese);
		if (d >= 0) {
			if (have_number && number != 0)
				break;
			number = d;
			have_number = 1;
			i += len;
			any = 1;
			continue;
		}
		double u = unit_at(s + i, n - i, &big);
		if (u > 0) {
			if (!any && u != 10)
				break; /* 万 or 百 alone is not a number */
			if (!big) {
				if (!have_number && u != 10)
					break;
				section += (have_number ? number : 1) * u;
			} else {
				section += number;
				if (section == 0)
					break;
				total += section * u;
				section = 0;
			}
			number = 0;
			have_number = 0;
			i += 3;
			any = 1;
			continue;
		}
		break;
	}
	if (!any)
		return 0;
	/* "3万2" means 32 000 only with a unit after it; without one, trailing 2 is 2. */
	double value = total + section + number;
	if (value >= 1e15)
		out->overflow = 1;
	else
		out->value = (int64_t)(value + 0.5); /* never negative */
	out->len = i;
	out->chinese = !any_arabic;
	return 1;
}
