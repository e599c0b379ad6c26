/* The browser: state, layout of the panes, the main loop and the prompt. */
#include "tui/app.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/recover.h"
#include "core/bits.h"
#include "core/cache.h"
#include "core/files.h"
#include "core/sanitize.h"
#include "core/search.h"
#include "core/thread.h"
#include "core/xalloc.h"
#include "tui/fatal.h"
#include "tui/resume.h"
#include "tui/state.h"

/* ---- themes ------------------------------------------------------------------ */

attr_t app_attr(const struct app *app, int which)
{
	if (!app->color || app->opt.theme == THEME_MONO) {
		static const attr_t mono[ATTR_COUNT] = {
			[ATTR_NORMAL] = A_NORMAL,     [ATTR_SELECTED] = A_REVERSE,
			[ATTR_SELECTED_DIM] = A_UNDERLINE, [ATTR_STATUS] = A_REVERSE,
			[ATTR_TITLE] = A_BOLD,        [ATTR_HIT] = A_STANDOUT | A_BOLD,
			[ATTR_FACT] = A_UNDERLINE,    [ATTR_FACT_CURRENT] = A_REVERSE | A_BOLD,
			[ATTR_BORDER] = A_NORMAL,     [ATTR_DIM] = A_DIM,
			[ATTR_MARK] = A_BOLD | A_UNDERLINE,
		};
		return mono[which];
	}
	static const attr_t extra[ATTR_COUNT] = { [ATTR_TITLE] = A_BOLD, [ATTR_FACT_CURRENT] = A_BOLD,
						   [ATTR_HIT] = A_BOLD, [ATTR_MARK] = A_UNDERLINE };
	return COLOR_PAIR(which + 1) | extra[which];
}

static void init_theme(struct app *app)
{
	app->color = has_colors() && !getenv("NO_COLOR") && app->opt.theme != THEME_MONO;
	if (!app->color)
		return;
	start_color();
	use_default_colors();
	int light = app->opt.theme == THEME_LIGHT;
	short fg = -1, bg = -1;
	init_pair(ATTR_NORMAL + 1, fg, bg);
	init_pair(ATTR_SELECTED + 1, light ? COLOR_WHITE : COLOR_BLACK, light ? COLOR_BLUE : COLOR_CYAN);
	init_pair(ATTR_SELECTED_DIM + 1, light ? COLOR_BLACK : COLOR_WHITE, light ? COLOR_WHITE : COLOR_BLUE);
	init_pair(ATTR_STATUS + 1, COLOR_BLACK, light ? COLOR_CYAN : COLOR_WHITE);
	init_pair(ATTR_TITLE + 1, light ? COLOR_BLUE : COLOR_YELLOW, bg);
	init_pair(ATTR_HIT + 1, COLOR_BLACK, COLOR_YELLOW);
	init_pair(ATTR_FACT + 1, light ? COLOR_MAGENTA : COLOR_GREEN, bg);
	init_pair(ATTR_FACT_CURRENT + 1, COLOR_BLACK, COLOR_GREEN);
	init_pair(ATTR_BORDER + 1, COLOR_BLUE, bg);
	init_pair(ATTR_DIM + 1, light ? COLOR_BLUE : COLOR_CYAN, bg);
	init_pair(ATTR_MARK + 1, COLOR_BLACK, light ? COLOR_CYAN : COLOR_MAGENTA);
}

/* ---- state ------------------------------------------------------------------- */

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

void app_verify(struct app *app, size_t rows, double budget)
{
	if (app->pend_pos >= app->npend)
		return;
	struct corpus *co = &app->co;
	struct query_ctx cx = { &co->ar, app_ix(app), app_fdb(app), &co->gz, co->by_date, 0 };
	double t0 = corpus_clock();
	unsigned k = 0;
	struct pollfd in = { STDIN_FILENO, POLLIN, 0 };
	while (app->pend_pos < app->npend) {
		if (rows != (size_t)-1 && (++k & 63) == 0) {
			double t = corpus_clock() - t0;
			/* enough rows and the budget spent, or too long in any case */
			if ((app->norder >= rows && t > budget) || t > 0.05)
				break;
			/* between keys: the next key comes first (curses has none
			 * buffered, or the key loop would not be here) */
			if (!rows && poll(&in, 1, 0) > 0)
				break;
		}
		size_t d = app->pend[app->pend_pos++];
		if (query_match(&app->q, &cx, d))
			app->order[app->norder++] = d;
	}
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
	size_t keep = app->norder ? app->order[app->pane[PANE_LIST].sel < app->norder ? app->pane[PANE_LIST].sel : 0] : 0;
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
	app->pane[PANE_LIST].sel = 0;
	for (size_t i = 0; i < app->norder; i++)
		if (app->order[i] == keep)
			app->pane[PANE_LIST].sel = i;
}

void app_refilter(struct app *app)
{
	fill_order(app, &app->q);
	find_spans(app);
}

/* Make `text`, with the filters in force, the query in force. Returns 0, or -1
 * with the error (its column counted in `text`) in the status line. */
static int set_query(struct app *app, const char *text, size_t len)
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
	return set_query(app, app->query.s ? app->query.s : "", app->query.len);
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
			p->top = i > third ? i - third : 0;
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
	app->pane[PANE_READER].top = 0;
	app->pane[PANE_FACTS].sel = app->pane[PANE_FACTS].top = 0;
	find_spans(app);
}

/* ---- layout and drawing ------------------------------------------------------ */

enum { MIN_W = 40, MIN_H = 10 };

