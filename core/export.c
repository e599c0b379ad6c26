#include "export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_write.h"
#include "sanitize.h"
#include "files.h"
#include "json_write.h"

int export_format_from_name(const char *name)
{
	if (!strcmp(name, "csv"))
		return EXPORT_CSV;
	if (!strcmp(name, "jsonl") || !strcmp(name, "json"))
		return EXPORT_JSONL;
	if (!strcmp(name, "md") || !strcmp(name, "markdown"))
		return EXPORT_MD;
	return -1;
}

/* Every value of a row, as the columns say. */
struct cells {
	char date[16], fdate[16], value[32], value_max[32], start[16], end[16], offset[24], line[24];
	const char *kind, *unit, *qual, *scope, *place, *fact_date;
	const char *places[FACT_PLACES];
	int nplaces;
	const char *text, *sent;
	size_t tn, sn;
};

static void fill(struct cells *c, const struct gazetteer *gz, const struct export_row *r)
{
	memset(c, 0, sizeof *c);
	const struct article *a = r->a;
	if (a) {
		ymd_format(a->date, c->date);
		snprintf(c->offset, sizeof c->offset, "%llu", (unsigned long long)a->offset);
		snprintf(c->line, sizeof c->line, "%llu", (unsigned long long)a->line);
		snprintf(c->start, sizeof c->start, "%u", r->start);
		snprintf(c->end, sizeof c->end, "%u", r->end);
	}
	if (r->f) {
		const struct fact *f = r->f;
		c->kind = fact_kind_name(f->kind);
		snprintf(c->value, sizeof c->value, "%lld", (long long)f->value);
		if (f->value_max != f->value)
			snprintf(c->value_max, sizeof c->value_max, "%lld", (long long)f->value_max);
		c->unit = f->unit;
		c->qual = fact_qualifier_name(f->qual);
		c->scope = fact_scope_name(f->scope);
		c->place = f->place >= 0 ? gz->v[f->place].full_name : NULL;
		for (int k = 0; k < f->nplaces; k++)
			c->places[c->nplaces++] = gz->v[f->places[k]].full_name;
		c->fact_date = fact_date_format(f, c->fdate);
		if (a) {
			c->sent = a->body + f->sent_start;
			c->sn = f->sent_end - f->sent_start;
		}
	} else if (r->h && r->type == HL_FACT) { /* the fact is no longer found: as marked */
		c->kind = r->h->kind;
		snprintf(c->value, sizeof c->value, "%lld", (long long)r->h->value);
	}
	if (r->type != HL_ARTICLE) {
		if (a) {
			c->text = a->body + r->start;
			c->tn = r->end - r->start;
		} else if (r->h && r->h->quote) {
			c->text = r->h->quote;
			c->tn = strlen(r->h->quote);
		}
		if (!c->sent) {
			c->sent = c->text;
			c->sn = c->tn;
		}
	}
}

static void csv_str(struct strbuf *sb, const char *s, int last)
{
	csv_text(sb, s, s ? strlen(s) : 0);
	sb_adds(sb, last ? "\r\n" : ",");
}

static void csv_num(struct strbuf *sb, const char *s, int last)
{
	csv_number(sb, s);
	sb_adds(sb, last ? "\r\n" : ",");
}

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

static const char *const columns[] = { "type", "article", "title", "source", "article_date", "article_place",
				       "url", "file", "offset", "line", "start", "end", "kind", "value",
				       "value_max", "unit", "qualifier", "scope", "place", "date", "text",
				       "sentence", "note", "status" };
#define NCOLUMNS (sizeof columns / sizeof *columns)

