#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "utf8.h"

int ymd_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

int ymd_full(struct ymd v)
{
	return ymd_valid(v.y, v.m, v.d);
}

const char *ymd_format(struct ymd v, char *buf)
{
	if (ymd_full(v)) {
		int y = v.y;
		for (int i = 3; i >= 0; i--, y /= 10)
			buf[i] = (char)('0' + y % 10);
		buf[4] = buf[7] = '-';
		buf[5] = (char)('0' + v.m / 10);
		buf[6] = (char)('0' + v.m % 10);
		buf[8] = (char)('0' + v.d / 10);
		buf[9] = (char)('0' + v.d % 10);
		buf[10] = '\0';
	} else
		strcpy(buf, "-");
	return buf;
}

/* Howard Hinnant's days_from_civil. */
long ymd_days(struct ymd v)
{
	long y = v.y - (v.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (v.m + (v.m > 2 ? -3 : 9)) + 2) / 5 + v.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct ymd ymd_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	struct ymd r = { (int)(y + (m <= 2)), (int)m, (int)d };
	return r;
}

/* Read up to `max` ASCII digits; returns how many were read. */
static int digits(const char *s, int max, int *val)
{
	int n = 0, v = 0;
	while (n < max && isdigit((unsigned char)s[n])) {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	*val = v;
	return n;
}

static int parse_at(const char *s, struct ymd *out)
{
	int y, m, d, k;
	if (digits(s, 4, &y) != 4)
		return 0;
	const char *p = s + 4;
	if (isdigit((unsigned char)*p)) { /* 20200217 */
		if (digits(p, 2, &m) != 2 || digits(p + 2, 2, &d) != 2 || isdigit((unsigned char)p[4]))
			return 0;
	} else {
		size_t seplen;
		if (*p == '-' || *p == '/' || *p == '.')
			seplen = 1;
		else if (!strncmp(p, "年", 3))
			seplen = 3;
		else
			return 0;
		p += seplen;
		if ((k = digits(p, 2, &m)) == 0)
			return 0;
		p += k;
		if (seplen == 3) {
			if (strncmp(p, "月", 3))
				return 0;
			p += 3;
		} else if (*p == s[4]) {
			p++;
		} else {
			return 0;
		}
		if ((k = digits(p, 2, &d)) == 0 || isdigit((unsigned char)p[k]))
			return 0;
	}
	if (!ymd_valid(y, m, d))
		return 0;
	out->y = y;
	out->m = m;
	out->d = d;
	return 1;
}

#define CHINA_UTC_OFFSET (8 * 3600L)

/* "2020-02-16T20:30:00Z" or "…+01:00": a time with a zone is moved to China's
 * day. A time without a zone is China's already. */
static void zone_to_china(const char *s, struct ymd *v)
{
	if (strlen(s) < 16 || s[4] != '-' || (s[10] != 'T' && s[10] != ' '))
		return;
	int hh, mm;
	if (digits(s + 11, 2, &hh) != 2 || s[13] != ':' || digits(s + 14, 2, &mm) != 2)
		return;
	const char *z = s + 16;
	if (z[0] == ':' && isdigit((unsigned char)z[1]) && isdigit((unsigned char)z[2]))
		z += 3; /* seconds */
	if (*z == '.')
		for (z++; isdigit((unsigned char)*z); z++)
			;
	long off;
	if (*z == 'Z') {
		off = 0;
	} else if (*z == '+' || *z == '-') {
		int zh, zm = 0;
		if (digits(z + 1, 2, &zh) != 2)
			return;
		const char *q = z + 3;
		if (*q == ':')
			q++;
		digits(q, 2, &zm);
		off = (zh * 60L + zm) * 60 * (*z == '-' ? -1 : 1);
	} else {
		return;
	}
	long secs = ymd_days(*v) * 86400L + hh * 3600L + mm * 60L - off + CHINA_UTC_OFFSET;
	long days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	*v = ymd_from_days(days);
}

int date_parse(const char *s, struct ymd *out)
{
	if (!s)
		return 0;
	while (*s == ' ' || *s == '\t')
		s++;
	if (parse_at(s, out)) {
		zone_to_china(s, out);
		return 1;
	}
	/* Unix time: 9-13 digits, nothing else */
	size_t n = strspn(s, "0123456789");
	if (n >= 9 && n <= 13 && (s[n] == '\0' || s[n] == '.')) {
		long long t = atoll(s);
		if (n >= 12)
			t /= 1000;
		/* read in China's time, UTC+8, whatever TZ says */
		struct ymd v = ymd_from_days((long)((t + CHINA_UTC_OFFSET) / 86400));
		if (ymd_full(v)) {
			*out = v;
			return 1;
		}
	}
	return 0;
}

int date_from_url(const char *url, struct ymd *out)
{
	if (!url)
		return 0;
	for (const char *p = strchr(url, '/'); p; p = strchr(p + 1, '/')) {
		const char *q = p + 1;
		int y, m, d;
		if (digits(q, 4, &y) != 4 || y < 1990)
			continue;
		if (parse_at(q, out))
			return 1;
		/* /2020/0217/ and /2020/02/17/ */
		if (q[4] == '/') {
			const char *r = q + 5;
			if (digits(r, 2, &m) == 2 && r[2] == '/' && digits(r + 3, 2, &d) == 2 &&
			    !isdigit((unsigned char)r[5]) && ymd_valid(y, m, d))
				goto ok;
			if (digits(r, 2, &m) == 2 && digits(r + 2, 2, &d) == 2 &&
			    !isdigit((unsigned char)r[4]) && ymd_valid(y, m, d))
				goto ok;
		}
		continue;
	ok:
		out->y = y;
		out->m = m;
		out->d = d;
		return 1;
	}
	return 0;
}

/* A digit, ASCII or full-width, at s[i]: returns its byte length and value. */
static size_t digit_at(const char *s, size_t n, size_t i, int *v)
{
	unsigned char c = (unsigned char)s[i];
	if (c >= '0' && c <= '9') {
		*v = c - '0';
		return 1;
	}
	if (i + 3 <= n && c == 0xEF && (unsigned char)s[i + 1] == 0xBC) {
		unsigned char c2 = (unsigned char)s[i + 2];
		if (c2 >= 0x90 && c2 <= 0x99) {
			*v = c2 - 0x90;
			return 3;
		}
	}
	return 0;
}

/* Parse 1-2 digits at s[i]; returns bytes used (0 if none). */
static size_t number_at(const char *s, size_t n, size_t i, int *val)
{
	size_t j = i;
	int v = 0, count = 0, dv;
	size_t k;
	while (j < n && count < 3 && (k = digit_at(s, n, j, &dv)) != 0) {
		v = v * 10 + dv;
		j += k;
		count++;
	}
	if (count == 0 || count > 2)
		return 0;
	*val = v;
	return j - i;
}

int find_month_day(const char *s, size_t n, int *m, int *d, size_t *start, size_t *end)
{
	for (size_t i = 0; i + 3 < n; i++) {
		if (memcmp(s + i, "月", 3) != 0)
			continue;
		/* walk back over the month digits */
		size_t b = i;
		int dv;
		while (b > 0) {
			size_t back = 0;
			if (b >= 1 && digit_at(s, n, b - 1, &dv) == 1)
				back = 1;
			else if (b >= 3 && digit_at(s, n, b - 3, &dv) == 3)
				back = 3;
			if (!back)
				break;
			b -= back;
		}
		if (b == i)
			continue;
		int mm, dd;
		size_t k = number_at(s, n, b, &mm);
		if (!k || b + k != i)
			continue;
		if (b > 0 && (s[b - 1] == '.' || s[b - 1] == '/'))
			continue;
		size_t j = i + 3;
		size_t kd = number_at(s, n, j, &dd);
		if (!kd)
			continue;
		j += kd;
		if (j + 3 > n || (memcmp(s + j, "日", 3) != 0 && memcmp(s + j, "号", 3) != 0))
			continue;
		if (mm < 1 || mm > 12 || dd < 1 || dd > 31)
			continue;
		*m = mm;
		*d = dd;
		*start = b;
		*end = j + 3;
		return 1;
	}
	return 0;
}

/* Up to four digits (ASCII or full-width) at s[i], with no digit right before:
 * returns bytes used and the count of digits in *count. */
static size_t run_at(const char *s, size_t n, size_t i, int max, int *val, int *count)
{
	size_t j = i, k;
	int v = 0, c = 0, dv;
	while (j < n && c <= max && (k = digit_at(s, n, j, &dv)) != 0) {
		v = v * 10 + dv;
		j += k;
		c++;
	}
	*val = v;
	*count = c;
	return j - i;
}

/* Bytes of w below 10, as their high bits (w's bytes may be any value). */
static uint64_t below10(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	return ((w | ((w & ~highs) + ones * 0x76)) & highs) ^ highs;
}

/* Bytes of w equal to c, as their high bits: never one missed, and a byte
 * above a match may be flagged too (the caller checks what it finds). */
static uint64_t equal(uint64_t w, unsigned char c)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t e = w ^ (ones * c);
	return (e - ones) & ~e & highs;
}