static void place_panes(struct app *app)
{
	int W = COLS, H = LINES - 1; /* the last line is the status line */
	struct pane *L = &app->pane[PANE_LIST], *R = &app->pane[PANE_READER], *F = &app->pane[PANE_FACTS];
	app->too_small = COLS < MIN_W || LINES < MIN_H;
	int facts = app->opt.facts_panel;
	L->visible = R->visible = 1;
	F->visible = facts;
	if (W >= 120) { /* side by side: list | reader | measures */
		int lw = W * 35 / 100, fw = facts ? 40 : 0;
		*L = (struct pane){ L->ops, 0, 0, H, lw, 1, L->top, L->sel };
		*R = (struct pane){ R->ops, 0, lw + 1, H, W - lw - 1 - (fw ? fw + 1 : 0), 1, R->top, R->sel };
		*F = (struct pane){ F->ops, 0, W - fw, H, fw, facts, F->top, F->sel };
	} else { /* stacked: list above, reader (and measures) below */
		int lh = H / 3 < 3 ? 3 : H / 3;
		int fh = facts ? (H - lh - 1) / 3 : 0;
		*L = (struct pane){ L->ops, 0, 0, lh, W, 1, L->top, L->sel };
		*R = (struct pane){ R->ops, lh + 1, 0, H - lh - 1 - (fh ? fh + 1 : 0), W, 1, R->top, R->sel };
		*F = (struct pane){ F->ops, H - fh, 0, fh, W, facts, F->top, F->sel };
	}
	if (app->focus == PANE_FACTS && !facts)
		app->focus = PANE_READER;
}

static void draw_separators(struct app *app)
{
	attr_t a = app_attr(app, ATTR_BORDER);
	struct pane *L = &app->pane[PANE_LIST], *R = &app->pane[PANE_READER], *F = &app->pane[PANE_FACTS];
	attrset(a);
	if (R->y == L->y) { /* side by side */
		mvvline(0, L->w, ACS_VLINE, L->h);
		if (F->visible)
			mvvline(0, F->x - 1, ACS_VLINE, F->h);
	} else {
		mvhline(L->h, 0, ACS_HLINE, COLS);
		if (F->visible)
			mvhline(F->y - 1, 0, ACS_HLINE, COLS);
	}
	attrset(A_NORMAL);
}

/* A line of the keys most used in a view, from the keymap in force (mutt's
 * help line): "<Enter>:open /:search ... ?:help", as many as fit in room. */
static void key_hint(const struct app *app, enum keymap_context ctx, struct strbuf *out, int room)
{
	static const enum action used[CTX_COUNT][8] = {
		[CTX_GLOBAL] = { ACT_HELP },
		[CTX_LIST] = { ACT_OPEN, ACT_SEARCH, ACT_FILTER_PLACE, ACT_FILTER_DATE, ACT_FILTER_MEASURE, ACT_MARK,
			       ACT_HELP },
		[CTX_READER] = { ACT_NEXT_HIT, ACT_SELECT, ACT_MARK, ACT_ANNOTATE, ACT_NEXT_PANE, ACT_HELP },
		[CTX_FACTS] = { ACT_OPEN, ACT_MARK, ACT_ANNOTATE, ACT_COPY, ACT_NEXT_PANE, ACT_HELP },
		[CTX_HIGHLIGHTS] = { ACT_OPEN, ACT_ANNOTATE, ACT_MARK, ACT_SORT, ACT_QUIT },
	};
	struct strbuf keys = STRBUF_INIT, item = STRBUF_INIT, last = STRBUF_INIT;
	int n = 0;
	while (n < 8 && used[ctx][n])
		n++;
	/* the last (help, or how to leave) always shown: its room kept first */
	keymap_keys_for(&app->km, ctx, used[ctx][n - 1], &keys);
	if (keys.len)
		sb_addf(&last, "%.*s:%s", (int)strcspn(keys.s, " "), keys.s, action_name(used[ctx][n - 1]));
	int width = 0, keep = last.len ? text_width(last.s, last.len, 0) + 1 : 0;
	for (int k = 0; k < n - 1; k++) {
		sb_reset(&keys);
		keymap_keys_for(&app->km, ctx, used[ctx][k], &keys);
		if (!keys.len)
			continue; /* unbound here */
		sb_reset(&item);
		sb_addf(&item, "%.*s:%s ", (int)strcspn(keys.s, " "), keys.s, action_name(used[ctx][k]));
		int w = text_width(item.s, item.len, 0);
		if (width + w + keep > room)
			break;
		sb_add(out, item.s, item.len);
		width += w;
	}
	if (last.len && width + keep - 1 <= room)
		sb_add(out, last.s, last.len);
	sb_free(&keys);
	sb_free(&item);
	sb_free(&last);
}

