#include "lines.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

static int space_at(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];
	if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
		*len = 1;
		return 1;
	}
	if (n >= 3 && c == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) {
		*len = 3;
		return 1;
	}
	if (n >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0) {
		*len = 2;
		return 1;
	}
	return 0;
}

void lines_split(struct lines *out, const char *s, size_t n, uint64_t base, uint64_t first_no)
{
	size_t i = 0;
	uint64_t no = first_no;
	while (i <= n) {
		const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
		size_t end = nl ? (size_t)(nl - s) : n;
		if (!nl && i == n && n > 0)
			break; /* no empty line after a final newline */
		const char *p = s + i;
		size_t len = end - i, k;
		while (len && space_at(p, len, &k)) {
			p += k;
			len -= k;
		}
		while (len) {
			if (p[len - 1] == ' ' || p[len - 1] == '\t') {
				len--;
			} else if (len >= 3 && (unsigned char)p[len - 3] == 0xE3 &&
				   (unsigned char)p[len - 2] == 0x80 && (unsigned char)p[len - 1] == 0x80) {
				len -= 3;
			} else if (len >= 2 && (unsigned char)p[len - 2] == 0xC2 &&
				   (unsigned char)p[len - 1] == 0xA0) {
				len -= 2;
			} else {
				break;
			}
		}
		out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct line *l = &out->v[out->n++];
		l->s = p;
		l->n = len;
		l->off = base + i;
		l->no = no++;
		if (!nl)
			break;
		i = end + 1;
	}
}

void lines_free(struct lines *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

uint32_t last_cp(const char *s, size_t n)
{
	if (!n)
		return 0;
	size_t i = n - 1;
	while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	uint32_t cp;
	return utf8_decode((const unsigned char *)s + i, n - i, &cp) ? cp : 0xFFFD;
}

uint32_t first_cp(const char *s, size_t n)
{
	uint32_t cp;
	if (!n)
		return 0;
	return utf8_decode((const unsigned char *)s, n, &cp) ? cp : 0xFFFD;
}

