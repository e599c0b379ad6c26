#include "format.h"

#include <string.h>

#include "html.h"
#include "lines.h"
#include "strbuf.h"
#include "xalloc.h"

struct para_lines {
	struct strbuf text; /* the paragraphs, each ending in '\n' */
	struct lines ls;
};

static void keep_para(void *arg, const char *p, size_t n)
{
	struct strbuf *sb = arg;
	sb_add(sb, p, n);
	sb_addc(sb, '\n');
}

/* Lines v[0..n) with markup in them (tags split over lines, entities), as the
 * paragraphs libxml2 reads in them; lines stay paragraphs when lines_break. */
static int html_lines(const struct line *v, size_t n, int lines_break, struct para_lines *out)
{
	if (!n)
		return 0;
	const char *from = v[0].s, *to = v[n - 1].s + v[n - 1].n;
	if (!html_has_markup(from, (size_t)(to - from)))
		return 0;
	out->text = (struct strbuf)STRBUF_INIT;
	memset(&out->ls, 0, sizeof out->ls);
	html_paragraphs(from, (size_t)(to - from), lines_break, keep_para, &out->text);
	lines_split(&out->ls, out->text.s ? out->text.s : "", out->text.len, v[0].off, v[0].no);
	for (size_t i = 0; i < out->ls.n; i++) { /* where they came from: the block's first line */
		out->ls.v[i].off = v[0].off;
		out->ls.v[i].no = v[0].no;
	}
	return 1;
}

/* One article from lines v[0..n): the title line, perhaps a subtitle, the
 * body. Markup in the body is read as HTML, its lines kept as paragraphs when
 * html_breaks (a >>> block) or not (a raw dump of pages). */
static void emit_block(const struct line *v, size_t n, struct load_ctx *c, int html_breaks)
{
	size_t i = 0;
	while (i < n && v[i].n == 0)
		i++;
	if (i == n)
		return;
	struct draft d;
	draft_init(&d);
	d.offset = v[i].off;
	d.line = v[i].no;
	const char *t = v[i].s;
	size_t tn = v[i].n;
	if (has_prefix(t, tn, ">>>")) {
		t += 3;
		tn -= 3;
		while (tn && *t == ' ') {
			t++;
			tn--;
		}
	}
	if (tn)
		d.title = xstrndup(t, tn);
	i++;
	struct para_lines pl;
	int html = html_lines(v + i, n - i, html_breaks, &pl);
	if (html) {
		v = pl.ls.v;
		n = pl.ls.n;
		i = 0;
	}
	d.plain = c->plain && !html; /* the lines as the file has them */
	int first = 1;
	for (; i < n; i++) {
		if (v[i].n == 0)
			continue;
		/* A short heading right under the title, with more text after it, is a subtitle. */
		if (first && d.title && i + 1 < n && is_heading_line(v[i].s, v[i].n)) {
			size_t j = i + 1;
			while (j < n && v[j].n == 0)
				j++;
			if (j < n && !is_heading_line(v[j].s, v[j].n)) {
				d.subtitle = xstrndup(v[i].s, v[i].n);
				first = 0;
				continue;
			}
		}
		first = 0;
		draft_add_para(&d, v[i].s, v[i].n);
	}
	if (html) {
		lines_free(&pl.ls);
		sb_free(&pl.text);
	}
	c->emit(c->arg, &d);
}

int is_symbol_line(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	char ch = s[0];
	if (ch != '*' && ch != '-' && ch != '=' && ch != '#' && ch != '~' && ch != '_')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (s[i] != ch)
			return 0;
	return ch == '*' || n >= 5;
}

void load_dump(const char *s, size_t n, struct load_ctx *c)
{
	struct lines ls = { 0 };
	lines_split(&ls, s, n, 0, 1);
	/* the separator is the symbol line that recurs most */
	char sep = 0;
	size_t best = 0, count[256] = { 0 };
	for (size_t k = 0; k < ls.n; k++)
		if (is_symbol_line(ls.v[k].s, ls.v[k].n) && ++count[(unsigned char)ls.v[k].s[0]] > best)
			best = count[(unsigned char)(sep = ls.v[k].s[0])];
	size_t start = 0;
	for (size_t k = 0; k <= ls.n; k++) {
		if (k < ls.n && !(is_symbol_line(ls.v[k].s, ls.v[k].n) && ls.v[k].s[0] == sep))
			continue;
		emit_block(ls.v + start, k - start, c, 0);
		start = k + 1;
	}
	lines_free(&ls);
}

void load_blocks(const char *s, size_t n, struct load_ctx *c)
{
	struct lines ls = { 0 };
	lines_split(&ls, s, n, 0, 1);
	size_t start = 0;
	for (size_t k = 0; k <= ls.n; k++) {
		int boundary = k == ls.n || is_next_news(ls.v[k].s, ls.v[k].n);
		/* a ">>>" line also starts a new block when the separator is missing */
		if (!boundary && k > start && has_prefix(ls.v[k].s, ls.v[k].n, ">>>")) {
			size_t j = start;
			while (j < k && ls.v[j].n == 0)
				j++;
			if (j < k) {
				emit_block(ls.v + start, k - start, c, 1);
				start = k;
			}
			continue;
		}
		if (!boundary)
			continue;
		emit_block(ls.v + start, k - start, c, 1);
		start = k + 1;
	}
	lines_free(&ls);
}