static void draw_status(struct app *app)
{
	struct strbuf st = STRBUF_INIT;
	static const char *const sorts[] = { "date", "place", "source", "title" };
	if (app->prompting && app->prompting != PROMPT_SEARCH) {
		sb_addf(&st, "%s%s", app->prompt_label, app->typing.s ? app->typing.s : "");
		size_t lab = strlen(app->prompt_label);
		struct span sel = { (uint32_t)lab, (uint32_t)(lab + app->typing.len), A_REVERSE };
		if (app->msg.len) {
			sb_adds(&st, "   ");
			sb_add(&st, app->msg.s, app->msg.len);
		}
		draw_row(LINES - 1, 0, COLS, 0, st.s, st.len, A_NORMAL, &sel, app->typing_suggested ? 1 : 0, 0,
			 app->opt.ambiguous_wide);
		int x = text_width(app->prompt_label, lab, app->opt.ambiguous_wide) +
			text_width(app->typing.s ? app->typing.s : "", app->typing.len, app->opt.ambiguous_wide);
		move(LINES - 1, x < COLS ? x : COLS - 1);
		sb_free(&st);
		return;
	}
	if (app->prompting) {
		sb_addf(&st, "/%s", app->typing.s ? app->typing.s : "");
		/* the count of what the search matches so far, at the right */
		/* or, while the query does not parse, what is wrong with it */
		char count[300];
		if (app->msg.len)
			snprintf(count, sizeof count, "%s ", app->msg.s);
		else
			snprintf(count, sizeof count, "%zu/%zu%s of %zu  Enter: keep  Esc: cancel ",
				 app->norder ? (size_t)1 : 0, app->norder, app->pend_pos < app->npend ? "+" : "",
				 app->co.ar.n);
		int cw = text_width(count, strlen(count), app->opt.ambiguous_wide);
		int used = text_width(st.s, st.len, app->opt.ambiguous_wide);
		if (used + cw + 2 <= COLS) {
			for (int k = used; k < COLS - cw; k++)
				sb_addc(&st, ' ');
			sb_adds(&st, count);
		}
		draw_row(LINES - 1, 0, COLS, 0, st.s, st.len, A_NORMAL, NULL, 0, 0, app->opt.ambiguous_wide);
		int x = 1 + text_width(app->typing.s ? app->typing.s : "", app->typing.len, app->opt.ambiguous_wide);
		move(LINES - 1, x < COLS ? x : COLS - 1);
		sb_free(&st);
		return;
	}
	sb_addf(&st, " %zu/%zu%s", app->norder ? app->pane[PANE_LIST].sel + 1 : 0, app->norder,
		app->pend_pos < app->npend ? "+" : "");
	if (app->norder != app->co.ar.n)
		sb_addf(&st, " of %zu", app->co.ar.n);
	sb_addf(&st, "  [%s]  by %s%s%s", app->pane[app->focus].ops->name, sorts[app->sort],
		app->reverse ? " (reversed)" : "", app->building ? "  (building the index...)" : "");
	for (size_t i = 0; i < app->nfilters; i++)
		sb_addf(&st, "%s%s", i ? " " : "  filter: ", app->filters[i]);
	if (app->query.len)
		sb_addf(&st, "  search: %s", app->query.s);
	if (app->msg.len) {
		sb_addf(&st, "  | %s", app->msg.s);
	} else {
		sb_adds(&st, "  | ");
		int used = text_width(st.s, st.len, app->opt.ambiguous_wide);
		key_hint(app, app->hl_view ? CTX_HIGHLIGHTS : app->pane[app->focus].ops->ctx, &st, COLS - used - 1);
	}
	draw_row(LINES - 1, 0, COLS, 0, st.s, st.len, app_attr(app, ATTR_STATUS), NULL, 0, 0,
		 app->opt.ambiguous_wide);
	sb_free(&st);
}

/* Add `text` to the help's rows: after `lead` (padded to `indent` cells), cut
 * at spaces to the screen's width, the rest on lines of their own under it. */
static void help_rows(struct strbuf *rows, const char *lead, int indent, const char *text)
{
	int width = COLS > indent + 20 ? COLS - 1 : indent + 20;
	struct strbuf line = STRBUF_INIT;
	sb_addf(&line, "%-*s", indent, lead);
	int col = (int)line.len;
	for (const char *w = text; *w;) {
		size_t n = strcspn(w, " ");
		if (col > indent && col + 1 + (int)n > width) {
			sb_add(rows, line.s, line.len);
			sb_addc(rows, '\n');
			sb_reset(&line);
			sb_addf(&line, "%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			sb_addc(&line, ' ');
			col++;
		}
		sb_add(&line, w, n);
		col += (int)n;
		w += n;
		w += strspn(w, " ");
	}
	sb_add(rows, line.s, line.len);
	sb_addc(rows, '\n');
	sb_free(&line);
}

/* The help: every action with the keys it has where help was asked for, then
 * what the other views bind differently; made from the keymap in force. */
static void draw_help(struct app *app)
{
	struct strbuf rows = STRBUF_INIT, keys = STRBUF_INIT, lead = STRBUF_INIT;
	enum keymap_context here = app->help_ctx;
	for (int a = 1; a < ACT_COUNT; a++) {
		sb_reset(&keys);
		keymap_keys_for(&app->km, here, (enum action)a, &keys);
		sb_reset(&lead);
		sb_addf(&lead, "%-22s %s", keys.len ? keys.s : "(unbound)", action_name((enum action)a));
		help_rows(&rows, lead.s, 38, action_help((enum action)a));
	}
	char kb[32];
	for (int c = CTX_LIST; c < CTX_COUNT; c++) {
		if (c == (int)here)
			continue;
		int heading = 0;
		for (size_t i = 0; i < app->km.n[c]; i++) {
			const struct binding *b = &app->km.v[c][i];
			if (b->action == keymap_lookup(&app->km, here, b->key))
				continue; /* the same as here */
			if (!heading++)
				sb_addf(&rows, "\nin the %s:\n", context_name((enum keymap_context)c));
			sb_reset(&lead);
			sb_addf(&lead, "%-22s %s", key_label(b->key, kb, sizeof kb),
				b->action ? action_name(b->action) : "(unbound)");
			help_rows(&rows, lead.s, 38, b->action ? action_help(b->action) : "");
		}
	}
	size_t nrows = 0;
	for (size_t i = 0; i < rows.len; i++)
		nrows += rows.s[i] == '\n';
	int y = 0, room = LINES - 3;
	size_t max_top = nrows > (size_t)room ? nrows - (size_t)room : 0;
	if (app->help_top > max_top)
		app->help_top = max_top;
	struct strbuf line = STRBUF_INIT;
	sb_addf(&line, "epinews keys in the %s (from your keymap; q or ? closes this%s)", context_name(here),
		nrows > (size_t)room ? "; j/k scroll" : "");
	draw_row(y++, 0, COLS, 1, line.s, line.len, app_attr(app, ATTR_TITLE), NULL, 0, 0, 0);
	draw_row(y++, 0, COLS, 0, "", 0, A_NORMAL, NULL, 0, 0, 0);
	const char *r = rows.s ? rows.s : "";
	for (size_t skip = app->help_top; skip && *r; r++)
		skip -= *r == '\n';
	while (*r && y < LINES - 1) {
		size_t n = strcspn(r, "\n");
		draw_row(y++, 0, COLS, 2, r, n, A_NORMAL, NULL, 0, 0, 0);
		r += n + (r[n] == '\n');
	}
	while (y < LINES - 1)
		draw_row(y++, 0, COLS, 0, "", 0, A_NORMAL, NULL, 0, 0, 0);
	sb_free(&line);
	sb_free(&rows);
	sb_free(&keys);
	sb_free(&lead);
}

static void draw(struct app *app)
{
	place_panes(app);
	curs_set(app->prompting ? 1 : 0);
	if (app->too_small) {
		erase();
		mvprintw(0, 0, "terminal too small: %dx%d, need %dx%d", COLS, LINES, MIN_W, MIN_H);
		refresh();
		return;
	}
	if (app->help) {
		draw_help(app);
	} else if (app->hl_view) {
		marks_draw_view(app);
	} else if (app->picker) {
		picker_draw(app);
	} else {
		for (int i = 0; i < PANE_COUNT; i++)
			if (app->pane[i].visible && app->pane[i].h > 0 && app->pane[i].w > 0)
				app->pane[i].ops->draw(app, app->focus == (enum pane_id)i);
		draw_separators(app);
	}
	draw_status(app);
	if (cache_lost(&app->co))
		return; /* read from a cache cut short: check_cache starts again instead */
	refresh();
}

/* ---- input ------------------------------------------------------------------- */

/* ---- query history ($XDG_DATA_HOME/epinews/history) -------------------------- */

#define HISTORY_MAX 200

static void history_add(struct app *app, const char *q)
{
	if (!*q || (app->nhist && !strcmp(app->hist[app->nhist - 1], q))) {
		app->hist_pos = app->nhist;
		return;
	}
	if (app->nhist == HISTORY_MAX) {
		free(app->hist[0]);
		memmove(app->hist, app->hist + 1, (HISTORY_MAX - 1) * sizeof *app->hist);
		app->nhist--;
	}
	app->hist = xrealloc(app->hist, (app->nhist + 1) * sizeof *app->hist);
	app->hist[app->nhist++] = xstrdup(q);
	app->hist_pos = app->nhist;
}

/* Up/Down in the prompt: older or newer queries. */
static void history_step(struct app *app, int dir)
{
	if (!app->nhist)
		return;
	if (dir < 0 && app->hist_pos > 0)
		app->hist_pos--;
	else if (dir > 0 && app->hist_pos < app->nhist)
		app->hist_pos++;
	sb_reset(&app->typing);
	if (app->hist_pos < app->nhist)
		sb_adds(&app->typing, app->hist[app->hist_pos]);
}

static void history_load(struct app *app)
{
	char buf[4096];
	const char *path = xdg_file("XDG_DATA_HOME", ".local/share", "history", buf, sizeof buf);
	FILE *f = path ? fopen(path, "r") : NULL;
	if (!f)
		return;
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = 0;
		history_add(app, line);
	}
	fclose(f);
}

