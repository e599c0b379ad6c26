/* The browser's state and what changes it: the search in force, the list's
 * order, the open article and its layout, messages and the prompt. Views and
 * panes call these; the main loop (tui/app.c) calls them and the views. */
#include "tui/state.h"

#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/bits.h"
#include "core/recover.h"
#include "core/sanitize.h"
#include "core/search.h"
#include "core/xalloc.h"

void app_message(struct app *app, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	sb_reset(&app->msg);
	sanitize_visible(&app->msg, buf, strlen(buf), 1); /* names and config text shown as the CLI shows them */
}


const char *app_article_place(const struct app *app, size_t i)
{
	/* the first place the article is about, as place: reads it */
	int pl = !app->building && app->co.fdb.about ? app->co.fdb.about[i * FACTS_ABOUT] : -1;
	const struct article *a = archive_art(&app->co.ar, i);
	return pl >= 0 ? app->co.gz.v[pl].full_name : a->place && *a->place ? a->place : NULL;
}

/* Two keys, an empty or missing one after every other whichever the direction. */
static int by_text(const char *a, const char *b, int reverse)
{
	int ea = !a || !*a, eb = !b || !*b;
	if (ea || eb)
		return ea - eb;
	int c = strcmp(a, b);
	return reverse ? -c : c;
}

static int by_key(const void *x, const void *y, void *arg)
{
	const struct app *app = arg;
	const struct article *a = archive_art(&app->co.ar, *(const size_t *)x), *b = archive_art(&app->co.ar, *(const size_t *)y);
	int c = 0;
	switch (app->sort) {
	case SORT_DATE: { /* unknown dates last, whichever the direction */
		int ka = ymd_full(a->date), kb = ymd_full(b->date);
		if (ka != kb)
			return kb - ka;
		long da = ka ? ymd_days(a->date) : 0, db = kb ? ymd_days(b->date) : 0;
		c = (da > db) - (da < db);
		break;
	}
	case SORT_PLACE: /* the place the list shows */
		c = by_text(app_article_place(app, *(const size_t *)x), app_article_place(app, *(const size_t *)y),
			    app->reverse);
		break;
	case SORT_SOURCE: c = by_text(a->source, b->source, app->reverse); break;
	default: c = by_text(a->title, b->title, app->reverse); break;
	}
	if (!c) /* stable: archive order */
		return (*(const size_t *)x > *(const size_t *)y) - (*(const size_t *)x < *(const size_t *)y);
	if (app->reverse && app->sort == SORT_DATE)
		c = -c;
	return c;
}

/* The hits of the query in force in the open article. */
static void find_spans(struct app *app)
{
	free(app->spans);
	app->spans = NULL;
	app->nspans = 0;
	app->hit = (size_t)-1;
	if (app->open < 0 || !app->q.root)
		return;
	const struct article *a = archive_art(&app->co.ar, app->open);
	app->nspans = search_spans(&app->q, a->body, a->body_len, &app->spans);
}

/* When to stop checking candidates (app_verify). */
struct verify_limit {
	size_t rows;
	double budget, t0;
};

static int verify_stop(void *arg, size_t listed)
{
	const struct verify_limit *l = arg;
	if (l->rows == (size_t)-1)
		return 0;
	double t = corpus_clock() - l->t0;
	/* enough rows and the budget spent, or too long in any case */
	if ((listed >= l->rows && t > l->budget) || t > 0.05)
		return 1;
	/* between keys: the next key comes first (curses has none buffered, or
	 * the key loop would not be here) */
	struct pollfd in = { STDIN_FILENO, POLLIN, 0 };
	return !l->rows && poll(&in, 1, 0) > 0;
}

void app_verify(struct app *app, size_t rows, double budget)
{
	if (app->pend_pos >= app->npend)
		return;
	struct corpus *co = &app->co;
	struct query_ctx cx = { &co->ar, app_ix(app), app_fdb(app), &co->gz, co->by_date, 0 };
	struct verify_limit lim = { rows, budget, corpus_clock() };
	search_check(&app->q, &cx, app->pend, app->npend, &app->pend_pos, app->order, &app->norder, verify_stop, &lim);
	if (app->pend_pos >= app->npend && !app->norder && app->q.root) {
		char why[160];
		const char *w = query_why_empty(&app->q, &cx, why, sizeof why);
		app_message(app, "no matches%s%s", w ? ": " : "", w ? w : "");
	}
}

/* Fill app->order with the articles q matches, in the list's sort order. The
 * index's candidates are ordered at once; when they still need checking against
 * the text, enough for the screen are checked now and the rest while no key is
 * waiting (app_verify), so typing never waits for a whole archive. */
