/* Folding for search: full-width forms to half-width (the NFKC mapping of
 * U+FF01..U+FF5E and U+3000), letters to lower case. The index and the matcher
 * both see text through this fold, so "ＡＢＣ１２３" finds "abc123". */
#ifndef EPINEWS_FOLD_H
#define EPINEWS_FOLD_H
#include <stddef.h>
#include <stdint.h>

/* fold_cp for what the common cases below leave. */
uint32_t fold_cp_other(uint32_t cp);

/* The fold of one code point. Inline: the index folds every character. */
static inline uint32_t fold_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp >= 0x3001 && cp <= 0x9FFF) /* CJK punctuation and ideographs: no case */
		return cp;
	return fold_cp_other(cp);
}

/* A folded search string: code points and their UTF-8 form. */
struct fold_str {
	uint32_t *cp;
	size_t n;
	char *u8;       /* folded text, NUL-terminated */
	size_t u8len;
	int plain;      /* nothing else folds to these code points: a byte search of the
			 * raw text is exact */
};

/* Fold s[0..n). Invalid UTF-8 bytes become U+FFFD. */
void fold_str_init(struct fold_str *f, const char *s, size_t n);
void fold_str_free(struct fold_str *f);

/* The first match of f in text[from..n) as seen through the fold: returns its byte
 * offset and sets *end past its last byte; returns (size_t)-1 when there is none. */
size_t fold_find(const char *text, size_t n, size_t from, const struct fold_str *f, size_t *end);
/* Number of matches of f in text[0..n) (non-overlapping). */
size_t fold_count(const char *text, size_t n, const struct fold_str *f);

#endif
