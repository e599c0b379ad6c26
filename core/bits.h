/* A set of article numbers as a bitmap: the currency of query evaluation. */
#ifndef EPINEWS_BITS_H
#define EPINEWS_BITS_H
#include <stddef.h>
#include <stdint.h>

struct bits {
	uint64_t *w;
	size_t n; /* number of members possible (bits), not words */
};

void bits_init(struct bits *b, size_t n, int full);
void bits_free(struct bits *b);
static inline void bits_set(struct bits *b, size_t i)
{
	b->w[i >> 6] |= (uint64_t)1 << (i & 63);
}
static inline int bits_has(const struct bits *b, size_t i)
{
	return (int)((b->w[i >> 6] >> (i & 63)) & 1);
}
void bits_and(struct bits *a, const struct bits *b);
void bits_or(struct bits *a, const struct bits *b);
void bits_andnot(struct bits *a, const struct bits *b);
void bits_not(struct bits *a);
size_t bits_count(const struct bits *b);
/* The first member at or after i, or (size_t)-1. */
size_t bits_next(const struct bits *b, size_t i);

#endif
