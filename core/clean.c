#include "clean.h"

#include <stdlib.h>
#include <string.h>

#include "outlets.h"
#include "recover.h"
#include "utf8.h"
#include "xalloc.h"

/* The first byte is compared before the call: most paragraphs fail there. */
static int starts(const char *s, const char *w)
{
	return (!w[0] || s[0] == w[0]) && strncmp(s, w, strlen(w)) == 0;
}

/* If s starts with label followed by ':' or '：', return what follows it. */
static const char *after_label(const char *s, const char *label)
{
	if (s[0] != label[0])
		return NULL;
	size_t k = strlen(label);
	if (strncmp(s, label, k) != 0)
		return NULL;
	s += k;
	while (*s == ' ')
		s++;
	if (*s == ':')
		return s + 1;
	if (starts(s, "："))
		return s + 3;
	return NULL;
}

static char *trimmed_copy(const char *s, size_t n)
{
	while (n && *s == ' ') {
		s++;
		n--;
	}
	while (n && s[n - 1] == ' ')
		n--;
	return n ? xstrndup(s, n) : NULL;
}

/* "（原标题：X）" or "(原标题:X)" as a whole paragraph: returns X's span. */
static int parenthesized_orig(const char *s, const char **x, size_t *xn)
{
	if (s[0] != '(' && !starts(s, "（"))
		return 0;
	size_t n = strlen(s);
	const char *inner;
	size_t close;
	if (starts(s, "（")) {
		inner = s + 3;
		close = 3;
		if (n < 6 || strcmp(s + n - 3, "）") != 0)
			return 0;
	} else if (s[0] == '(') {
		inner = s + 1;
		close = 1;
		if (s[n - 1] != ')')
			return 0;
	} else {
		return 0;
	}
	const char *v = after_label(inner, "原标题");
	if (!v)
		return 0;
	*x = v;
	*xn = (size_t)(s + n - close - v);
	return 1;
}

/* "来源：X" or "（来源：X）" as a whole, short paragraph: X's span. */
static const char *source_label(const char *p, size_t *vn)
{
	size_t n = strlen(p), close = 0;
	const char *in = p;
	if (starts(p, "（") && n > 6 && !strcmp(p + n - 3, "）")) {
		in = p + 3;
		close = 3;
	} else if (p[0] == '(' && n > 2 && p[n - 1] == ')') {
		in = p + 1;
		close = 1;
	}
	static const char *const labels[] = { "来源", "稿源", "文章来源", "本文来源" };
	const char *v = NULL;
	for (size_t i = 0; !v && i < sizeof labels / sizeof *labels; i++)
		v = after_label(in, labels[i]);
	if (!v)
		return NULL;
	*vn = (size_t)(p + n - close - v);
	return utf8_count_upto(v, *vn, 31) <= 30 ? v : NULL;
}

static int is_tail_heading(const char *p, int web)
{
	static const char *const always[] = { "推荐内容", "推荐阅读", "相关推荐", "热门推荐",
					      "猜你喜欢", "精彩推荐" };
	static const char *const web_only[] = { "相关阅读", "相关文章", "相关新闻", "延伸阅读" };
	for (size_t i = 0; i < sizeof always / sizeof *always; i++)
		if (p[0] == always[i][0] && !strcmp(p, always[i]))
			return 1;
	if (web)
		for (size_t i = 0; i < sizeof web_only / sizeof *web_only; i++)
			if (p[0] == web_only[i][0] && !strcmp(p, web_only[i]))
				return 1;
	return 0;
}

static int is_staff_line(const char *p)
{
	static const char *const labels[] = { "责任编辑", "编辑", "责编", "校对", "审核", "审校",
					      "监制", "值班编辑", "主编", "终审", "初审" };
	int label = !strcmp(p, "责任编辑") || !strcmp(p, "编辑");
	for (size_t i = 0; !label && i < sizeof labels / sizeof *labels; i++)
		label = after_label(p, labels[i]) != NULL;
	/* a label, and short: counted last, as most paragraphs have no label */
	return label && utf8_count_upto(p, strlen(p), 41) <= 40;
}

