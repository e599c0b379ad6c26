/* Folding for search: full-width forms to half-width (the NFKC mapping of
 * U+FF01..U+FF5E and U+3000), letters to lower case, Traditional characters to
 * Simplified (data/t2s.tsv, from OpenCC). The index and the matcher both see
 * text through this fold, so "ＡＢＣ１２３" finds "abc123" and 醫院 finds 医院. */
#ifndef EPINEWS_FOLD_H
#define EPINEWS_FOLD_H
#include <stddef.h>
#include <stdint.h>

/* fold_cp for what the common cases below leave. */
uint32_t fold_cp_other(uint32_t cp);

/* The Traditional-to-Simplified tables (core/t2s_data.c, built from
 * data/t2s.tsv): pairs sorted by the first, and bitmaps over U+3400..U+9FFF of
 * the characters that fold to another and of those another folds to. */
#define T2S_BASE 0x3400u
#define T2S_END 0xA000u
extern const size_t t2s_n;
extern const uint16_t t2s_pairs[][2];
extern const uint8_t t2s_from_bits[], t2s_to_bits[];

static inline int t2s_has(const uint8_t *bits, uint32_t cp)
{
	return cp >= T2S_BASE && cp < T2S_END && ((bits[(cp - T2S_BASE) >> 3] >> ((cp - T2S_BASE) & 7)) & 1);
}

/* The Simplified form of a Traditional character (one it folds to). */
uint32_t fold_t2s(uint32_t cp);

/* The fold of one code point. Inline: the index folds every character. */
static inline uint32_t fold_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp >= 0x3001 && cp <= 0x9FFF) /* CJK punctuation and ideographs: no case */
		return t2s_has(t2s_from_bits, cp) ? fold_t2s(cp) : cp;
	return fold_cp_other(cp);
}

/* Does s[0..n) hold a character the fold turns into another CJK character (a
 * Traditional one)? Text without one matches a CJK pattern byte for byte. */
int fold_has_traditional(const char *s, size_t n);
/* A copy of s[0..n) (NUL-terminated) with each Traditional character replaced
 * by its Simplified form: the same length, as both take three bytes, so byte
 * offsets into the copy are offsets into s. */
char *fold_t2s_copy(const char *s, size_t n);

/* A folded search string: code points and their UTF-8 form. */
struct fold_str {
	uint32_t *cp;
	size_t n;
	char *u8;       /* folded text, NUL-terminated */
	size_t u8len;
	int plain;      /* nothing else folds to these code points: a byte search of the
			 * raw text is exact */
	int plain_simplified; /* only Traditional characters fold to them: a byte search
			       * is exact in text without any (fold_has_traditional) */
};

/* Fold s[0..n). Invalid UTF-8 bytes become U+FFFD. */
void fold_str_init(struct fold_str *f, const char *s, size_t n);
void fold_str_free(struct fold_str *f);

/* The first match of f in text[from..n) as seen through the fold: returns its byte
 * offset and sets *end past its last byte; returns (size_t)-1 when there is none. */
size_t fold_find(const char *text, size_t n, size_t from, const struct fold_str *f, size_t *end);
/* Number of matches of f in text[0..n) (non-overlapping). */
size_t fold_count(const char *text, size_t n, const struct fold_str *f);
/* The same for text known to hold no Traditional character (simplified != 0):
 * faster where the pattern allows. */
size_t fold_find_in(const char *text, size_t n, size_t from, const struct fold_str *f, size_t *end,
		    int simplified);
size_t fold_count_in(const char *text, size_t n, const struct fold_str *f, int simplified);

#endif