static void fill_order(struct app *app, struct query *q)
{
	struct corpus *co = &app->co;
	size_t keep = app->norder ? app->order[app->pane[PANE_LIST].ls.sel < app->norder ? app->pane[PANE_LIST].ls.sel : 0] : 0;
	app->npend = app->pend_pos = 0;
	app->norder = 0;
	int exact = 1;
	struct bits all;
	const struct bits *cand = NULL;
	if (q && q->root) {
		struct query_ctx cx = { &co->ar, app_ix(app), app_fdb(app), &co->gz, co->by_date, 0 };
		query_eval(q, &cx);
		cand = &q->root->cand;
		exact = q->root->exact;
	} else {
		bits_init(&all, co->ar.n, 1);
		cand = &all;
	}
	if (app->sort == SORT_DATE) {
		/* the date order is kept ready: walk it, dated articles reversed on demand */
		if (!q || !q->root) {
			for (size_t i = 0; i < co->ar.n; i++)
				app->order[i] = co->by_date[i];
			app->norder = co->ar.n;
		} else {
			/* the candidates' places in the date order, then those in order:
			 * the cost follows the candidates, not the archive */
			struct bits at;
			bits_init(&at, co->ar.n, 0);
			for (size_t d = bits_next(cand, 0); d != (size_t)-1; d = bits_next(cand, d + 1))
				bits_set(&at, app->date_rank[d]);
			for (size_t i = bits_next(&at, 0); i != (size_t)-1; i = bits_next(&at, i + 1))
				app->order[app->norder++] = co->by_date[i];
			bits_free(&at);
		}
		/* reversed: the dated ones (first in the date order), undated stay last */
		size_t dated = app->norder;
		while (app->reverse && dated > 0 && !ymd_full(archive_art(&co->ar, app->order[dated - 1])->date))
			dated--;
		if (app->reverse)
			for (size_t i = 0, j = dated; i + 1 < j; i++, j--) {
				size_t t = app->order[i];
				app->order[i] = app->order[j - 1];
				app->order[j - 1] = t;
			}
	} else {
		for (size_t d = bits_next(cand, 0); d != (size_t)-1; d = bits_next(cand, d + 1))
			app->order[app->norder++] = (uint32_t)d;
		qsort_r(app->order, app->norder, sizeof *app->order, by_key, app);
	}
	if (!q || !q->root)
		bits_free(&all);
	if (!exact) { /* candidates: check them, a screenful first */
		memcpy(app->pend, app->order, app->norder * sizeof *app->order);
		app->npend = app->norder;
		app->norder = 0;
		app_verify(app, (size_t)app->pane[PANE_LIST].h + 1, 0.004);
	}
	/* keep the selected article selected when it is still listed */
	app->pane[PANE_LIST].ls.sel = 0;
	for (size_t i = 0; i < app->norder; i++)
		if (app->order[i] == keep)
			app->pane[PANE_LIST].ls.sel = i;
}

void app_refilter(struct app *app)
{
	fill_order(app, &app->q);
	find_spans(app);
}

/* Make `text`, with the filters in force, the query in force. Returns 0, or -1
 * with the error (its column counted in `text`) in the status line. */
int app_set_query(struct app *app, const char *text, size_t len)
{
	struct query q;
	struct strbuf s = STRBUF_INIT;
	sb_add(&s, text, len);
	int rc = query_parse_saved(&q, s.s, &app->co.gz, &app->searches);
	if (rc < 0) {
		app_message(app, "%s", q.err);
		sb_free(&s);
		return -1;
	}
	if (app->nfilters) { /* the filters, and the text as one group */
		query_free(&q);
		sb_reset(&s);
		for (size_t i = 0; i < app->nfilters; i++)
			sb_addf(&s, "%s ", app->filters[i]);
		if (len) {
			sb_adds(&s, "(");
			sb_add(&s, text, len);
			sb_adds(&s, ")");
		}
		if (query_parse_saved(&q, s.s, &app->co.gz, &app->searches) < 0) {
			app_message(app, "%s", q.err);
			sb_free(&s);
			return -1;
		}
	}
	sb_free(&s);
	if (q.needs_facts && app->building)
		app_message(app, "place:, kind: and measures count only the text until the index is built");
	if (q.root && q.root->type == Q_ALL)
		query_free(&q);
	query_free(&app->q);
	app->q = q;
	sb_reset(&app->q_text);
	sb_add(&app->q_text, text, len);
	app_refilter(app);
	return 0;
}

int app_apply_query(struct app *app)
{
	return app_set_query(app, app->query.s ? app->query.s : "", app->query.len);
}

static void add_row(struct app *app, int header, uint32_t s, uint32_t e, int indent)
{
	app->rows = xgrow(app->rows, &app->caprows, app->nrows + 1, sizeof *app->rows);
	app->rows[app->nrows++] = (struct read_row){ header, s, e, indent };
}