static int is_disclaimer(const char *p)
{
	return starts(p, "郑重声明") || starts(p, "免责声明") || starts(p, "版权声明") ||
	       starts(p, "声明：本文") || starts(p, "声明:本文");
}

static int is_breadcrumb(const char *p)
{
	return strstr(p, "您的位置") || strstr(p, "当前位置") || strstr(p, "首页 >") ||
	       strstr(p, "首页>") || strstr(p, "首页 》") || strstr(p, "首页 ›");
}

void clean_draft(struct draft *d)
{
	size_t out = 0;
	for (size_t i = 0; i < d->npara; i++) {
		char *p = d->para[i];
		const char *v;
		size_t vn;
		int drop = 0;
		if ((v = after_label(p, "原标题")) != NULL) {
			if (!d->orig_title)
				d->orig_title = trimmed_copy(v, strlen(v));
			drop = 1;
		} else if (parenthesized_orig(p, &v, &vn)) {
			if (!d->orig_title)
				d->orig_title = trimmed_copy(v, vn);
			drop = 1;
		} else if ((v = source_label(p, &vn)) != NULL) {
			if (!d->source) {
				d->source = outlet_canonical(v, vn);
				d->source_from = SOURCE_FROM_LABEL;
			}
			drop = 1;
		} else if (is_staff_line(p) || is_disclaimer(p)) {
			drop = 1;
		} else if (d->web && is_breadcrumb(p)) {
			drop = 1;
		} else if (d->title && !strcmp(p, d->title)) {
			drop = 1; /* the title printed again */
		} else if (is_tail_heading(p, d->web)) {
			for (size_t j = i; j < d->npara; j++)
				free(d->para[j]);
			d->npara = i;
			break;
		}
		if (drop)
			free(p);
		else
			d->para[out++] = p;
	}
	if (d->npara > out)
		d->npara = out;
	drop_repeated_paragraphs(d);
}

/* A cheap key for a paragraph: its length and its first and last eight
 * bytes. Paragraphs that share it are compared whole. */
static uint64_t para_key(const char *p, size_t n)
{
	uint64_t head = 0, tail = 0;
	memcpy(&head, p, n < 8 ? n : 8);
	memcpy(&tail, p + (n < 8 ? 0 : n - 8), n < 8 ? n : 8);
	uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ull) ^ n) * 0xBF58476D1CE4E5B9ull;
	return (h ^ h >> 31) | 1;
}

void drop_repeated_paragraphs(struct draft *d)
{
	if (d->npara < 2)
		return;
	size_t cap = 16;
	while (cap < d->npara * 2)
		cap *= 2;
	struct {
		uint64_t key;
		size_t at; /* in d->para, once kept */
	} *seen = xcalloc(cap, sizeof *seen);
	size_t out = 0;
	for (size_t i = 0; i < d->npara; i++) {
		char *p = d->para[i];
		size_t n = strlen(p);
		/* shorter than 8 characters (under 8 bytes, or under 32 and counted) */
		if (n < 8 || (n < 32 && utf8_count_upto(p, n, 8) < 8)) {
			d->para[out++] = p;
			continue;
		}
		uint64_t key = para_key(p, n);
		size_t slot = key & (cap - 1);
		int dup = 0;
		for (; seen[slot].key; slot = (slot + 1) & (cap - 1))
			if (seen[slot].key == key && !strcmp(d->para[seen[slot].at], p)) {
				dup = 1;
				break;
			}
		if (dup) {
			free(p);
			continue;
		}
		seen[slot].key = key;
		seen[slot].at = out;
		d->para[out++] = p;
	}
	d->npara = out;
	free(seen);
}