static void write_csv_row(struct strbuf *sb, const struct export_row *r, const struct cells *c)
{
	const struct article *a = r->a;
	csv_str(sb, hl_type_name(r->type), 0);
	csv_str(sb, a ? a->id : r->h ? r->h->article : NULL, 0);
	csv_str(sb, a ? a->title : r->h ? r->h->title : NULL, 0);
	csv_str(sb, a ? a->source : NULL, 0);
	csv_str(sb, a && ymd_full(a->date) ? c->date : NULL, 0);
	csv_str(sb, a ? a->place : NULL, 0);
	csv_str(sb, a ? a->url : NULL, 0);
	csv_str(sb, a ? a->file : NULL, 0);
	csv_num(sb, nz(c->offset), 0);
	csv_num(sb, nz(c->line), 0);
	csv_num(sb, nz(c->start), 0);
	csv_num(sb, nz(c->end), 0);
	csv_str(sb, c->kind, 0);
	csv_num(sb, nz(c->value), 0);
	csv_num(sb, nz(c->value_max), 0);
	csv_str(sb, nz(c->unit), 0);
	csv_str(sb, c->qual, 0);
	csv_str(sb, c->scope, 0);
	csv_str(sb, c->place, 0);
	csv_str(sb, c->fact_date, 0);
	csv_text(sb, c->text, c->tn);
	sb_addc(sb, ',');
	csv_text(sb, c->sent, c->sn);
	sb_addc(sb, ',');
	csv_str(sb, r->note, 0);
	csv_str(sb, r->status, 1);
}

static void write_json_row(struct strbuf *sb, const struct export_row *r, const struct cells *c)
{
	const struct article *a = r->a;
	struct jsonw w;
	jw_begin(&w, sb);
	jw_str(&w, "type", hl_type_name(r->type));
	/* the keys of `facts --json` */
	jw_str(&w, "article", a ? a->id : r->h ? r->h->article : NULL);
	jw_str(&w, "file", a ? a->file : NULL);
	jw_str(&w, "kind", c->kind);
	if (nz(c->value))
		jw_int(&w, "value", strtoll(c->value, NULL, 10));
	else
		jw_null(&w, "value");
	if (nz(c->value_max))
		jw_int(&w, "value_max", strtoll(c->value_max, NULL, 10));
	jw_str(&w, "unit", nz(c->unit));
	jw_str(&w, "qualifier", c->qual);
	jw_str(&w, "scope", c->scope);
	jw_str(&w, "place", c->place);
	jw_key(&w, "places");
	sb_addc(sb, '[');
	for (int k = 0; k < c->nplaces; k++) {
		if (k)
			sb_addc(sb, ',');
		json_string(sb, c->places[k], strlen(c->places[k]));
	}
	sb_addc(sb, ']');
	jw_str(&w, "place_from", r->f ? fact_origin_name(r->f->place_from) : NULL);
	jw_str(&w, "date", c->fact_date);
	jw_str(&w, "date_from", r->f ? fact_origin_name(r->f->date_from) : NULL);
	char since[16];
	jw_str(&w, "since", r->f ? fact_since_format(r->f, since) : NULL);
	if (r->f && r->f->hour >= 0)
		jw_int(&w, "hour", r->f->hour);
	else
		jw_null(&w, "hour");
	char note[96];
	jw_str(&w, "check", r->f ? fact_check_name((enum fact_check)r->f->check) : NULL);
	jw_str(&w, "check_note", r->f ? fact_check_note(r->f, note, sizeof note) : NULL);
	jw_strn(&w, "text", c->text, c->tn);
	if (a) {
		jw_int(&w, "start", r->start);
		jw_int(&w, "end", r->end);
	} else {
		jw_null(&w, "start");
		jw_null(&w, "end");
	}
	jw_strn(&w, "sentence", c->sent, c->sn);
	/* provenance */
	jw_str(&w, "title", a ? a->title : r->h ? r->h->title : NULL);
	jw_str(&w, "source", a ? a->source : NULL);
	jw_str(&w, "article_date", a && ymd_full(a->date) ? c->date : NULL);
	jw_str(&w, "article_place", a ? a->place : NULL);
	jw_str(&w, "url", a ? a->url : NULL);
	if (a) {
		jw_int(&w, "offset", (long long)a->offset);
		jw_int(&w, "line", (long long)a->line);
	} else {
		jw_null(&w, "offset");
		jw_null(&w, "line");
	}
	jw_str(&w, "note", r->note);
	jw_str(&w, "status", r->status);
	jw_end(&w);
	sb_addc(sb, '\n');
}

