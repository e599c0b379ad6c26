/* CSV and TSV with a header row (RFC 4180: quoted cells, "" for a quote,
 * newlines inside quotes), the columns named as JSON fields are. */
#include "format.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fields.h"
#include "strbuf.h"
#include "xalloc.h"

struct row {
	struct strbuf *cell;
	size_t n, cap;
};

struct reader {
	const char *s;
	size_t n, i;
	uint64_t line; /* of s[i] */
	char delim;
	int open_quote;        /* the last row ended inside quotes */
	uint64_t quote_line;   /* where that quote opened */
};

/* Read one row into r; 0 at the end of the text. */
static int read_row(struct reader *rd, struct row *r)
{
	if (rd->i >= rd->n)
		return 0;
	r->n = 0;
	for (;;) {
		if (r->n == r->cap) {
			size_t cap = r->cap;
			r->cell = xgrow(r->cell, &r->cap, r->n + 1, sizeof *r->cell);
			for (size_t k = cap; k < r->cap; k++)
				r->cell[k] = (struct strbuf)STRBUF_INIT;
		}
		struct strbuf *c = &r->cell[r->n++];
		c->len = 0;
		sb_add(c, "", 0); /* NUL-terminated, even when empty */
		if (rd->i < rd->n && rd->s[rd->i] == '"') {
			uint64_t opened = rd->line;
			rd->i++;
			for (;;) {
				if (rd->i >= rd->n) {
					rd->open_quote = 1;
					rd->quote_line = opened;
					return 1;
				}
				char ch = rd->s[rd->i++];
				if (ch == '"') {
					if (rd->i < rd->n && rd->s[rd->i] == '"') {
						sb_addc(c, '"');
						rd->i++;
						continue;
					}
					break;
				}
				rd->line += ch == '\n';
				sb_addc(c, ch);
			}
		}
		/* the rest of the cell, up to the delimiter or the line's end */
		while (rd->i < rd->n && rd->s[rd->i] != rd->delim && rd->s[rd->i] != '\n')
			sb_addc(c, rd->s[rd->i++]);
		if (rd->i >= rd->n)
			return 1;
		if (rd->s[rd->i++] == '\n') {
			rd->line++;
			return 1;
		}
	}
}

static void row_free(struct row *r)
{
	for (size_t k = 0; k < r->cap; k++)
		sb_free(&r->cell[k]);
	free(r->cell);
}

/* The delimiter of a header line: a tab when it has one, else a comma. */
static char header_delim(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	size_t len = nl ? (size_t)(nl - s) : n;
	return memchr(s, '\t', len) ? '\t' : ',';
}

/* Which column holds each field: the one whose name ranks best, or -1. */
static void map_columns(const struct row *h, int col[RF_COUNT])
{
	for (int f = 0; f < RF_COUNT; f++) {
		int best = -1;
		col[f] = -1;
		for (size_t k = 0; k < h->n; k++) {
			const char *name = h->cell[k].s;
			size_t len = h->cell[k].len;
			while (len && (*name == ' ')) {
				name++;
				len--;
			}
			while (len && name[len - 1] == ' ')
				len--;
			int r = rec_field_rank((enum rec_field)f, name, len);
			if (r >= 0 && (best < 0 || r < best)) {
				best = r;
				col[f] = (int)k;
			}
		}
	}
}

int csv_header(const char *s, size_t n)
{
	char delim = header_delim(s, n);
	struct reader rd = { s, n, 0, 1, delim, 0, 0 };
	struct row h = { NULL, 0, 0 };
	int col[RF_COUNT], yes = 0;
	if (read_row(&rd, &h) && h.n >= 2) {
		map_columns(&h, col);
		yes = col[RF_TITLE] >= 0 || col[RF_TEXT] >= 0;
	}
	row_free(&h);
	return yes;
}

static const char *cell(const struct row *r, int k, size_t *len)
{
	if (k < 0 || (size_t)k >= r->n) {
		*len = 0;
		return "";
	}
	*len = r->cell[k].len;
	return r->cell[k].s;
}

void load_csv(const char *s, size_t n, struct load_ctx *c)
{
	struct reader rd = { s, n, 0, 1, header_delim(s, n), 0, 0 };
	struct row h = { NULL, 0, 0 }, r = { NULL, 0, 0 };
	int col[RF_COUNT];
	read_row(&rd, &h);
	map_columns(&h, col);
	int text = col[RF_TEXT] >= 0 ? col[RF_TEXT] : col[RF_BRIEF];
	int wide_reported = 0;
	for (;;) {
		uint64_t line = rd.line, off = rd.i;
		if (!read_row(&rd, &r))
			break;
		if (r.n == 1 && r.cell[0].len == 0)
			continue; /* an empty line */
		if (r.n > h.n && !wide_reported) {
			diag_report(c->diag, c->path, line,
				    "row has %zu cells, the header %zu: the extra cells are ignored", r.n, h.n);
			wide_reported = 1;
		}
		struct draft d;
		draft_init(&d);
		d.offset = off;
		d.line = line;
		size_t len;
		const char *v = cell(&r, col[RF_TITLE], &len);
		d.title = rec_plain(v, len);
		v = cell(&r, col[RF_URL], &len);
		d.url = len ? xstrndup(v, len) : NULL;
		v = cell(&r, col[RF_SOURCE], &len);
		d.source = rec_plain(v, len);
		v = cell(&r, col[RF_DATE], &len);
		if (len)
			date_parse(v, &d.date);
		v = cell(&r, text, &len);
		if (len)
			rec_add_text(&d, v, len);
		if (!d.title && !d.npara) {
			diag_report(c->diag, c->path, line, "CSV row has no title and no text, skipped");
			draft_free(&d);
		} else {
			c->emit(c->arg, &d);
		}
		if (rd.open_quote)
			diag_report(c->diag, c->path, rd.quote_line,
				    "a quoted cell opened here never closes: the file ends inside it (its row is kept)");
	}
	row_free(&h);
	row_free(&r);
}
