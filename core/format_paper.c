#include "format.h"

#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "lines.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

static int is_kicker(const struct line *l)
{
	static const char *const words[] = { "相关新闻", "相关链接", "链接", "新闻链接", "背景链接",
					     "延伸阅读", "新闻背景" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (l->n == strlen(words[i]) && !memcmp(l->s, words[i], l->n))
			return 1;
	return 0;
}

static int is_credit(const char *s, size_t n)
{
	/* "本报记者 王兆伟 摄" */
	return n >= 3 && !memcmp(s + n - 3, "摄", 3);
}

static int headline_line(const struct line *l)
{
	return is_heading_line(l->s, l->n) && !is_credit(l->s, l->n) && !is_kicker(l);
}

static int closes_sentence(uint32_t cp)
{
	static const uint32_t closers[] = { 0x3002, 0xFF01, 0xFF1F, '!', '?', 0xFF1B, ';', 0x2026,
					    0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, ')', 0x300B,
					    0x3009, 0x3011, ':', 0xFF1A, '.' };
	for (size_t i = 0; i < sizeof closers / sizeof *closers; i++)
		if (cp == closers[i])
			return 1;
	return 0;
}

static int starts_list_item(const char *s, size_t n)
{
	uint32_t c = first_cp(s, n);
	if (c == 0xFF08 || c == '(' || c == 0x3010 || c == 0x201C)
		return 1;
	static const char nums[] = "一二三四五六七八九十";
	size_t i = 0;
	uint32_t cp;
	int count = 0;
	while (i < n) {
		size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (!k)
			break;
		if (!(k == 3 && memmem(nums, sizeof nums - 1, s + i, 3)) && !(cp >= '0' && cp <= '9'))
			break;
		i += k;
		count++;
	}
	if (!count || i >= n)
		return 0;
	return has_prefix(s + i, n - i, "、") || has_prefix(s + i, n - i, "是") || s[i] == '.';
}

/* Was prev cut by a page or column break, so that next continues its sentence? */
static int continues(const char *prev, size_t pn, const char *next, size_t nn)
{
	if (!pn || !nn || closes_sentence(last_cp(prev, pn)) || is_credit(prev, pn))
		return 0;
	if (starts_list_item(next, nn) || is_paper_start(next, nn))
		return 0;
	int sentence_like = utf8_count_upto(prev, pn, 25) >= 25 || memmem(prev, pn, "，", 3) ||
			    memmem(prev, pn, ",", 1) || memmem(prev, pn, "、", 3) ||
			    memmem(prev, pn, "。", 3);
	return sentence_like;
}

static void emit_article(const struct line *P, size_t h, size_t s, size_t end, struct load_ctx *c)
{
	struct draft d;
	draft_init(&d);
	d.offset = P[h].off;
	d.line = P[h].no;
	d.flags |= ART_NEWSPAPER;
	d.plain = c->plain;
	if (h < s)
		d.title = xstrndup(P[h].s, P[h].n);
	if (h + 1 < s)
		d.subtitle = xstrndup(P[h + 1].s, P[h + 1].n);
	if (has_prefix(P[s].s, P[s].n, "（上接") || has_prefix(P[s].s, P[s].n, "(上接"))
		d.flags |= ART_CONTINUED;
	for (size_t k = s; k < end; k++)
		draft_add_para(&d, P[k].s, P[k].n);
	/* Pages print some paragraphs twice: drop the copies before rejoining, since a
	 * copy may repeat just the part of a paragraph that a break cut off. */
	drop_repeated_paragraphs(&d);
	size_t out = 0;
	for (size_t k = 0; k < d.npara; k++) {
		char *p = d.para[k];
		if (out && continues(d.para[out - 1], strlen(d.para[out - 1]), p, strlen(p))) {
			struct strbuf sb = STRBUF_INIT;
			sb_adds(&sb, d.para[out - 1]);
			sb_adds(&sb, p);
			free(d.para[out - 1]);
			free(p);
			d.para[out - 1] = sb_detach(&sb);
		} else {
			d.para[out++] = p;
		}
	}
	d.npara = out;
	c->emit(c->arg, &d);
}

void load_paper(const char *s, size_t n, struct load_ctx *c)
{
	struct lines ls = { 0 };
	lines_split(&ls, s, n, 0, 1);
	/* keep the non-empty lines: each is a paragraph */
	size_t m = 0;
	for (size_t k = 0; k < ls.n; k++)
		if (ls.v[k].n)
			ls.v[m++] = ls.v[k];
	ls.n = m;
	const struct line *P = ls.v;

	size_t *start = xmalloc((m + 1) * sizeof *start), *head = xmalloc((m + 1) * sizeof *head);
	size_t ns = 0;
	for (size_t k = 0; k < m; k++) {
		if (!is_paper_start(P[k].s, P[k].n))
			continue;
		size_t floor = ns ? start[ns - 1] + 1 : 0;
		size_t h = k;
		while (h > floor && k - h < 2 && headline_line(&P[h - 1]))
			h--;
		size_t from = h;
		if (from > floor && is_kicker(&P[from - 1]))
			from--;
		start[ns] = k;
		head[ns] = from;
		ns++;
	}
	if (ns == 0) {
		lines_free(&ls);
		free(start);
		free(head);
		load_plain(s, n, c, 0);
		return;
	}
	/* Text before the first headline: an article of its own when it has any prose. */
	if (head[0] > 0) {
		int prose = 0;
		for (size_t k = 0; k < head[0]; k++)
			prose |= !is_heading_line(P[k].s, P[k].n);
		if (prose) {
			size_t t = is_heading_line(P[0].s, P[0].n) ? 1 : 0;
			emit_article(P, 0, t, head[0], c);
		}
	}
	for (size_t j = 0; j < ns; j++) {
		size_t h = head[j];
		while (h < start[j] && is_kicker(&P[h]))
			h++;
		size_t end = j + 1 < ns ? head[j + 1] : m;
		emit_article(P, h, start[j], end, c);
	}
	free(start);
	free(head);
	lines_free(&ls);
}
