/* Strict UTF-8 decoding: overlong forms, surrogates and values past U+10FFFF are invalid. */
#ifndef EPINEWS_UTF8_H
#define EPINEWS_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s[0..n). Returns its length (1-4), or 0 when the bytes
 * at s do not start a valid sequence (then *cp is U+FFFD and one byte should be skipped).
 * Inline: loading, extraction and indexing call it for every character. */
static inline size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	*cp = 0xFFFD;
	if (n == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return 0;
	if (c < 0xE0) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
		return 2;
	}
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
		if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
			return 0;
		uint32_t v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
			     (s[3] & 0x3Fu);
		if (v < 0x10000 || v > 0x10FFFF)
			return 0;
		*cp = v;
		return 4;
	}
	return 0;
}

/* Length of the longest valid UTF-8 prefix of s[0..n). */
size_t utf8_valid_prefix(const unsigned char *s, size_t n);

/* Is s[0..n) a three-byte sequence for U+3000..U+CFFF (CJK punctuation, kana,
 * ideographs, Hangul)? The common case in Chinese text, checked without decoding:
 * such a lead byte can start neither an overlong form nor a surrogate. */
static inline int utf8_is_cjk3(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] >= 0xE3 && s[0] <= 0xEC && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80;
}

/* Is s (n bytes left) a three-byte character that Chinese text is full of
 * and that is never invisible, a control nor a line break: the Han range
 * (utf8_is_cjk3), the full-width forms (U+FF00..U+FF7F: ，（）：), and the
 * dashes, quotes and ellipsis of U+2010..U+2027? Sanitizing keeps these. */
static inline int utf8_is_plain3(const unsigned char *s, size_t n)
{
	if (utf8_is_cjk3(s, n))
		return 1;
	if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return 0;
	if (s[0] == 0xEF)
		return s[1] == 0xBC || s[1] == 0xBD;
	return s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0xA7;
}

/* The code point of the three bytes at s, known to be a three-byte sequence
 * (utf8_is_cjk3, or a sanitized body's lead byte): no check is made. */
static inline uint32_t utf8_cp3(const unsigned char *s)
{
	return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3FU);
}

/* Number of code points in s[0..n) (invalid bytes count one each). */
size_t utf8_count(const char *s, size_t n);
/* utf8_count, but stops counting at max: min(utf8_count(s, n), max). */
size_t utf8_count_upto(const char *s, size_t n, size_t max);

/* True when cp is a Han ideograph or CJK symbol/punctuation or full-width form. */
int is_cjk(uint32_t cp);

#endif