void reader_layout(struct app *app)
{
	struct pane *p = &app->pane[PANE_READER];
	int width = p->w > 1 ? p->w - 1 : 1; /* one cell of margin */
	if (app->open < 0 || app->laid_width == width)
		return;
	const struct article *a = archive_art(&app->co.ar, app->open);
	int amb = app->opt.ambiguous_wide;
	app->nrows = 0;
	sb_reset(&app->header);
	struct text_layout lay = { 0 };
	/* header lines: title, subtitle, then source · date · place, then the URL */
	char date[16];
	const char *lines[4];
	struct strbuf meta = STRBUF_INIT;
	sb_addf(&meta, "%s · %s · %s", a->source ? a->source : "-", article_date_text(a, date),
		a->place ? a->place : "-");
	lines[0] = a->title;
	lines[1] = a->subtitle;
	lines[2] = meta.s;
	lines[3] = a->url;
	for (int k = 0; k < 4; k++) {
		if (!lines[k])
			continue;
		size_t base = app->header.len;
		sb_adds(&app->header, lines[k]);
		lay.n = 0;
		layout_paragraph(lines[k], strlen(lines[k]), width, 0, amb, &lay);
		for (size_t i = 0; i < lay.n; i++)
			add_row(app, 1, (uint32_t)(base + lay.v[i].start), (uint32_t)(base + lay.v[i].end), 0);
	}
	sb_free(&meta);
	add_row(app, 1, 0, 0, 0);
	for (size_t pi = 0; pi < a->npara; pi++) {
		size_t len;
		const char *para = article_para(a, pi, &len);
		uint32_t base = a->para[pi];
		lay.n = 0;
		layout_paragraph(para, len, width, 2, amb, &lay); /* the customary two-cell indent */
		for (size_t i = 0; i < lay.n; i++)
			add_row(app, 0, base + lay.v[i].start, base + lay.v[i].end, lay.v[i].indent);
		add_row(app, 1, 0, 0, 0);
	}
	layout_free(&lay);
	app->laid_width = width;
}

void reader_show_offset(struct app *app, uint32_t off)
{
	reader_layout(app);
	for (size_t i = 0; i < app->nrows; i++) {
		const struct read_row *r = &app->rows[i];
		if (!r->header && off >= r->start && off < (r->end > r->start ? r->end : r->start + 1)) {
			struct pane *p = &app->pane[PANE_READER];
			size_t third = (size_t)p->h / 3;
			p->ls.top = i > third ? i - third : 0;
			return;
		}
	}
}

void app_open(struct app *app, long i)
{
	if (app->open == i)
		return;
	app->open = i;
	facts_free(&app->facts);
	/* the measures extracted at load time (or kept in the cache) */
	size_t nf = 0;
	const struct fact *f = app_fdb(app) ? factdb_of(app_fdb(app), (size_t)i, &nf) : NULL;
	if (nf) {
		app->facts.v = xmalloc(nf * sizeof *app->facts.v);
		memcpy(app->facts.v, f, nf * sizeof *f);
		app->facts.n = app->facts.cap = nf;
	}
	app->laid_width = 0;
	app->pane[PANE_READER].ls.top = 0;
	app->pane[PANE_FACTS].ls.sel = app->pane[PANE_FACTS].ls.top = 0;
	find_spans(app);
}

void app_prompt(struct app *app, enum prompt_kind kind, const char *label, const char *text)
{
	app->prompting = kind;
	app->prompt_label = label;
	sb_reset(&app->msg);
	sb_reset(&app->typing);
	sb_adds(&app->typing, text);
	/* a suggestion, shown selected: the first key typed replaces it, -> keeps it */
	app->typing_suggested = *text != '\0';
}

void app_selection(const struct app *app, enum selection_use use, struct selection *out)
{
	*out = (struct selection){ -1, NULL, 0, 0 };
	app->pane[app->focus].ops->select(app, use, out);
}

int app_can(struct app *app, enum action a)
{
	unsigned needs = action_needs(a);
	if (needs & NEEDS_SELECTION) {
		struct selection sel;
		app_selection(app, SEL_MARK, &sel);
		if (sel.doc < 0) {
			app_message(app, app->focus == PANE_LIST ? "no article here: the list is empty"
								 : "open an article first (Enter)");
			return 0;
		}
	}
	if ((needs & NEEDS_ARTICLE) && app->open < 0) {
		app_message(app, "open an article first (Enter)");
		return 0;
	}
	if ((needs & NEEDS_FACTS) && app->building) {
		app_message(app, "places and measures come with the index, which is still being built");
		return 0;
	}
	if ((needs & NEEDS_HIGHLIGHTS) && !app->hl.n) {
		app_message(app, "no highlights yet: m marks a measure, an article or a selection");
		return 0;
	}
	return 1;
}
