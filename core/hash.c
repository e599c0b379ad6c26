#include "hash.h"

#include <string.h>

static uint64_t mix(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xBF58476D1CE4E5B9ull;
	h ^= h >> 27;
	h *= 0x94D049BB133111EBull;
	h ^= h >> 31;
	return h;
}

/* Little-endian load, so that the hash is the same on every byte order. */
static uint64_t load64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
	       (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	       (uint64_t)p[7] << 56;
}

uint64_t hash64(const void *data, size_t n, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = seed ^ (n * 0x9E3779B97F4A7C15ull);
	while (n >= 8) {
		h = (h ^ mix(load64(p))) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
		p += 8;
		n -= 8;
	}
	unsigned char tail[8] = { 0 };
	memcpy(tail, p, n);
	h = (h ^ mix(load64(tail) ^ n)) * 0x9E3779B97F4A7C15ull;
	return mix(h);
}
