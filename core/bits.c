#include "bits.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static size_t words(size_t n)
{
	return (n + 63) / 64;
}

void bits_init(struct bits *b, size_t n, int full)
{
	b->n = n;
	b->w = xcalloc(words(n) ? words(n) : 1, sizeof *b->w);
	if (full) {
		memset(b->w, 0xff, words(n) * sizeof *b->w);
		if (n & 63)
			b->w[words(n) - 1] = ((uint64_t)1 << (n & 63)) - 1;
	}
}

void bits_free(struct bits *b)
{
	free(b->w);
	b->w = NULL;
	b->n = 0;
}

void bits_and(struct bits *a, const struct bits *b)
{
	for (size_t i = 0; i < words(a->n); i++)
		a->w[i] &= b->w[i];
}

void bits_or(struct bits *a, const struct bits *b)
{
	for (size_t i = 0; i < words(a->n); i++)
		a->w[i] |= b->w[i];
}

void bits_andnot(struct bits *a, const struct bits *b)
{
	for (size_t i = 0; i < words(a->n); i++)
		a->w[i] &= ~b->w[i];
}

void bits_not(struct bits *a)
{
	for (size_t i = 0; i < words(a->n); i++)
		a->w[i] = ~a->w[i];
	if (a->n & 63)
		a->w[words(a->n) - 1] &= ((uint64_t)1 << (a->n & 63)) - 1;
}

size_t bits_count(const struct bits *b)
{
	size_t c = 0;
	for (size_t i = 0; i < words(b->n); i++)
		c += (size_t)__builtin_popcountll(b->w[i]);
	return c;
}

size_t bits_next(const struct bits *b, size_t i)
{
	if (i >= b->n)
		return (size_t)-1;
	size_t wi = i >> 6;
	uint64_t w = b->w[wi] & (~(uint64_t)0 << (i & 63));
	for (;;) {
		if (w) {
			size_t r = wi * 64 + (size_t)__builtin_ctzll(w);
			return r < b->n ? r : (size_t)-1;
		}
		if (++wi >= words(b->n))
			return (size_t)-1;
		w = b->w[wi];
	}
}