/* Written whole or not at all: a crash never leaves half a history. */
static void history_save(const struct app *app)
{
	char buf[4096];
	const char *path = xdg_file("XDG_DATA_HOME", ".local/share", "history", buf, sizeof buf);
	if (!path || !app->nhist)
		return;
	struct strbuf text = STRBUF_INIT;
	for (size_t i = 0; i < app->nhist; i++)
		if (!strchr(app->hist[i], '\n'))
			sb_addf(&text, "%s\n", app->hist[i]);
	if (make_parent_dirs(path) == 0)
		write_atomic(path, text.s ? text.s : "", text.len, 1);
	sb_free(&text);
}

/* Open the prompt on the query in force plus `add` (a field to fill in). */
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

static void prompt_open(struct app *app, const char *add)
{
	app->prompting = PROMPT_SEARCH;
	app->prompt_label = "/";
	sb_reset(&app->msg);
	sb_reset(&app->typing);
	sb_add(&app->typing, app->query.s ? app->query.s : "", app->query.len);
	if (*add) {
		if (app->typing.len)
			sb_addc(&app->typing, ' ');
		sb_adds(&app->typing, add);
	}
	app->hist_pos = app->nhist;
}

/* Is another key already waiting? (It stays queued.) */
static int key_waiting(void)
{
	wint_t wc;
	timeout(0);
	int r = get_wch(&wc);
	timeout(-1);
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES)
		ungetch((int)wc);
	else
		unget_wch((wchar_t)wc);
	return 1;
}

/* The query in force as text: the filters, then what was searched. */
static void query_in_force(const struct app *app, struct strbuf *s)
{
	for (size_t i = 0; i < app->nfilters; i++)
		sb_addf(s, "%s%s", i ? " " : "", app->filters[i]);
	if (app->query.len) {
		if (app->nfilters)
			sb_adds(s, app->query.len ? " (" : "");
		sb_add(s, app->query.s, app->query.len);
		if (app->nfilters)
			sb_adds(s, ")");
	}
}

/* S: keep the query in force as @name in the searches file. */
static void save_search(struct app *app, const char *name)
{
	struct strbuf s = STRBUF_INIT;
	query_in_force(app, &s);
	const char *why;
	char path[4096];
	if (searches_put(&app->searches, name, s.s ? s.s : "", 1, &why) < 0)
		app_message(app, "not saved: %s", why);
	else if (searches_save_user(&app->searches) < 0)
		app_message(app, "not saved: %s: %s", searches_file(path, sizeof path) ? path : "the searches file",
			    strerror(errno));
	else
		app_message(app, "saved as @%s: %s (@ lists your searches)", name, s.s);
	sb_free(&s);
}

