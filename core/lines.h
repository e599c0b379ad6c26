/* Splitting decoded text into lines that remember where they came from. */
#ifndef EPINEWS_LINES_H
#define EPINEWS_LINES_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct line {
	const char *s; /* trimmed of ASCII white space and U+3000 */
	size_t n;
	uint64_t off;  /* offset of the untrimmed line in the text */
	uint64_t no;   /* 1-based line number */
};

struct lines {
	struct line *v;
	size_t n, cap;
};

/* Split s[0..n) at '\n'. The first line gets number first_no and offset base. */
void lines_split(struct lines *out, const char *s, size_t n, uint64_t base, uint64_t first_no);
void lines_free(struct lines *l);
/* The last code point of s[0..n), or 0. */
uint32_t last_cp(const char *s, size_t n);
/* The first code point of s[0..n), or 0. */
uint32_t first_cp(const char *s, size_t n);
/* Does s[0..n) open (end) with the string prefix (suffix)? Inline, so that a
 * literal's length is known when compiling and the test is a few compares:
 * the loaders and recover.c call these for every line and paragraph. */
static inline int has_prefix(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && memcmp(s, prefix, k) == 0;
}

static inline int has_suffix(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

#endif
