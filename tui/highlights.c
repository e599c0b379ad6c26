/* The highlights list, a view over the panes: every highlight of the archive
 * by date, place or kind; Enter opens one where it was marked, a writes its
 * note, m removes it, e exports them all. */
#include "tui/highlights.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "tui/marks.h"
#include "tui/state.h"
#include "tui/theme.h"
#include "tui/view.h"
#include "widgets/draw.h"

struct highlights {
	size_t *order, n; /* indexes into app->hl.v, in the order shown */
	struct listsel ls;
};

struct order_ctx {
	const struct app *app;
	const struct hl_where *where; /* of every highlight, resolved once */
};

static int by_sort(const void *x, const void *y, void *arg)
{
	const struct order_ctx *oc = arg;
	const struct app *app = oc->app;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	const struct highlight *a = &app->hl.v[i], *b = &app->hl.v[j];
	const struct hl_where *wa = &oc->where[i], *wb = &oc->where[j];
	const struct article *aa = wa->doc >= 0 ? archive_art(&app->co.ar, wa->doc) : NULL;
	const struct article *ab = wb->doc >= 0 ? archive_art(&app->co.ar, wb->doc) : NULL;
	int c = 0;
	if (app->hl_sort == 1) {
		c = strcmp(aa && aa->place ? aa->place : "\xff", ab && ab->place ? ab->place : "\xff");
	} else if (app->hl_sort == 2) {
		c = strcmp(a->type == HL_FACT ? a->kind : "\xff", b->type == HL_FACT ? b->kind : "\xff");
	} else {
		long da = aa && ymd_full(aa->date) ? ymd_days(aa->date) : 0x7fffffffL;
		long db = ab && ymd_full(ab->date) ? ymd_days(ab->date) : 0x7fffffffL;
		c = (da > db) - (da < db);
	}
	if (!c)
		c = (i > j) - (i < j);
	return c;
}

/* The order of the store as it is now (marks come and go while the view is open). */
static void order(struct app *app, struct highlights *v)
{
	free(v->order);
	v->order = xmalloc((app->hl.n + 1) * sizeof *v->order);
	v->n = app->hl.n;
	struct hl_where *where = xmalloc((app->hl.n + 1) * sizeof *where);
	for (size_t i = 0; i < app->hl.n; i++) {
		v->order[i] = i;
		hl_resolve(&app->hl.v[i], &app->co.ar, app_fdb(app), &where[i]);
	}
	struct order_ctx oc = { app, where };
	qsort_r(v->order, v->n, sizeof *v->order, by_sort, &oc);
	free(where);
}

static void row_text(struct app *app, const struct highlight *hl, struct strbuf *row)
{
	struct hl_where w;
	hl_resolve(hl, &app->co.ar, app_fdb(app), &w);
	const struct article *a = w.doc >= 0 ? archive_art(&app->co.ar, w.doc) : NULL;
	char date[16];
	sb_addf(row, "%-10s %-7s ", a ? ymd_format(a->date, date) : "-", w.status == HL_OK ? "" : hl_status_name(w.status));
	if (hl->type == HL_FACT)
		sb_addf(row, "%s %lld: ", hl->kind, (long long)hl->value);
	else if (hl->type == HL_ARTICLE)
		sb_adds(row, "article: ");
	/* the quote cut to leave the note and the title room on the line */
	int quote_cells = COLS / 2 > 20 ? COLS / 2 : 20;
	const char *quote = hl->quote ? hl->quote : hl->title;
	if (hl->type != HL_ARTICLE || hl->note)
		draw_column(row, quote, quote_cells, app->opt.ambiguous_wide);
	else
		sb_adds(row, quote);
	if (hl->note) {
		sb_adds(row, " [");
		sb_adds(row, hl->note);
		sb_adds(row, "]");
	}
	if (hl->type != HL_ARTICLE) {
		sb_adds(row, "  — ");
		sb_adds(row, hl->title);
	}
	for (size_t k = 0; k < row->len; k++) /* one line per highlight */
		if (row->s[k] == '\n')
			row->s[k] = ' ';
}