static void prompt_key(struct app *app, int key)
{
	int search = app->prompting == PROMPT_SEARCH;
	if (app->prompting == PROMPT_OVERWRITE) { /* a yes/no question */
		marks_prompt_done(app, key == 'y' || key == 'Y');
		return;
	}
	if (app->prompting == PROMPT_SAVE_SEARCH && (key == 27 || key == '\n' || key == '\r' || key == (KEY_FUNC | KEY_ENTER))) {
		app->prompting = PROMPT_NONE;
		if (key != 27)
			save_search(app, app->typing.s ? app->typing.s : "");
		else
			sb_reset(&app->msg);
		return;
	}
	if (!search && (key == 27 || key == '\n' || key == '\r' || key == (KEY_FUNC | KEY_ENTER))) {
		app->typing_suggested = 0;
		marks_prompt_done(app, key != 27);
		return;
	}
	if (app->typing_suggested) { /* the first key on a suggestion */
		app->typing_suggested = 0;
		if (key == (KEY_FUNC | KEY_RIGHT) || key == (KEY_FUNC | KEY_END))
			return; /* keep it, to edit */
		if (key == (KEY_FUNC | KEY_BACKSPACE) || key == 127 || key == 8 || key == 21) {
			sb_reset(&app->typing); /* gone with one key, as a selection is */
			return;
		}
		if (key >= ' ' && !(key & KEY_FUNC))
			sb_reset(&app->typing); /* replaced by what is typed */
	}
	if (key == 27) { /* Esc: back to the search that was in force */
		app->prompting = 0;
		set_query(app, app->query.s ? app->query.s : "", app->query.len);
		sb_reset(&app->msg);
		return;
	}
	if (key == '\n' || key == '\r' || key == (KEY_FUNC | KEY_ENTER)) {
		/* the list already shows what was typed, unless keys came too fast */
		int shown = app->q_text.len == app->typing.len &&
			    (!app->typing.len || !memcmp(app->q_text.s, app->typing.s, app->typing.len));
		if (!shown && set_query(app, app->typing.s ? app->typing.s : "", app->typing.len) < 0)
			return; /* stay in the prompt: the status line says what is wrong */
		app->prompting = 0;
		sb_reset(&app->query);
		sb_add(&app->query, app->typing.s ? app->typing.s : "", app->typing.len);
		history_add(app, app->query.s ? app->query.s : "");
		if (!app->norder && app->pend_pos >= app->npend) {
			struct corpus *co = &app->co;
			struct query_ctx cx = { &co->ar, app_ix(app), app_fdb(app), &co->gz, co->by_date, 0 };
			char why[160];
			const char *w = query_why_empty(&app->q, &cx, why, sizeof why);
			app_message(app, "no matches for \"%s\"%s%s", app->query.s, w ? ": " : "", w ? w : "");
		}
		else
			sb_reset(&app->msg);
		return;
	}
	if (search && (key == (KEY_FUNC | KEY_UP) || key == (KEY_FUNC | KEY_DOWN))) {
		history_step(app, key == (KEY_FUNC | KEY_UP) ? -1 : 1);
	} else if (key == (KEY_FUNC | KEY_BACKSPACE) || key == 127 || key == 8) {
		while (app->typing.len && ((unsigned char)app->typing.s[app->typing.len - 1] & 0xC0) == 0x80)
			app->typing.len--;
		if (app->typing.len)
			app->typing.len--;
		app->typing.s[app->typing.len] = '\0';
	} else if (key == 21) { /* Ctrl-U: clear the line */
		sb_reset(&app->typing);
	} else if (key >= ' ' && !(key & KEY_FUNC) && key != 127) {
		sb_addcp(&app->typing, (uint32_t)key);
	} else {
		return;
	}
	if (!search)
		return;
	/* more keys already typed: take them first, search once they stop */
	if (key_waiting())
		return;
	/* the list narrows as the user types; a query that does not parse yet keeps
	 * the list as it was and says why in the status line */
	if (set_query(app, app->typing.s ? app->typing.s : "", app->typing.len) == 0)
		sb_reset(&app->msg);
}

static void handle_mouse(struct app *app)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &app->pane[i];
		if (!p->visible || ev.y < p->y || ev.y >= p->y + p->h || ev.x < p->x || ev.x >= p->x + p->w)
			continue;
		app->focus = (enum pane_id)i;
		if (ev.bstate & BUTTON4_PRESSED)
			p->ops->action(app, ACT_MOVE_UP);
		else if (ev.bstate & (BUTTON5_PRESSED))
			p->ops->action(app, ACT_MOVE_DOWN);
		else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED))
			p->ops->click(app, ev.y - p->y);
	}
}

/* Ctrl-Z: leave curses mode and stop the process group here, in the key loop, as
 * the terminal's own Ctrl-Z would; fg resumes after kill() and the next draw
 * repaints everything. (Left to the terminal, Ctrl-Z would reach ncurses' signal
 * handler, which calls endwin() in signal context, on whichever thread.) */
static void suspend(struct app *app)
{
	struct sigaction dfl, old;
	if (sigaction(SIGTSTP, NULL, &old) == 0 && old.sa_handler == SIG_IGN) {
		app_message(app, "cannot suspend: epinews was started without job control");
		return;
	}
	endwin();
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	kill(0, SIGTSTP);
	sigaction(SIGTSTP, &old, NULL);
	clearok(curscr, TRUE);
}

