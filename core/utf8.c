#include "utf8.h"

size_t utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!k)
			break;
		i += k;
	}
	return i;
}

size_t utf8_count_upto(const char *s, size_t n, size_t max)
{
	size_t count = 0;
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n && count < max; count++) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if (utf8_is_cjk3(u + i, n - i)) {
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);
		i += k ? k : 1;
	}
	return count;
}

size_t utf8_count(const char *s, size_t n)
{
	return utf8_count_upto(s, n, SIZE_MAX);
}

int is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}