static void highlights_draw(struct app *app, void *self)
{
	static const char *const sorts[] = { "date", "place", "kind" };
	struct highlights *v = self;
	order(app, v);
	int amb = app->opt.ambiguous_wide, h = LINES - 2;
	struct strbuf row = STRBUF_INIT;
	sb_addf(&row, " Highlights: %zu, by %s   Enter open  a note  m unmark  s sort  q close", v->n,
		sorts[app->hl_sort]);
	draw_row(0, 0, COLS, 0, row.s, row.len, app_attr(app, ATTR_TITLE), NULL, 0, 0, amb);
	listsel_show(&v->ls, v->n, h);
	for (int r = 0; r < h; r++) {
		size_t i = v->ls.top + (size_t)r;
		sb_reset(&row);
		attr_t attr = app_attr(app, ATTR_NORMAL);
		if (i < v->n) {
			row_text(app, &app->hl.v[v->order[i]], &row);
			if (i == v->ls.sel)
				attr = app_attr(app, ATTR_SELECTED);
		} else if (i == 0) {
			sb_adds(&row, "  no highlights yet: m marks a measure (side panel), an article (list) or a selection (v)");
			attr = app_attr(app, ATTR_DIM);
		}
		draw_row(1 + r, 0, COLS, 0, row.s ? row.s : "", row.len, attr, NULL, 0, 0, amb);
	}
	sb_free(&row);
}

static struct listsel *highlights_list(struct app *app, void *self, size_t *n, int *h)
{
	struct highlights *v = self;
	(void)app;
	*n = v->n;
	*h = LINES - 2;
	return &v->ls;
}

static int highlights_key(struct app *app, void *self, int key, enum action a)
{
	struct highlights *v = self;
	(void)key;
	switch (a) {
	case ACT_SORT: app->hl_sort = (app->hl_sort + 1) % 3; return 1;
	case ACT_HIGHLIGHTS: view_pop(&app->views, app); return 1;
	case ACT_EXPORT:
		view_pop(&app->views, app);
		if (app_can(app, ACT_EXPORT))
			marks_action(app, ACT_EXPORT);
		return 1;
	case ACT_MARK:
	case ACT_ANNOTATE:
	case ACT_OPEN: break;
	default: return 0; /* movement, q and Esc: the view stack's */
	}
	if (v->ls.sel >= v->n)
		return 1;
	size_t idx = v->order[v->ls.sel];
	if (a == ACT_MARK) {
		hl_remove(&app->hl, idx);
		marks_save(app, "unmarked");
		return 1;
	}
	if (a == ACT_ANNOTATE) {
		view_pop(&app->views, app);
		marks_ask_note(app, (long)idx);
		return 1;
	}
	struct hl_where w;
	hl_resolve(&app->hl.v[idx], &app->co.ar, app_fdb(app), &w);
	if (w.doc < 0) {
		app_message(app, "that article is no longer in the archive");
		return 1;
	}
	view_pop(&app->views, app);
	app_open(app, w.doc);
	app->focus = PANE_READER;
	reader_show_offset(app, w.start);
	if (w.status != HL_OK)
		app_message(app, "the highlight was %s", hl_status_name(w.status));
	return 1;
}

static void highlights_close(struct app *app, void *self)
{
	struct highlights *v = self;
	(void)app;
	free(v->order);
	free(v);
}

static const enum action highlights_view_hint[] = { ACT_OPEN, ACT_ANNOTATE, ACT_MARK, ACT_SORT, ACT_QUIT, ACT_NONE };

static const struct view_ops highlights_view = {
	.name = "highlights",
	.hint = highlights_view_hint,
	.ctx = CTX_HIGHLIGHTS,
	.draw = highlights_draw,
	.key = highlights_key,
	.list = highlights_list,
	.close = highlights_close,
};

void highlights_open(struct app *app)
{
	struct highlights *v = xcalloc(1, sizeof *v);
	order(app, v);
	if (view_push(&app->views, app, &highlights_view, v) < 0)
		app_message(app, "too many views open: q closes one");
}