/* Returns 0 to quit. */
static int handle_key(struct app *app, int key)
{
	/* a control key bound to suspend works in prompts and pickers too, as the
	 * terminal's Ctrl-Z did */
	if ((key < ' ' || (key & KEY_FUNC)) && keymap_lookup(&app->km, CTX_GLOBAL, key) == ACT_SUSPEND) {
		suspend(app);
		return 1;
	}
	if (key == (KEY_FUNC | KEY_RESIZE)) {
		app->laid_width = 0;
		return 1;
	}
	if (key == (KEY_FUNC | KEY_MOUSE)) {
		handle_mouse(app);
		return 1;
	}
	if (app->prompting) {
		prompt_key(app, key);
		return 1;
	}
	if (app->picker) {
		picker_key(app, key);
		return 1;
	}
	if (app->too_small)
		return key != 'q';
	sb_reset(&app->msg);
	struct pane *p = &app->pane[app->focus];
	/* each view its keymap: the highlights list its own, help the global one */
	enum keymap_context ctx = app->help ? CTX_GLOBAL : app->hl_view ? CTX_HIGHLIGHTS : p->ops->ctx;
	enum action a = keymap_lookup(&app->km, ctx, key);
	if (app->help) {
		if (a == ACT_QUIT || a == ACT_HELP || key == 27)
			app->help = 0;
		else if (a == ACT_MOVE_DOWN || a == ACT_PAGE_DOWN || a == ACT_LAST)
			app->help_top += a == ACT_MOVE_DOWN ? 1 : a == ACT_PAGE_DOWN ? (size_t)(LINES > 4 ? LINES - 4 : 1)
											: (size_t)1 << 20; /* clamped when drawn */
		else if (a == ACT_MOVE_UP && app->help_top)
			app->help_top--;
		else if (a == ACT_PAGE_UP || a == ACT_FIRST)
			app->help_top = 0;
		return 1;
	}
	if (app->hl_view) {
		marks_view_key(app, a, key);
		return 1;
	}
	if (app->visual && key == 27)
		a = ACT_QUIT; /* Esc ends a selection */
	if (marks_action(app, a))
		return 1;
	if (p->ops->action(app, a))
		return 1;
	switch (a) {
	case ACT_QUIT:
		if (app->focus != PANE_LIST) {
			app->focus = PANE_LIST;
			return 1;
		}
		return 0;
	case ACT_NEXT_PANE:
	case ACT_PREV_PANE: {
		int step = a == ACT_NEXT_PANE ? 1 : PANE_COUNT - 1;
		do
			app->focus = (enum pane_id)((app->focus + step) % PANE_COUNT);
		while (!app->pane[app->focus].visible);
		if (app->focus != PANE_LIST && app->open < 0 && app->norder)
			app_open(app, (long)app->order[app->pane[PANE_LIST].sel]);
		return 1;
	}
	case ACT_SEARCH:
		prompt_open(app, "");
		return 1;
	case ACT_FILTER_PLACE:
		picker_open(app, PICK_PLACE);
		return 1;
	case ACT_FILTER_DATE:
		picker_open(app, PICK_DATE);
		return 1;
	case ACT_FILTER_MEASURE:
		picker_open(app, PICK_KIND);
		return 1;
	case ACT_SEARCHES:
		picker_open(app, PICK_SEARCH);
		return 1;
	case ACT_SAVE_SEARCH: {
		struct strbuf s = STRBUF_INIT;
		query_in_force(app, &s);
		if (!s.len)
			app_message(app, "no search to save: / searches, c d K add filters");
		else
			app_prompt(app, PROMPT_SAVE_SEARCH, "save as @", "");
		sb_free(&s);
		return 1;
	}
	case ACT_CLEAR_FILTER:
		if (!app->nfilters) {
			app_message(app, "no filter in force");
			return 1;
		}
		app_message(app, "filter %s removed", app->filters[app->nfilters - 1]);
		free(app->filters[--app->nfilters]);
		app_apply_query(app);
		return 1;
	case ACT_CLEAR_SEARCH:
		sb_reset(&app->query);
		set_query(app, "", 0);
		app_message(app, app->nfilters ? "search cleared (X removes the filters)" : "search cleared");
		return 1;
	case ACT_TOGGLE_FACTS:
		app->opt.facts_panel = !app->opt.facts_panel;
		app->laid_width = 0;
		return 1;
	case ACT_SORT:
		app->sort = (enum sort_key)((app->sort + 1) % SORT_COUNT);
		app_refilter(app);
		return 1;
	case ACT_REVERSE:
		app->reverse = !app->reverse;
		app_refilter(app);
		return 1;
	case ACT_HELP:
		app->help = 1;
		app->help_ctx = p->ops->ctx; /* the keys of the pane it was asked in */
		app->help_top = 0;
		return 1;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case ACT_SUSPEND:
		suspend(app);
		return 1;
	case ACT_NEXT_HIT:
	case ACT_PREV_HIT:
		if (app->open >= 0)
			return app->pane[PANE_READER].ops->action(app, a);
		return 1;
	default:
		return 1;
	}
}

/* Ctrl-Z (the terminal's SUSP character) arrives as a key, for the action
 * "suspend", instead of as SIGTSTP. */
static void take_suspend_key(void)
{
	struct termios t;
	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_cc[VSUSP] = _POSIX_VDISABLE;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode(); /* and again after every return from the shell */
}

static int read_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return -1;
	if (r == KEY_CODE_YES)
		return KEY_FUNC | (int)wc;
	return (int)wc;
}

/* ---- config and start-up ----------------------------------------------------- */

static char *config_path(void)
{
	char buf[4096]; /* the one XDG resolver (core/files.c): a relative XDG_CONFIG_HOME is ignored */
	const char *p = xdg_file("XDG_CONFIG_HOME", ".config", "config", buf, sizeof buf);
	return p ? xstrdup(p) : NULL;
}

struct report_ctx {
	struct strbuf *first;
	unsigned n;
};

static void report_first(void *arg, const char *path, uint64_t line, const char *msg)
{
	struct report_ctx *r = arg;
	if (r->n++)
		return;
	struct strbuf raw = STRBUF_INIT;
	sb_addf(&raw, "%s:%llu: %s", path, (unsigned long long)(line ? line : 1), msg);
	sanitize_visible(r->first, raw.s, raw.len, 1); /* as cli_report shows it */
	sb_free(&raw);
}

/* Read the config file; missing is fine. Problems go to dg. */
static void load_config(struct keymap *km, struct options *o, struct diag *dg)
{
	char *path = config_path();
	if (!path)
		return;
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errno != ENOENT)
			diag_report(dg, path, 0, "cannot read: %s", strerror(errno));
		free(path);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t r;
	while ((r = fread(buf, 1, sizeof buf, f)) > 0 && sb.len < (16u << 20))
		sb_add(&sb, buf, r);
	fclose(f);
	config_apply_text(km, o, sb.s ? sb.s : "", sb.len, path, dg);
	sb_free(&sb);
	free(path);
}

