#include "format.h"

#include <string.h>

#include "lines.h"
#include "xalloc.h"

static void emit_block(const struct line *v, size_t n, struct load_ctx *c)
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
	c->emit(c->arg, &d);
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
				emit_block(ls.v + start, k - start, c);
				start = k;
			}
			continue;
		}
		if (!boundary)
			continue;
		emit_block(ls.v + start, k - start, c);
		start = k + 1;
	}
	lines_free(&ls);
}
