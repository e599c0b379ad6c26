/* The three panes: the article list, the reading pane, the measures panel. */
#include "tui/panes.h"

#include "tui/marks.h"
#include "tui/state.h"
#include "tui/theme.h"
#include "tui/view.h"

#include <stdint.h>
#include <string.h>

#include "core/utf8.h"

/* ---- list ------------------------------------------------------------------- */

/* A header row above the articles when the pane has room for one. */
static int list_header(const struct pane *p)
{
	return p->h >= 4;
}

/* The list's columns for article i, or their names when i is SIZE_MAX: the
 * mark (* when it has highlights), date, place, source (when wide), title. */
static void list_row(struct app *app, struct strbuf *row, size_t i, int wide, int amb)
{
	if (i == SIZE_MAX) {
		sb_adds(row, " ");
		draw_column(row, "DATE", 10, amb);
		if (wide) {
			draw_column(row, "PLACE", 8, amb);
			draw_column(row, "SOURCE", 8, amb);
		}
		sb_adds(row, "TITLE");
		return;
	}
	const struct article *a = archive_art(&app->co.ar, app->order[i]);
	char date[16];
	sb_adds(row, app->marked && app->marked[app->order[i]] ? "*" : " ");
	draw_column(row, ymd_format(a->date, date), 10, amb);
	if (wide) {
		const char *place = app_article_place(app, app->order[i]);
		draw_column(row, place ? place : "-", 8, amb); /* 哈尔滨市, 石家庄市 */
		draw_column(row, a->source ? a->source : "-", 8, amb);
	}
	sb_adds(row, a->title);
}

static void list_draw(struct app *app, int focused)
{
	struct pane *p = &app->pane[PANE_LIST];
	int header = list_header(p), wide = p->w >= 60;
	struct pane body = *p;
	body.h -= header;
	listsel_show(&body.ls, app->norder, body.h);
	p->ls.top = body.ls.top;
	struct strbuf row = STRBUF_INIT;
	int amb = app->opt.ambiguous_wide;
	if (header) {
		list_row(app, &row, SIZE_MAX, wide, amb);
		draw_row(p->y, p->x, p->w, 0, row.s, row.len, app_attr(app, ATTR_DIM) | A_UNDERLINE, NULL, 0, 0, amb);
	}
	for (int r = 0; r < body.h; r++) {
		size_t i = p->ls.top + (size_t)r;
		sb_reset(&row);
		attr_t attr = app_attr(app, ATTR_NORMAL);
		if (i < app->norder) {
			list_row(app, &row, i, wide, amb);
			if (i == p->ls.sel)
				attr = app_attr(app, focused ? ATTR_SELECTED : ATTR_SELECTED_DIM);
		}
		draw_row(p->y + header + r, p->x, p->w, 0, row.s ? row.s : "", row.len, attr, NULL, 0, 0, amb);
	}
	sb_free(&row);
}

static int list_action(struct app *app, enum action a)
{
	struct pane *p = &app->pane[PANE_LIST];
	if (a == ACT_OPEN) {
		if (app->norder) {
			app_open(app, (long)app->order[p->ls.sel]);
			app->focus = PANE_READER;
		}
		return 1;
	}
	size_t before = p->ls.sel;
	/* rows beyond those checked so far: check what the move needs first */
	if (a == ACT_LAST)
		app_verify(app, (size_t)-1, 0);
	else if (a == ACT_MOVE_DOWN || a == ACT_PAGE_DOWN)
		app_verify(app, p->ls.sel + 2 * (size_t)(p->h > 0 ? p->h : 1) + 1, 0);
	int handled = view_move(&p->ls, a, app->norder, p->h);
	/* the reader follows the selection when it is already showing an article */
	if (handled && p->ls.sel != before && app->open >= 0 && app->norder)
		app_open(app, (long)app->order[p->ls.sel]);
	return handled;
}

static void list_click(struct app *app, int r)
{
	struct pane *p = &app->pane[PANE_LIST];
	r -= list_header(p);
	size_t i = p->ls.top + (size_t)r;
	if (r >= 0 && i < app->norder) {
		p->ls.sel = i;
		app_open(app, (long)app->order[i]);
	}
}

static void list_select(const struct app *app, enum selection_use use, struct selection *out)
{
	(void)use;
	if (app->norder)
		out->doc = (long)app->order[app->pane[PANE_LIST].ls.sel];
}

const struct pane_ops list_pane_ops = { "list", CTX_LIST, list_draw, list_action, list_click, list_select };

/* ---- reader ----------------------------------------------------------------- */

