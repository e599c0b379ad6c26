#include "fold.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

uint32_t fold_cp_other(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp >= 0xFF01 && cp <= 0xFF5E) {
		cp -= 0xFEE0;
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	}
	if (cp == 0x3000)
		return ' ';
	if (cp >= 0x2E80 && cp <= 0x9FFF) /* CJK: no case */
		return t2s_has(t2s_from_bits, cp) ? fold_t2s(cp) : cp;
	return uc_tolower(cp);
}

uint32_t fold_t2s(uint32_t cp)
{
	size_t lo = 0, hi = t2s_n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t2s_pairs[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t2s_n && t2s_pairs[lo][0] == cp ? t2s_pairs[lo][1] : cp;
}

int fold_has_traditional(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i + 2 < n;) { /* U+3400..U+9FFF: lead bytes E3..E9 */
		unsigned char c = u[i];
		if (c >= 0xE3 && c <= 0xE9 && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			if (t2s_has(t2s_from_bits, utf8_cp3(u + i)))
				return 1;
			i += 3;
		} else {
			i++;
		}
	}
	return 0;
}

char *fold_t2s_copy(const char *s, size_t n)
{
	char *c = xmalloc(n + 1);
	memcpy(c, s, n);
	c[n] = '\0';
	unsigned char *u = (unsigned char *)c;
	for (size_t i = 0; i + 2 < n; i++)
		if (u[i] >= 0xE3 && u[i] <= 0xE9 && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			uint32_t cp = utf8_cp3(u + i);
			if (t2s_has(t2s_from_bits, cp)) {
				uint32_t s2 = fold_t2s(cp); /* U+3400..U+9FFF: three bytes too */
				u[i] = (unsigned char)(0xE0 | (s2 >> 12));
				u[i + 1] = (unsigned char)(0x80 | ((s2 >> 6) & 0x3F));
				u[i + 2] = (unsigned char)(0x80 | (s2 & 0x3F));
			}
			i += 2;
		}
	return c;
}

/* Code points that only themselves fold to: CJK punctuation and ideographs
 * that are no Traditional character's Simplified form. */
static int fold_fixed(uint32_t cp)
{
	return (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0x3400 && cp <= 0x9FFF && !t2s_has(t2s_to_bits, cp));
}

/* ...and those whose only other source is a Traditional character. */
static int fold_fixed_simplified(uint32_t cp)
{
	return (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0x3400 && cp <= 0x9FFF);
}

void fold_str_init(struct fold_str *f, const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	f->cp = xmalloc((n + 1) * sizeof *f->cp);
	f->n = 0;
	f->plain = 1;
	f->plain_simplified = 1;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		i += l ? l : 1;
		cp = fold_cp(cp);
		f->cp[f->n++] = cp;
		if (!fold_fixed(cp))
			f->plain = 0;
		if (!fold_fixed_simplified(cp))
			f->plain_simplified = 0;
		sb_addcp(&sb, cp);
	}
	f->u8len = sb.len;
	f->u8 = sb_detach(&sb);
}

void fold_str_free(struct fold_str *f)
{
	free(f->cp);
	free(f->u8);
	memset(f, 0, sizeof *f);
}

/* Does the folded text at text[i..n) start with f? Sets *end. */
static int match_at(const char *text, size_t n, size_t i, const struct fold_str *f, size_t *end)
{
	for (size_t k = 0; k < f->n; k++) {
		uint32_t cp;
		if (i >= n)
			return 0;
		size_t l = utf8_decode((const unsigned char *)text + i, n - i, &cp);
		i += l ? l : 1;
		if (fold_cp(cp) != f->cp[k])
			return 0;
	}
	*end = i;
	return 1;
}

size_t fold_find(const char *text, size_t n, size_t from, const struct fold_str *f, size_t *end)
{
	return fold_find_in(text, n, from, f, end, 0);
}

size_t fold_find_in(const char *text, size_t n, size_t from, const struct fold_str *f, size_t *end,
		    int simplified)
{
	if (!f->n || from > n)
		return (size_t)-1;
	if (f->plain || (simplified && f->plain_simplified)) {
		const char *p = memmem(text + from, n - from, f->u8, f->u8len);
		if (!p)
			return (size_t)-1;
		*end = (size_t)(p - text) + f->u8len;
		return (size_t)(p - text);
	}
	for (size_t i = from; i < n;) {
		if (match_at(text, n, i, f, end))
			return i;
		uint32_t cp;
		size_t l = utf8_decode((const unsigned char *)text + i, n - i, &cp);
		i += l ? l : 1;
	}
	return (size_t)-1;
}

size_t fold_count(const char *text, size_t n, const struct fold_str *f)
{
	return fold_count_in(text, n, f, 0);
}

size_t fold_count_in(const char *text, size_t n, const struct fold_str *f, int simplified)
{
	size_t c = 0, at = 0, end;
	while ((at = fold_find_in(text, n, at, f, &end, simplified)) != (size_t)-1) {
		c++;
		at = end;
	}
	return c;
}
