/* Sorting 64-bit values by their high 32 bits, in linear time. */
#ifndef EPINEWS_RADIX_H
#define EPINEWS_RADIX_H
#include <stddef.h>
#include <stdint.h>

/* Stable LSD radix sort of a[0..n) by the high 32 bits of each value: values with
 * equal high halves keep their order. tmp has room for n values. Returns the array
 * that holds the result, a or tmp; the other is scratch. */
uint64_t *radix_sort_hi32(uint64_t *a, uint64_t *tmp, size_t n);

#endif
