/* Scanning Chinese text word by word: the small helpers the measure extractor
 * (core/facts*.c) uses on article bodies, which the sanitizer has made valid
 * UTF-8. Pure functions of their arguments. */
#ifndef EPINEWS_WORDS_H
#define EPINEWS_WORDS_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cnum.h"
#include "utf8.h"

/* The three bytes at s + at as one number: a CJK character to compare at once. */
#define BYTES3(s, at)                                                                                  \
	(((uint32_t)(unsigned char)(s)[at] << 16) | ((uint32_t)(unsigned char)(s)[(at) + 1] << 8) |  \
	 (uint32_t)(unsigned char)(s)[(at) + 2])

/* Does s[0..n) start with w? The first byte is compared before the rest. */
static inline int starts(const char *s, size_t n, const char *w)
{
	if (!n || s[0] != w[0])
		return w[0] == '\0';
	size_t k = strlen(w);
	return n >= k && !memcmp(s, w, k);
}

/* A bit in 0..63 for a word's first character (its first byte when ASCII):
 * the filter holds_word keeps of what a table's words start with. */
#define LEAD_BIT(v) ((unsigned)(((uint32_t)(v) * 0x9E3779B1u) >> 26))
#define WORD_LEAD(s)                                                                                   \
	LEAD_BIT((unsigned char)(s)[0] < 0x80 || sizeof(s) < 4 ? (uint32_t)(unsigned char)(s)[0]     \
							  : BYTES3((s), 0))

/* A word with its length, for tables searched at every figure. */
struct word {
	const char *s;
	size_t len;
	unsigned lead; /* WORD_LEAD of s */
};
#define WORD(s) { s, sizeof(s) - 1, WORD_LEAD(s) }

/* Does s[0..n) start with w? */
static inline int starts_word(const char *s, size_t n, const struct word *w)
{
	return n >= w->len && s[0] == w->s[0] && (w->len < 2 || s[1] == w->s[1]) && !memcmp(s, w->s, w->len);
}

/* Does b[start..pos) end with w (last byte compared first)? */
static inline int ends_with_word(const char *b, size_t start, size_t pos, const struct word *w)
{
	return pos >= start + w->len && b[pos - 1] == w->s[w->len - 1] && !memcmp(b + pos - w->len, w->s, w->len);
}

static inline int ends_with(const char *b, size_t start, size_t pos, const char *w)
{
	struct word ww = { w, strlen(w), 0 };
	return ww.len ? ends_with_word(b, start, pos, &ww) : pos >= start;
}

/* Bodies are valid UTF-8 (the sanitizer saw to it): the lead byte gives the length. */
static inline size_t char_len(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	size_t k = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	return k <= n ? k : n;
}

/* Is the character just before (dir -1) or at (dir 1) byte i a Chinese digit? */
static inline int chinese_digit_at(const char *b, size_t lim, size_t i, int dir)
{
	if (dir < 0 ? i < lim + 3 : i + 3 > lim)
		return 0;
	const unsigned char *u = (const unsigned char *)b + (dir < 0 ? i - 3 : i);
	return u[0] >= 0xE0 && u[0] < 0xF0 && cnum_chinese_digit(utf8_cp3(u)) >= 0;
}

/* Does b[from..to) hold one of the words? */
static inline unsigned lead_bit(const char *s, size_t n)
{
	uint32_t v = (unsigned char)s[0];
	if (v >= 0x80 && n >= 3)
		v = BYTES3(s, 0);
	return LEAD_BIT(v);
}

static inline int holds_word(const char *b, size_t from, size_t to, const struct word *w, size_t nw)
{
	if (to <= from)
		return 0;
	/* a 64-bit filter of the words' first characters: most characters of the
	 * text start none, and cost one test */
	uint64_t mask = 0;
	for (size_t k = 0; k < nw; k++)
		mask |= 1ull << w[k].lead;
	for (size_t i = from; i < to;) {
		size_t cl = char_len(b + i, to - i);
		if ((mask >> lead_bit(b + i, to - i)) & 1)
			for (size_t k = 0; k < nw; k++)
				if (starts_word(b + i, to - i, &w[k]))
					return 1;
		i += cl;
	}
	return 0;
}
#define HOLDS(b, from, to, table) holds_word(b, from, to, table, sizeof table / sizeof *table)

/* The byte n characters before i, not before lo. */
static inline size_t chars_back(const char *b, size_t lo, size_t i, int n)
{
	while (n-- > 0 && i > lo) {
		i--;
		while (i > lo && ((unsigned char)b[i] & 0xC0) == 0x80)
			i--;
	}
	return i;
}

static inline size_t chars_on(const char *b, size_t hi, size_t i, int n)
{
	while (n-- > 0 && i < hi)
		i += char_len(b + i, hi - i);
	return i;
}

/* Read 1-2 digits at b[i]; returns bytes used. */
static inline size_t small_number(const char *b, size_t n, size_t i, int *v)
{
	struct cnum cn;
	if (i >= n || !cnum_parse(b + i, n - i > 12 ? 12 : n - i, &cn) || cn.value > 2100)
		return 0;
	*v = (int)cn.value;
	return cn.len;
}

/* A mark that ends a clause: ，、：（）,:()“” or a sentence end. */
static inline int is_clause_mark(const char *b, size_t n, size_t i)
{
	unsigned char c = (unsigned char)b[i];
	if (c < 0x80)
		return c == ',' || c == ':' || c == '(' || c == ')' || c == '\n' || c == '!' || c == '?' || c == ';';
	if (i + 3 > n)
		return 0;
	switch (BYTES3(b, i)) {
	case 0xEFBC8C: /* ， */
	case 0xE38081: /* 、 */
	case 0xEFBC9A: /* ： */
	case 0xEFBC88: /* （ */
	case 0xEFBC89: /* ） */
	case 0xE2809C: /* “ */
	case 0xE2809D: /* ” */
	case 0xE38082: /* 。 */
	case 0xEFBC81: /* ！ */
	case 0xEFBC9F: /* ？ */
	case 0xEFBC9B: /* ； */
		return 1;
	}
	return 0;
}

#endif
