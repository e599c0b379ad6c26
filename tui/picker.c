/* Pickers: a place, a month or a kind of measure chosen from what the archive
 * holds, with article counts, narrowed as the user types (pinyin or
 * characters). The choice becomes a filter (place:, date:, kind:) ANDed with
 * the search; X removes filters one by one. */
#include "tui/picker.h"

#include "tui/state.h"
#include "tui/theme.h"
#include "tui/view.h"
#include "widgets/lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/query.h"
#include "core/search.h"
#include "core/utf8.h"
#include "core/xalloc.h"

struct pick_item {
	char label[96];
	char value[80];   /* the filter */
	char match[160];  /* what typing is matched against (folded) */
	size_t count;
};

/* A picker's own state: its items, those that match what was typed. */
struct picker {
	enum pick_kind kind;
	struct pick_item *items;
	size_t nitems;
	size_t *shown, nshown;
	struct listsel ls;
	struct strbuf typed;
};

static void add_item(struct picker *pk, size_t *cap, const char *label, const char *value, const char *match,
		     size_t count)
{
	pk->items = xgrow(pk->items, cap, pk->nitems + 1, sizeof *pk->items);
	struct pick_item *it = &pk->items[pk->nitems++];
	snprintf(it->label, sizeof it->label, "%s", label);
	snprintf(it->value, sizeof it->value, "%s", value);
	struct fold_str f;
	fold_str_init(&f, match, strlen(match));
	snprintf(it->match, sizeof it->match, "%s", f.u8);
	fold_str_free(&f);
	it->count = count;
}

static int by_count(const void *a, const void *b)
{
	const struct pick_item *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->label, y->label);
}

/* Places: each article counts for every place it is about and the places
 * above them, as place: finds it (factdb_place_counts). */
static void places(struct app *app, struct picker *pk, size_t *cap)
{
	const struct gazetteer *gz = &app->co.gz;
	size_t *count = xcalloc(gz->n + 1, sizeof *count);
	factdb_place_counts(&app->co.fdb, gz, count); /* what place: finds */
	for (size_t p = 0; p < gz->n; p++) {
		if (!count[p] || gazetteer_find(gz, gz->v[p].full_name) != (int)p)
			continue; /* one row per name: 北京市 the city and the province are one */
		const struct place *pl = &gz->v[p];
		char label[96], match[160];
		int prov = gazetteer_province(gz, (int)p);
		for (int q = pl->same; q >= 0; q = gz->v[q].same)
			if (gazetteer_province(gz, q) != prov)
				prov = -1; /* a name places in several provinces share */
		snprintf(label, sizeof label, "%s%s%s", pl->full_name, prov >= 0 && prov != (int)p ? "  " : "",
			 prov >= 0 && prov != (int)p ? gz->v[prov].full_name : "");
		snprintf(match, sizeof match, "%s %s %s", pl->full_name, pl->short_name ? pl->short_name : "",
			 pl->pinyin ? pl->pinyin : "");
		char value[80];
		snprintf(value, sizeof value, "place:%s", pl->full_name);
		add_item(pk, cap, label, value, match, count[p]);
	}
	free(count);
	if (pk->nitems > 1)
		qsort(pk->items, pk->nitems, sizeof *pk->items, by_count);
}

/* Months, oldest first: runs of the date order, each found by binary search,
 * so that only a few articles per month are read. */
static void months(struct app *app, struct picker *pk, size_t *cap)
{
	const struct archive *ar = &app->co.ar;
	const uint32_t *o = app->co.by_date;
	size_t n = ar->n;
	for (size_t i = 0; i < n;) {
		struct ymd d = archive_art(ar, o[i])->date;
		if (!ymd_full(d))
			break; /* undated articles come last */
		long next = ymd_days((struct ymd){ d.m == 12 ? d.y + 1 : d.y, d.m == 12 ? 1 : d.m + 1, 1 });
		size_t lo = query_date_bound(ar, o, i + 1, next, 0);
		if (d.y >= 1900 && d.y < 2300) {
			char label[32], value[48];
			snprintf(label, sizeof label, "%04d-%02d", d.y, d.m);
			snprintf(value, sizeof value, "date:%s", label);
			add_item(pk, cap, label, value, label, lo - i);
		}
		i = lo;
	}
}

