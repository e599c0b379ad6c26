#include "radix.h"

#include <assert.h>
#include <stdlib.h>

#include "xalloc.h"

#define RADIX_BITS 11 /* three passes over a 32-bit key */

uint64_t *radix_sort_hi32(uint64_t *a, uint64_t *tmp, size_t n)
{
	enum { R = 1 << RADIX_BITS, PASSES = 3 };
	static_assert(PASSES * RADIX_BITS >= 32, "three passes cover the key");
	if (n < 2)
		return a;
	size_t *count = xcalloc(PASSES * R, sizeof *count);
	for (size_t i = 0; i < n; i++) { /* one read counts all three digits */
		uint32_t key = (uint32_t)(a[i] >> 32);
		count[key & (R - 1)]++;
		count[R + ((key >> RADIX_BITS) & (R - 1))]++;
		count[2 * R + (key >> 2 * RADIX_BITS)]++;
	}
	for (int p = 0; p < PASSES; p++) {
		size_t *c = count + (size_t)p * R;
		int shift = 32 + p * RADIX_BITS;
		if (c[(a[0] >> shift) & (R - 1)] == n)
			continue; /* every key has the same digit here */
		size_t sum = 0;
		for (int d = 0; d < R; d++) { /* counts become starting offsets */
			size_t k = c[d];
			c[d] = sum;
			sum += k;
		}
		for (size_t i = 0; i < n; i++)
			tmp[c[(a[i] >> shift) & (R - 1)]++] = a[i];
		uint64_t *t = a; /* the sorted copy becomes the input of the next pass */
		a = tmp;
		tmp = t;
	}
	free(count);
	return a;
}