/* Markdown text: no line breaks, and the characters that would start markup escaped. */
static void md_text(struct strbuf *sb, const char *s0, size_t n0)
{
	struct strbuf vis = STRBUF_INIT; /* control characters shown, not kept */
	if (s0)
		sanitize_visible(&vis, s0, n0, 0);
	const char *s = vis.s;
	size_t n = vis.len;
	for (size_t i = 0; s && i < n; i++) {
		char ch = s[i];
		if (ch == '\n' || ch == '\r')
			ch = ' ';
		if (strchr("\\`*_[]<>#|", ch))
			sb_addc(sb, '\\');
		sb_addc(sb, ch);
	}
	sb_free(&vis);
}

static const char *row_place(const struct gazetteer *gz, const struct export_row *r)
{
	if (r->f && r->f->place >= 0)
		return gz->v[r->f->place].full_name;
	if (r->a && r->a->place) { /* 武汉 and 武汉市 are one place */
		int p = gazetteer_find(gz, r->a->place);
		return p >= 0 ? gz->v[p].full_name : r->a->place;
	}
	return "";
}

static long row_day(const struct export_row *r)
{
	if (r->f && r->f->date.y && r->f->date.m && r->f->date.d)
		return ymd_days(r->f->date);
	if (r->a && ymd_full(r->a->date))
		return ymd_days(r->a->date);
	return 0x7fffffffL;
}

static int md_order(const void *x, const void *y, void *arg)
{
	const struct gazetteer *gz = arg;
	const struct export_row *a = x, *b = y;
	const char *pa = row_place(gz, a), *pb = row_place(gz, b);
	if (!*pa != !*pb) /* places first, the unplaced last */
		return *pa ? -1 : 1;
	int c = strcmp(pa, pb);
	if (c)
		return c;
	long da = row_day(a), db = row_day(b);
	if (da != db)
		return da < db ? -1 : 1;
	return (a->start > b->start) - (a->start < b->start);
}

static void write_md(struct strbuf *sb, const struct gazetteer *gz, struct export_row *rows, size_t n)
{
	if (n > 1)
		qsort_r(rows, n, sizeof *rows, md_order, (void *)gz);
	sb_adds(sb, "# epinews export\n");
	const char *place = NULL;
	long day = -1;
	for (size_t i = 0; i < n; i++) {
		const struct export_row *r = &rows[i];
		struct cells c;
		fill(&c, gz, r);
		const char *p = row_place(gz, r);
		long d = row_day(r);
		if (!place || strcmp(place, p)) {
			sb_adds(sb, "\n## ");
			md_text(sb, *p ? p : "(place unknown)", strlen(*p ? p : "(place unknown)"));
			sb_addc(sb, '\n');
			place = p;
			day = -1;
		}
		if (d != day) {
			char buf[16];
			sb_addf(sb, "\n### %s\n\n", d == 0x7fffffffL ? "(date unknown)" : ymd_format(ymd_from_days(d), buf));
			day = d;
		}
		sb_adds(sb, "- ");
		if (r->type == HL_FACT) {
			static const char *const qmark[] = { "", "about ", "over ", "under " };
			const char *words = r->f ? fact_kind_words(r->f->kind) : c.kind ? c.kind : "?";
			sb_addf(sb, "**%s**: %s%s%s", words, r->f ? qmark[r->f->qual] : "", c.value,
				c.unit ? c.unit : "");
			if (c.fact_date)
				sb_addf(sb, " (as of %s)", c.fact_date);
			sb_adds(sb, " — ");
		} else if (r->type == HL_ARTICLE) {
			sb_adds(sb, "**article** — ");
		}
		if (r->type != HL_ARTICLE && c.sent) {
			sb_adds(sb, "“");
			md_text(sb, c.sent, c.sn);
			sb_adds(sb, "” — ");
		}
		const char *title = r->a ? r->a->title : r->h ? r->h->title : "?";
		if (r->a && r->a->url && !strpbrk(r->a->url, " ()<>")) {
			sb_adds(sb, "[");
			md_text(sb, title, strlen(title));
			sb_addf(sb, "](%s)", r->a->url);
		} else {
			sb_adds(sb, "*");
			md_text(sb, title, strlen(title));
			sb_adds(sb, "*");
		}
		if (r->a && r->a->source) {
			sb_adds(sb, ", ");
			md_text(sb, r->a->source, strlen(r->a->source));
		}
		if (r->a && ymd_full(r->a->date))
			sb_addf(sb, ", %s", c.date);
		if (r->a) {
			sb_addf(sb, " (`%s`, ", r->a->id);
			sanitize_visible(sb, r->a->file, strlen(r->a->file), 1); /* a name, shown not obeyed */
			sb_addf(sb, ":%llu)", (unsigned long long)r->a->line);
		}
		if (r->status && strcmp(r->status, "ok"))
			sb_addf(sb, " [%s]", r->status);
		if (r->note) {
			sb_adds(sb, "\n  - note: ");
			md_text(sb, r->note, strlen(r->note));
		}
		sb_addc(sb, '\n');
	}
}