/* Kinds of measure, with the articles that have one. */
static void kinds(struct app *app, struct picker *pk, size_t *cap)
{
	size_t count[KIND_COUNT] = { 0 };
	for (size_t d = 0; d < app->co.ar.n; d++) {
		int seen[KIND_COUNT] = { 0 };
		size_t nf;
		const struct fact *f = factdb_of(&app->co.fdb, d, &nf);
		for (size_t k = 0; k < nf; k++)
			if (!seen[f[k].kind]++)
				count[f[k].kind]++;
	}
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!count[k])
			continue;
		char label[96], value[80], match[160];
		const char *words = fact_kind_words((enum fact_kind)k), *name = fact_kind_name((enum fact_kind)k);
		snprintf(label, sizeof label, "%s%s%s%s", words, strcmp(words, name) ? " (" : "",
			 strcmp(words, name) ? name : "", strcmp(words, name) ? ")" : "");
		snprintf(value, sizeof value, "kind:%s", fact_kind_name((enum fact_kind)k));
		snprintf(match, sizeof match, "%s %s", fact_kind_words((enum fact_kind)k),
			 fact_kind_name((enum fact_kind)k));
		add_item(pk, cap, label, value, match, count[k]);
	}
	if (pk->nitems > 1)
		qsort(pk->items, pk->nitems, sizeof *pk->items, by_count);
}

/* Does every character typed appear in `match`, in order? (a fuzzy match) */
static int fuzzy(const char *match, const char *typed)
{
	const char *m = match;
	size_t mn = strlen(match), tn = strlen(typed), i = 0;
	while (i < tn) {
		uint32_t cp;
		size_t k = utf8_decode((const unsigned char *)typed + i, tn - i, &cp);
		k = k ? k : 1;
		if (cp == ' ') {
			i += k;
			continue;
		}
		const char *hit = memmem(m, mn - (size_t)(m - match), typed + i, k);
		if (!hit)
			return 0;
		m = hit + k;
		i += k;
	}
	return 1;
}

static void narrow(struct picker *pk)
{
	struct fold_str f;
	fold_str_init(&f, pk->typed.s ? pk->typed.s : "", pk->typed.len);
	pk->nshown = 0;
	/* what contains the text as typed first, then what matches it loosely */
	for (size_t i = 0; i < pk->nitems; i++)
		if (strstr(pk->items[i].match, f.u8))
			pk->shown[pk->nshown++] = i;
	for (size_t i = 0; i < pk->nitems; i++)
		if (!strstr(pk->items[i].match, f.u8) && fuzzy(pk->items[i].match, f.u8))
			pk->shown[pk->nshown++] = i;
	fold_str_free(&f);
	listsel_first(&pk->ls);
}

/* Saved searches, with what each finds in the whole archive. */
static void saved(struct app *app, struct picker *pk, size_t *cap)
{
	struct corpus *co = &app->co;
	struct query_ctx cx = { &co->ar, &co->ix, &co->fdb, &co->gz, co->by_date, 0 };
	for (size_t i = 0; i < app->searches.n; i++) {
		const struct saved_search *s = &app->searches.v[i];
		struct query q;
		size_t count = 0;
		char label[96], value[80], match[160];
		if (query_parse_saved(&q, s->query, &co->gz, &app->searches) == 0) {
			struct search_result r;
			search_run(&q, &cx, SEARCH_BY_ARCHIVE, 0, &r);
			count = r.n;
			search_result_free(&r);
			query_free(&q);
			snprintf(label, sizeof label, "@%s  %.80s", s->name, s->query);
		} else {
			snprintf(label, sizeof label, "@%s  %.30s  (%.50s)", s->name, s->query, q.err);
		}
		snprintf(value, sizeof value, "@%s", s->name);
		snprintf(match, sizeof match, "%s %s", s->name, s->query);
		add_item(pk, cap, label, value, match, count);
	}
}

static void picker_free(struct picker *pk)
{
	free(pk->items);
	free(pk->shown);
	sb_free(&pk->typed);
	free(pk);
}

static void picker_close(struct app *app, void *self)
{
	(void)app;
	picker_free(self);
}