/* Search hits and measures of the open article, as highlight spans. */
static size_t reader_spans(struct app *app, struct span *sp, size_t cap)
{
	size_t n = 0;
	size_t cur = app->pane[PANE_FACTS].ls.sel;
	for (size_t i = 0; i < app->facts.n && n < cap; i++)
		sp[n++] = (struct span){ app->facts.v[i].start, app->facts.v[i].end,
					 app_attr(app, i == cur && app->focus == PANE_FACTS ?
								ATTR_FACT_CURRENT : ATTR_FACT) };
	for (size_t i = 0; i < app->nspans && n < cap; i++)
		sp[n++] = (struct span){ app->spans[i][0], app->spans[i][1], app_attr(app, ATTR_HIT) };
	n += marks_spans(app, sp + n, cap - n);
	return n;
}

static void reader_draw(struct app *app, int focused)
{
	(void)focused;
	struct pane *p = &app->pane[PANE_READER];
	int amb = app->opt.ambiguous_wide;
	if (app->open < 0) {
		for (int r = 0; r < p->h; r++)
			draw_row(p->y + r, p->x, p->w, 0, "", 0, app_attr(app, ATTR_NORMAL), NULL, 0, 0, amb);
		if (p->h > 1)
			draw_row(p->y + 1, p->x, p->w, 2, "Enter: read the selected article   ?: help", 43,
				 app_attr(app, ATTR_DIM), NULL, 0, 0, amb);
		return;
	}
	reader_layout(app);
	const struct article *a = archive_art(&app->co.ar, app->open);
	if (p->ls.top + (size_t)p->h > app->nrows)
		p->ls.top = app->nrows > (size_t)p->h ? app->nrows - (size_t)p->h : 0;
	static struct span spans[4096];
	size_t ns = reader_spans(app, spans, sizeof spans / sizeof *spans);
	for (int r = 0; r < p->h; r++) {
		size_t i = p->ls.top + (size_t)r;
		if (i >= app->nrows) {
			draw_row(p->y + r, p->x, p->w, 0, "", 0, app_attr(app, ATTR_NORMAL), NULL, 0, 0, amb);
			continue;
		}
		const struct read_row *row = &app->rows[i];
		if (row->header)
			draw_row(p->y + r, p->x, p->w, row->indent, app->header.s + row->start,
				 row->end - row->start, app_attr(app, i == 0 ? ATTR_TITLE : ATTR_DIM), NULL, 0,
				 0, amb);
		else
			draw_row(p->y + r, p->x, p->w, row->indent, a->body + row->start, row->end - row->start,
				 app_attr(app, ATTR_NORMAL), spans, ns, row->start, amb);
	}
}

static int reader_action(struct app *app, enum action a)
{
	struct pane *p = &app->pane[PANE_READER];
	if (app->open < 0)
		return 0;
	size_t page = p->h > 2 ? (size_t)p->h - 2 : 1;
	size_t max = app->nrows > (size_t)p->h ? app->nrows - (size_t)p->h : 0;
	const struct article *art = archive_art(&app->co.ar, app->open);
	switch (a) {
	case ACT_MOVE_DOWN: if (p->ls.top < max) p->ls.top++; return 1;
	case ACT_MOVE_UP: if (p->ls.top) p->ls.top--; return 1;
	case ACT_PAGE_DOWN: p->ls.top = p->ls.top + page < max ? p->ls.top + page : max; return 1;
	case ACT_PAGE_UP: p->ls.top = p->ls.top > page ? p->ls.top - page : 0; return 1;
	case ACT_FIRST: p->ls.top = 0; return 1;
	case ACT_LAST: p->ls.top = max; return 1;
	case ACT_NEXT_HIT:
	case ACT_PREV_HIT: {
		if (!app->q.root || !app->query.len) {
			app_message(app, "no search: press / to search");
			return 1;
		}
		size_t hits = app->nspans;
		if (!hits) {
			app_message(app, "no match for \"%s\" in this article's text", app->query.s);
			return 1;
		}
		app->hit = a == ACT_NEXT_HIT ? (app->hit + 1) % hits : (app->hit + hits - 1) % hits;
		const char *h = art->body + app->spans[app->hit][0];
		reader_show_offset(app, (uint32_t)(h - art->body));
		app_message(app, "match %zu of %zu", app->hit + 1, hits);
		return 1;
	}
	default: return 0;
	}
}

static void reader_click(struct app *app, int r)
{
	(void)app;
	(void)r;
}