int app_dump_keys(void)
{
	struct keymap km;
	struct options o;
	keymap_init(&km);
	options_init(&o);
	struct diag dg = { cli_report, NULL, 0 };
	load_config(&km, &o, &dg);
	struct strbuf out = STRBUF_INIT;
	options_dump(&o, &out);
	keymap_dump(&km, &out);
	fwrite(out.s, 1, out.len, stdout);
	sb_free(&out);
	keymap_free(&km);
	return 0;
}

/* ---- building the index behind the first screen ------------------------------ */

static void *builder(void *arg)
{
	struct app *app = arg;
	cache_finish(&app->co);
	if (app->cache_stale && app->cache_file && !atomic_load(&app->abandon) &&
	    cache_save(&app->co, app->cache_file) != 0)
		app->save_errno = errno ? errno : EIO;
	atomic_store(&app->built, 1);
	return NULL;
}

static void start_builder(struct app *app)
{
	app->building = 1;
	if (thread_start(&app->builder, builder, app) != 0) {
		builder(app); /* no thread: build now */
		app->building = 0;
	}
}

/* The builder is done: use the measures and the index from now on. */
static void finish_builder(struct app *app)
{
	pthread_join(app->builder, NULL);
	app->building = 0;
	if (app->save_errno)
		app_message(app, "cannot write the cache %s: %s", app->cache_file, strerror(app->save_errno));
	else if (!app->msg.len)
		app_message(app, "index ready: %zu articles, %zu measures", app->co.ar.n, app->co.fdb.n);
	if (app->open >= 0) { /* its measures, now known */
		long o = app->open;
		size_t top = app->pane[PANE_READER].top;
		app->open = -1;
		app_open(app, o);
		app->pane[PANE_READER].top = top;
	}
	marks_refresh(app);
	if (app->prompting == PROMPT_SEARCH) /* the list shows what is being typed */
		set_query(app, app->typing.s ? app->typing.s : "", app->typing.len);
	else
		app_apply_query(app);
}

/* ---- loading ----------------------------------------------------------------- */

struct progress {
	struct app *app;
	const char *first_path;
	int npaths;
	double start, last;
};

/* A progress bar in the middle of the screen: phase, bytes, MB/s, articles. */
static void draw_progress(void *arg, const char *phase, uint64_t done, uint64_t total, size_t articles)
{
	struct progress *pg = arg;
	double now = corpus_clock();
	if (done && done < total && now - pg->last < 0.05)
		return; /* at most 20 frames a second */
	pg->last = now;
	double secs = now - pg->start;
	int amb = pg->app->opt.ambiguous_wide, y = LINES / 2 - 1;
	struct strbuf line = STRBUF_INIT;
	erase();
	sb_addf(&line, "epinews: %s%s", pg->first_path, pg->npaths > 1 ? " and more" : "");
	draw_row(y, 0, COLS, 2, line.s, line.len, app_attr(pg->app, ATTR_TITLE), NULL, 0, 0, amb);
	sb_reset(&line);
	if (total) {
		int width = COLS - 4 > 50 ? 50 : COLS - 4 > 0 ? COLS - 4 : 0;
		int fill = (int)((double)width * (double)done / (double)total);
		sb_addc(&line, '[');
		for (int i = 0; i < width; i++)
			sb_addc(&line, i < fill ? '#' : '.');
		sb_addc(&line, ']');
		draw_row(y + 1, 0, COLS, 2, line.s, line.len, A_NORMAL, NULL, 0, 0, amb);
		sb_reset(&line);
		sb_addf(&line, "%s: %.1f of %.1f MB, %.1f MB/s, %zu articles", phase, (double)done / 1e6,
			(double)total / 1e6, secs > 0 ? (double)done / 1e6 / secs : 0.0, articles);
	} else {
		sb_addf(&line, "%s...%s", phase, articles ? "" : "");
		if (articles)
			sb_addf(&line, " (%zu articles)", articles);
	}
	draw_row(y + 2, 0, COLS, 2, line.s, line.len, app_attr(pg->app, ATTR_DIM), NULL, 0, 0, amb);
	sb_free(&line);
	refresh();
}

/* Damage found in the cache after it was opened (on whichever thread read the
 * damaged part): start again, which rebuilds it. */
static void cache_damaged(void *arg, const char *file, const char *why)
{
	struct app *app = arg;
	if (pthread_equal(pthread_self(), app->ui_thread)) /* the builder's view of app is not ours */
		resume_save(app);
	fatal_guard_remove();
	endwin();
	cli_restart(file, why);
}

/* The cache cut short or written over under the browser (by truncate, cp, a
 * cleaner): what was read from it since may be zeros. Start again on the files,
 * where the user was. Called between keys, on the main thread. */
static void check_cache(struct app *app)
{
	const char *why = cache_lost(&app->co);
	if (!why)
		return;
	if (app->cache_file)
		unlink(app->cache_file); /* the next start rebuilds it */
	resume_save(app);
	fatal_guard_remove();
	endwin();
	cli_restart(app->cache_file ? app->cache_file : "(unnamed)", why);
}

