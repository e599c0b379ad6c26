/* Strict UTF-8 decoding: overlong forms, surrogates and values past U+10FFFF are invalid. */
#ifndef EPINEWS_UTF8_H
#define EPINEWS_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s[0..n). Returns its length (1-4), or 0 when the bytes
 * at s do not start a valid sequence (then *cp is U+FFFD and one byte should be skipped). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Length of the longest valid UTF-8 prefix of s[0..n). */
size_t utf8_valid_prefix(const unsigned char *s, size_t n);

/* Number of code points in s[0..n) (invalid bytes count one each). */
size_t utf8_count(const char *s, size_t n);

/* True when cp is a Han ideograph or CJK symbol/punctuation or full-width form. */
int is_cjk(uint32_t cp);

#endif
