#include "format.h"

#include <string.h>

#include "lines.h"
#include "utf8.h"
#include "xalloc.h"

static int breadcrumb(const struct line *l)
{
	return memmem(l->s, l->n, "您的位置", 12) || memmem(l->s, l->n, "当前位置", 12) ||
	       memmem(l->s, l->n, "首页 >", 8) || memmem(l->s, l->n, "首页>", 7);
}

void load_plain(const char *s, size_t n, struct load_ctx *c, int web)
{
	struct lines ls = { 0 };
	lines_split(&ls, s, n, 0, 1);
	size_t i = 0;
	while (i < ls.n && (ls.v[i].n == 0 || (web && breadcrumb(&ls.v[i]))))
		i++;
	if (i == ls.n) {
		lines_free(&ls);
		return;
	}
	struct draft d;
	draft_init(&d);
	d.web = web;
	d.plain = c->plain;
	d.offset = ls.v[i].off;
	d.line = ls.v[i].no;
	/* A first line longer than a headline is text, not a title. */
	if (utf8_count_upto(ls.v[i].s, ls.v[i].n, 101) <= 100) {
		d.title = xstrndup(ls.v[i].s, ls.v[i].n);
		i++;
	}
	int first = 1;
	for (; i < ls.n; i++) {
		const struct line *l = &ls.v[i];
		if (l->n == 0 || (d.title && l->n == strlen(d.title) && !memcmp(l->s, d.title, l->n)))
			continue;
		if (first && d.title && is_heading_line(l->s, l->n)) {
			size_t j = i + 1;
			while (j < ls.n && ls.v[j].n == 0)
				j++;
			if (j < ls.n && !is_heading_line(ls.v[j].s, ls.v[j].n)) {
				d.subtitle = xstrndup(l->s, l->n);
				first = 0;
				continue;
			}
		}
		first = 0;
		draft_add_para(&d, l->s, l->n);
	}
	lines_free(&ls);
	c->emit(c->arg, &d);
}