/* The selection (v, V), else the passage just marked for a note, else the article. */
static void reader_select(const struct app *app, enum selection_use use, struct selection *out)
{
	if (app->open < 0)
		return;
	out->doc = app->open;
	const struct article *a = archive_art(&app->co.ar, app->open);
	if (app->visual) {
		out->start = app->vis_start;
		out->end = app->vis_end;
	} else if (use == SEL_NOTE && app->last_passage.set && !strcmp(app->last_passage.article, a->id)) {
		out->start = app->last_passage.start;
		out->end = app->last_passage.end;
	}
}

const struct pane_ops reader_pane_ops = { "reader", CTX_READER, reader_draw, reader_action, reader_click,
					  reader_select };

/* ---- facts ------------------------------------------------------------------ */

static void facts_draw(struct app *app, int focused)
{
	struct pane *p = &app->pane[PANE_FACTS];
	int amb = app->opt.ambiguous_wide;
	listsel_show(&p->ls, app->facts.n, p->h);
	struct strbuf row = STRBUF_INIT;
	for (int r = 0; r < p->h; r++) {
		size_t i = p->ls.top + (size_t)r;
		sb_reset(&row);
		attr_t attr = app_attr(app, ATTR_NORMAL);
		if (app->open >= 0 && i < app->facts.n) {
			const struct fact *f = &app->facts.v[i];
			static const char *const q[] = { "", "~", ">", "<" };
			char val[48], date[16];
			/* a measure that disagrees with others of its article ends in ! */
			snprintf(val, sizeof val, "%s%lld%s%s", q[f->qual], (long long)f->value, f->unit,
				 f->check ? "!" : "");
			/* the kind takes what the value (10), place and date (10) leave */
			int pw = p->w >= 48 ? 8 : 6, kw = p->w - pw - 24 > 24 ? 24 : p->w - pw - 24 < 8 ? 8 : p->w - pw - 24;
			sb_adds(&row, marks_fact_marked(app, f) ? "*" : " ");
			draw_column(&row, fact_kind_words(f->kind), kw - 1, amb);
			draw_column(&row, val, 10, amb);
			/* a place or date not read in the measure's own sentence ends in ~ */
			char where[64];
			snprintf(where, sizeof where, "%s%s", f->place >= 0 ? app->co.gz.v[f->place].full_name : "-",
				 f->place >= 0 && f->place_from != FROM_SENTENCE && f->place_from != FROM_DESTINATION
					 ? "~" : "");
			draw_column(&row, where, pw, amb);
			const char *d = fact_date_format(f, date);
			sb_adds(&row, d ? d : "");
			if (d && f->date_from != FROM_SENTENCE)
				sb_adds(&row, "~");
			if (i == p->ls.sel)
				attr = app_attr(app, focused ? ATTR_SELECTED : ATTR_SELECTED_DIM);
		} else if (app->open >= 0 && i == 0 && !app->facts.n) {
			sb_adds(&row, app->building ? "finding the measures..." : "no measures in this article");
			attr = app_attr(app, ATTR_DIM);
		}
		draw_row(p->y + r, p->x, p->w, 0, row.s ? row.s : "", row.len, attr, NULL, 0, 0, amb);
	}
	sb_free(&row);
}

static void facts_follow(struct app *app)
{
	if (app->open >= 0 && app->pane[PANE_FACTS].ls.sel < app->facts.n) {
		const struct fact *f = &app->facts.v[app->pane[PANE_FACTS].ls.sel];
		char note[96];
		reader_show_offset(app, f->sent_start);
		if (fact_check_note(f, note, sizeof note))
			app_message(app, "check: %s", note);
	}
}

static int facts_action(struct app *app, enum action a)
{
	struct pane *p = &app->pane[PANE_FACTS];
	if (a == ACT_OPEN) {
		facts_follow(app);
		return 1;
	}
	int handled = view_move(&p->ls, a, app->facts.n, p->h);
	if (handled)
		facts_follow(app);
	return handled;
}

static void facts_click(struct app *app, int r)
{
	struct pane *p = &app->pane[PANE_FACTS];
	if (p->ls.top + (size_t)r < app->facts.n) {
		p->ls.sel = p->ls.top + (size_t)r;
		facts_follow(app);
	}
}

/* The measure under the cursor, else the open article. */
static void facts_select(const struct app *app, enum selection_use use, struct selection *out)
{
	(void)use;
	if (app->open < 0)
		return;
	out->doc = app->open;
	if (app->pane[PANE_FACTS].ls.sel < app->facts.n)
		out->fact = &app->facts.v[app->pane[PANE_FACTS].ls.sel];
}

const struct pane_ops facts_pane_ops = { "facts", CTX_FACTS, facts_draw, facts_action, facts_click, facts_select };