static void picker_draw(struct app *app, void *self)
{
	static const char *const what[] = { "place", "month", "measure", "saved search" };
	struct picker *pk = self;
	int amb = app->opt.ambiguous_wide;
	struct strbuf row = STRBUF_INIT;
	sb_addf(&row, "Filter by %s: type to narrow (pinyin or characters), Enter picks, Esc cancels",
		what[pk->kind]);
	draw_row(0, 0, COLS, 1, row.s, row.len, app_attr(app, ATTR_TITLE), NULL, 0, 0, amb);
	sb_reset(&row);
	sb_addf(&row, "> %s", pk->typed.s ? pk->typed.s : "");
	draw_row(1, 0, COLS, 1, row.s, row.len, A_NORMAL, NULL, 0, 0, amb);
	int h = LINES - 3;
	listsel_show(&pk->ls, pk->nshown, h);
	for (int r = 0; r < h; r++) {
		size_t i = pk->ls.top + (size_t)r;
		sb_reset(&row);
		attr_t attr = app_attr(app, ATTR_NORMAL);
		if (i < pk->nshown) {
			const struct pick_item *it = &pk->items[pk->shown[i]];
			sb_addf(&row, "%8zu  %s", it->count, it->label);
			if (i == pk->ls.sel)
				attr = app_attr(app, ATTR_SELECTED);
		} else if (i == 0) {
			sb_adds(&row, "   nothing matches what you typed");
			attr = app_attr(app, ATTR_DIM);
		}
		draw_row(2 + r, 0, COLS, 1, row.s ? row.s : "", row.len, attr, NULL, 0, 0, amb);
	}
	sb_free(&row);
	int x = 3 + text_width(pk->typed.s ? pk->typed.s : "", pk->typed.len, amb);
	move(1, x < COLS ? x : COLS - 1);
}

/* The keys that move in a picker: letters are typed, so arrows and C-n C-p. */
static enum action picker_move(int key)
{
	switch (key) {
	case KEY_FUNC | KEY_DOWN: case 14: return ACT_MOVE_DOWN; /* C-n */
	case KEY_FUNC | KEY_UP: case 16: return ACT_MOVE_UP;     /* C-p */
	case KEY_FUNC | KEY_NPAGE: return ACT_PAGE_DOWN;
	case KEY_FUNC | KEY_PPAGE: return ACT_PAGE_UP;
	case KEY_FUNC | KEY_HOME: return ACT_FIRST;
	case KEY_FUNC | KEY_END: return ACT_LAST;
	default: return ACT_NONE;
	}
}

static int picker_key(struct app *app, void *self, int key, enum action a)
{
	struct picker *pk = self;
	if (key == '\n' || key == '\r' || key == (KEY_FUNC | KEY_ENTER)) {
		if (pk->ls.sel < pk->nshown) {
			app->filters = xrealloc(app->filters, (app->nfilters + 1) * sizeof *app->filters);
			app->filters[app->nfilters++] = xstrdup(pk->items[pk->shown[pk->ls.sel]].value);
			view_pop(&app->views, app); /* frees the items: the filter is a copy */
			const char *v = app->filters[app->nfilters - 1];
			if (app_apply_query(app) == 0)
				app_message(app, "filter %s: %zu%s articles (X removes it)", v, app->norder,
					    app->pend_pos < app->npend ? "+" : "");
		}
		return 1;
	}
	enum action m = a ? a : picker_move(key); /* a: the mouse wheel */
	if (m && view_move(&pk->ls, m, pk->nshown, LINES - 3))
		return 1;
	if (lineedit_key(&pk->typed, key) == EDIT_CHANGED)
		narrow(pk);
	return key != 27; /* Esc: the view stack closes the picker */
}

static const struct view_ops picker_view = {
	.name = "picker",
	.ctx = CTX_GLOBAL,
	.raw_keys = 1,
	.draw = picker_draw,
	.key = picker_key,
	.close = picker_close,
};

void picker_open(struct app *app, enum pick_kind kind)
{
	struct picker *pk = xcalloc(1, sizeof *pk);
	pk->kind = kind;
	size_t cap = 0;
	if (kind == PICK_PLACE)
		places(app, pk, &cap);
	else if (kind == PICK_DATE)
		months(app, pk, &cap);
	else if (kind == PICK_SEARCH)
		saved(app, pk, &cap);
	else
		kinds(app, pk, &cap);
	if (!pk->nitems) {
		if (kind == PICK_SEARCH)
			app_message(app, "no saved search yet: S saves the search in force");
		else
			app_message(app, "nothing to pick: the archive has no %s", kind == PICK_PLACE ? "places" :
				    kind == PICK_DATE ? "dated articles" : "measures");
		picker_free(pk);
		return;
	}
	pk->shown = xmalloc(pk->nitems * sizeof *pk->shown);
	narrow(pk);
	if (view_push(&app->views, app, &picker_view, pk) < 0)
		app_message(app, "too many views open: q closes one");
}