/* Is s[i] the last byte of a digit, ASCII or full-width (EF BC 90..99)? */
static int digit_ends(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	return (c >= '0' && c <= '9') ||
	       (c >= 0x90 && c <= 0x99 && i >= 2 && (unsigned char)s[i - 2] == 0xEF &&
		(unsigned char)s[i - 1] == 0xBC);
}

/* Does s[i..n) open with what may end a year: 年, '-', '/' or '.'? */
static int year_mark(const char *s, size_t n, size_t i)
{
	return s[i] == '-' || s[i] == '/' || s[i] == '.' ||
	       (i + 3 <= n && !memcmp(s + i, "年", 3));
}

/* Back from s[r] to the start of the run of digits that ends there. */
static size_t run_start(const char *s, size_t r)
{
	while (r > 0) {
		if (s[r - 1] >= '0' && s[r - 1] <= '9')
			r--;
		else if (r >= 3 && digit_ends(s, r - 1))
			r -= 3;
		else
			break;
	}
	return r;
}

/* Where the next year may start in s[0..n), which no digit precedes: the
 * start of the first run of digits that a year's end mark follows. No full
 * date lies before it, as every one holds a digit followed by such a mark.
 * The test runs eight bytes at a time (digit at k, mark at k + 1: 年 is
 * E5 B9 B4); the last ten bytes are left to the caller's byte-wise scan. */
