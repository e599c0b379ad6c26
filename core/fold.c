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
		return cp;
	return uc_tolower(cp);
}

/* Code points that only themselves fold to: CJK punctuation and ideographs. */
static int fold_fixed(uint32_t cp)
{
	return (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0x3400 && cp <= 0x9FFF);
}

void fold_str_init(struct fold_str *f, const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	f->cp = xmalloc((n + 1) * sizeof *f->cp);
	f->n = 0;
	f->plain = 1;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		i += l ? l : 1;
		cp = fold_cp(cp);
		f->cp[f->n++] = cp;
		if (!fold_fixed(cp))
			f->plain = 0;
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
	if (!f->n || from > n)
		return (size_t)-1;
	if (f->plain) {
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
	size_t c = 0, at = 0, end;
	while ((at = fold_find(text, n, at, f, &end)) != (size_t)-1) {
		c++;
		at = end;
	}
	return c;
}