void export_write(struct strbuf *sb, enum export_format fmt, const struct gazetteer *gz,
		  struct export_row *rows, size_t n, int bom)
{
	if (fmt == EXPORT_MD) {
		write_md(sb, gz, rows, n);
		return;
	}
	if (fmt == EXPORT_CSV) {
		if (bom)
			sb_adds(sb, "\xEF\xBB\xBF");
		for (size_t i = 0; i < NCOLUMNS; i++)
			csv_str(sb, columns[i], i + 1 == NCOLUMNS);
	}
	for (size_t i = 0; i < n; i++) {
		struct cells c;
		fill(&c, gz, &rows[i]);
		if (fmt == EXPORT_CSV)
			write_csv_row(sb, &rows[i], &c);
		else
			write_json_row(sb, &rows[i], &c);
	}
}

int export_to_file(const char *path, const char *text, size_t len, int force)
{
	return write_atomic(path, text, len, force);
}

size_t export_highlight_rows(const struct hl_store *s, const struct archive *ar, const struct factdb *fdb,
			     struct export_row **out)
{
	struct export_row *rows = calloc(s->n + 1, sizeof *rows);
	if (!rows)
		return *out = NULL, 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct highlight *h = &s->v[i];
		struct hl_where w;
		hl_resolve(h, ar, fdb, &w);
		struct export_row *r = &rows[i];
		r->type = h->type;
		r->h = h;
		r->note = h->note;
		r->status = hl_status_name(w.status);
		if (w.doc >= 0) {
			r->a = archive_art(ar, w.doc);
			r->start = w.start;
			r->end = w.end;
			if (w.fact >= 0) {
				size_t nf;
				r->f = factdb_of(fdb, (size_t)w.doc, &nf) + w.fact;
			}
		}
	}
	*out = rows;
	return s->n;
}

size_t export_fact_rows(const struct archive *ar, const struct factdb *fdb, const struct bits *docs,
			int kind, struct export_row **out)
{
	size_t n = 0, cap = 0;
	struct export_row *rows = NULL;
	for (size_t d = 0; d < ar->n; d++) {
		if (docs && !bits_has(docs, d))
			continue;
		size_t nf;
		const struct fact *f = factdb_of(fdb, d, &nf);
		for (size_t k = 0; k < nf; k++) {
			if (kind >= 0 && (int)f[k].kind != kind)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				rows = realloc(rows, cap * sizeof *rows);
				if (!rows)
					abort();
			}
			rows[n++] = (struct export_row){ HL_FACT, archive_art(ar, d), &f[k], NULL, f[k].start, f[k].end,
							 NULL, NULL };
		}
	}
	*out = rows;
	return n;
}