static size_t year_skip(const char *s, size_t n)
{
	size_t i = 0;
	/* sixteen bytes at a time first, as vectors (GCC's vector extension:
	 * SIMD where the machine has it, plain code elsewhere) */
	typedef unsigned char v16 __attribute__((vector_size(16)));
	while (i + 18 <= n) {
		v16 a, b, c;
		memcpy(&a, s + i, 16);
		memcpy(&b, s + i + 1, 16);
		memcpy(&c, s + i + 2, 16);
		v16 digit = (v16)((a - 0x30) < 10) | (v16)((a - 0x90) < 10);
		v16 mark = (v16)(b == '-') | (v16)(b == '/') | (v16)(b == '.') |
			   ((v16)(b == 0xE5) & (v16)(c == 0xB9));
		v16 cand = digit & mark;
		uint64_t lo, hi;
		memcpy(&lo, &cand, 8);
		memcpy(&hi, (const unsigned char *)&cand + 8, 8);
		if (!(lo | hi)) {
			i += 16;
			continue;
		}
		size_t q = i + (lo ? (size_t)__builtin_ctzll(lo) / 8 : 8 + (size_t)__builtin_ctzll(hi) / 8);
		if (!digit_ends(s, q) || !year_mark(s, n, q + 1)) {
			i = q + 1;
			continue;
		}
		return run_start(s, q + 1);
	}
	while (i + 10 <= n) {
		uint64_t w0, w1, w2;
		memcpy(&w0, s + i, 8);
		memcpy(&w1, s + i + 1, 8);
		memcpy(&w2, s + i + 2, 8);
		const uint64_t ones = 0x0101010101010101ull;
		uint64_t digit = below10(w0 ^ (ones * 0x30)) | below10(w0 ^ (ones * 0x90));
		uint64_t mark = equal(w1, '-') | equal(w1, '/') | equal(w1, '.') |
				(equal(w1, 0xE5) & equal(w2, 0xB9));
		uint64_t cand = digit & mark;
		if (!cand) {
			i += 8;
			continue;
		}
		size_t q = i + (size_t)__builtin_ctzll(cand) / 8;
		if (!digit_ends(s, q) || !year_mark(s, n, q + 1)) {
			i = q + 1; /* flagged by the word test alone */
			continue;
		}
		return run_start(s, q + 1);
	}
	/* back to a character's first byte, then to its run of digits: a year
	 * may start before i and end after it */
	while (i > 0 && i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return run_start(s, i);
}

size_t find_full_dates(const char *s, size_t n, struct ymd *out, size_t *at, size_t max)
{
	size_t found = 0;
	int prev_digit = 0;
	for (size_t i = 0; i < n && found < max;) {
		/* a year starts with 1 or 2, ASCII or full-width (EF BC 91, EF BC 92):
		 * anything else only ends or continues a run of digits */
		if (!prev_digit)
			i += year_skip(s + i, n - i);
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		int wide = c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC;
		unsigned char c2 = wide ? (unsigned char)s[i + 2] : 0;
		if (wide ? c2 != 0x91 && c2 != 0x92 : c != '1' && c != '2') {
			prev_digit = wide ? c2 >= 0x90 && c2 <= 0x99 : c >= '0' && c <= '9';
			i += wide ? 3 : 1;
			continue;
		}
		/* an ASCII number shorter than four digits is no year: skip it whole */
		if (!wide && !prev_digit && (i + 3 >= n || !isdigit((unsigned char)s[i + 1]) ||
						 !isdigit((unsigned char)s[i + 2]) || !isdigit((unsigned char)s[i + 3]))) {
			while (i < n && isdigit((unsigned char)s[i]))
				i++;
			prev_digit = 0;
			continue;
		}
		int dv;
		size_t k = digit_at(s, n, i, &dv);
		if (!k) {
			prev_digit = 0;
			i++;
			continue;
		}
		if (prev_digit) {
			i += k;
			continue;
		}
		int y, cy, m, cm, d, cd;
		size_t start = i, j = i + run_at(s, n, i, 4, &y, &cy);
		prev_digit = 1;
		if (cy != 4 || y < 1900 || y > 2100) {
			i = j;
			continue;
		}
		int han = 0;
		char sep = 0;
		if (j + 3 <= n && !memcmp(s + j, "年", 3)) {
			han = 1;
			j += 3;
		} else if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
			sep = s[j++];
		} else {
			i = j;
			continue;
		}
		j += run_at(s, n, j, 2, &m, &cm);
		if (cm < 1 || cm > 2)
			goto next;
		if (han) {
			if (j + 3 > n || memcmp(s + j, "月", 3))
				goto next;
			j += 3;
		} else if (j >= n || s[j] != sep) {
			goto next;
		} else {
			j++;
		}
		j += run_at(s, n, j, 2, &d, &cd);
		if (cd < 1 || cd > 2)
			goto next;
		if (han && (j + 3 > n || (memcmp(s + j, "日", 3) && memcmp(s + j, "号", 3))))
			goto next;
		if (ymd_valid(y, m, d)) {
			if (at)
				at[found] = start;
			out[found++] = (struct ymd){ y, m, d };
		}
	next:
		i = j > start ? j : start + 1;
		prev_digit = 0;
	}
	return found;
}

int year_near(int m, int d, const struct ymd *f, size_t k, int span)
{
	int best = 0;
	long bestdist = span + 1L;
	for (size_t i = 0; i < k; i++) {
		long fd = ymd_days(f[i]);
		for (int y = f[i].y - 1; y <= f[i].y + 1; y++) {
			if (!ymd_valid(y, m, d))
				continue;
			long dist = labs(ymd_days((struct ymd){ y, m, d }) - fd);
			if (dist < bestdist) {
				bestdist = dist;
				best = y;
			}
		}
	}
	return best;
}