int app_run(int npaths, char **paths)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		fprintf(stderr, "epinews: the browser needs a UTF-8 locale (LANG=C.UTF-8 works); "
				"this one is %s\n", nl_langinfo(CODESET));
		return 2;
	}
	const char *term = getenv("TERM");
	if (!term || !*term || !strcmp(term, "dumb")) {
		fprintf(stderr, "epinews: the browser needs a terminal (TERM is %s); "
				"use 'epinews list' for plain output\n", term && *term ? term : "unset");
		return 2;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) { /* escape codes into a pipe, keys from nowhere */
		fputs("epinews: not a terminal; the browser needs one on its input and output "
		      "(the subcommands do not: epinews --help)\n", stderr);
		return 2;
	}
	/* static: when the user quits before the index is built, the builder thread
	 * still reads it until the process exits, after this function returns */
	static struct app app;
	memset(&app, 0, sizeof app);
	app.open = -1;
	app.pane[PANE_LIST].ops = &list_pane_ops;
	app.pane[PANE_READER].ops = &reader_pane_ops;
	app.pane[PANE_FACTS].ops = &facts_pane_ops;
	keymap_init(&app.km);
	options_init(&app.opt);
	struct report_ctx rc = { &app.msg, 0 };
	struct diag dg = { report_first, &rc, 0 };
	load_config(&app.km, &app.opt, &dg);
	searches_init(&app.searches);
	searches_load_user(&app.searches, &dg);
	struct termios shell;
	int have_shell = tcgetattr(STDIN_FILENO, &shell) == 0;
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "epinews: cannot use the terminal '%s'\n", term);
		searches_free(&app.searches);
		keymap_free(&app.km);
		sb_free(&app.msg);
		return 2;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	take_suspend_key();
	set_escdelay(25);
	init_theme(&app);
	curs_set(0);
	fatal_guard_install(have_shell ? &shell : NULL);
	app.ui_thread = pthread_self();
	/* the archive, through the cache (messages: the first in the status line),
	 * with a progress bar while it loads */
	corpus_init(&app.co);
	app.co.ar.maps = cli_maps();
	struct progress pg = { &app, paths[0], npaths, corpus_clock(), 0 };
	app.co.progress = draw_progress;
	app.co.progress_arg = &pg;
	char cbuf[4096];
	const char *cfile = cli_cache_path(paths, npaths, cbuf, sizeof cbuf);
	const char *why;
	draw_progress(&pg, "opening", 0, 0, 0);
	/* the articles now; measures and index, when the cache lacks them, on a
	 * thread once the first screen is up */
	app.co.damaged = cache_damaged;
	app.co.damaged_arg = &app;
	int stale = cache_load_deferred(&app.co, cfile, paths, npaths, &dg, &why, 1);
	const char *restarted = getenv(CLI_RESTARTED); /* set by cli_restart */
	if (restarted && !why)
		why = restarted;
	if (!app.co.ar.n) {
		fatal_guard_remove();
		endwin();
		fprintf(stderr, "epinews: no article loaded%s%s\n", app.msg.len ? ": " : "",
			app.msg.len ? app.msg.s : "");
		corpus_free(&app.co);
		searches_free(&app.searches);
		keymap_free(&app.km);
		sb_free(&app.msg);
		return 1;
	}
	if (rc.n > 1)
		sb_addf(&app.msg, " (+%u more problems; epinews list shows them all)", rc.n - 1);
	if (why && !rc.n)
		app_message(&app, "cache not used (%s); rebuilt", why);
	unsetenv(CLI_RESTARTED);
	app.cache_file = cfile;
	app.cache_stale = stale;
	app.co.progress = NULL;
	corpus_build_order(&app.co);
	if (app.co.pending)
		start_builder(&app);
	else if (stale && cfile && cache_save(&app.co, cfile) != 0 && !app.msg.len)
		app_message(&app, "cannot write the cache %s: %s", cfile, strerror(errno));
	history_load(&app);
	marks_open(&app, paths, npaths);
	/* each article's place in the date order, for listing search results */
	app.date_rank = xmalloc(app.co.ar.n * sizeof *app.date_rank);
	for (size_t i = 0; i < app.co.ar.n; i++)
		app.date_rank[app.co.by_date[i]] = (uint32_t)i;
	app.order = xmalloc(app.co.ar.n * sizeof *app.order);
	app.pend = xmalloc(app.co.ar.n * sizeof *app.pend);
	app_refilter(&app);
	app.pane[PANE_LIST].sel = 0; /* start at the top of the list */
	resume_apply(&app); /* or where a browser restarted on the files was */
	if (app.opt.mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	/* EPINEWS_KEY_TIMES=FILE records, for bench/keys, the milliseconds from each
	 * key read to its screen drawn */
	const char *kt = getenv("EPINEWS_KEY_TIMES");
	FILE *key_times = kt && *kt ? fopen(kt, "w") : NULL;
	draw(&app);
	for (;;) {
		check_cache(&app);
		/* wait for a key; meanwhile check candidates, or see whether the index is built */
		int pending = app.pend_pos < app.npend;
		timeout(pending ? 0 : app.building ? 100 : -1);
		int key = read_key();
		timeout(-1);
		if (key < 0) {
			if (app.building && atomic_load(&app.built)) {
				finish_builder(&app);
				draw(&app);
			} else if (pending) {
				app_verify(&app, 0, 0.01);
				draw(&app);
			}
			continue;
		}
		if (key < 0)
			continue;
		double t0 = corpus_clock();
		if (app.building && atomic_load(&app.built)) /* a key after the build: use it */
			finish_builder(&app);
		if (!handle_key(&app, key))
			break;
		draw(&app);
		if (key_times)
			fprintf(key_times, "%.3f\n", (corpus_clock() - t0) * 1e3);
	}
	if (key_times)
		fclose(key_times);
	fatal_guard_remove();
	endwin();
	if (app.building) {
		/* quit before the index was built: it will be built next time */
		atomic_store(&app.abandon, 1);
		if (!atomic_load(&app.built)) {
			fprintf(stderr, "epinews: the index was not finished; it is built on the next start\n");
			history_save(&app);
			return 0; /* the thread still reads the corpus: leave it (and app) to the exit */
		}
		pthread_join(app.builder, NULL);
	}
	history_save(&app);
	marks_close(&app);
	picker_close(&app);
	sb_free(&app.pick_typed);
	for (size_t i = 0; i < app.nfilters; i++)
		free(app.filters[i]);
	free(app.filters);
	for (size_t i = 0; i < app.nhist; i++)
		free(app.hist[i]);
	free(app.hist);
	query_free(&app.q);
	free(app.spans);
	corpus_free(&app.co);
	searches_free(&app.searches);
	keymap_free(&app.km);
	facts_free(&app.facts);
	free(app.order);
	free(app.date_rank);
	sb_free(&app.q_text);
	free(app.pend);
	free(app.rows);
	sb_free(&app.msg);
	sb_free(&app.query);
	sb_free(&app.typing);
	sb_free(&app.header);
	return 0;
}
