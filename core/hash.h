/* A fast 64-bit content hash (not cryptographic). Stable across runs and machines. */
#ifndef EPINEWS_HASH_H
#define EPINEWS_HASH_H
#include <stddef.h>
#include <stdint.h>

uint64_t hash64(const void *p, size_t n, uint64_t seed);

#endif
