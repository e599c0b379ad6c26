/* Pickers: a place, a month or a kind of measure chosen from what the archive
 * holds, with article counts, narrowed as the user types (pinyin or
 * characters). The choice becomes a filter (place:, date:, kind:) ANDed with
 * the search; X removes filters one by one. */
#include "tui/state.h"

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

static void add_item(struct app *app, size_t *cap, const char *label, const char *value, const char *match,
		     size_t count)
{
	app->items = xgrow(app->items, cap, app->nitems + 1, sizeof *app->items);
	struct pick_item *it = &app->items[app->nitems++];
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
static void places(struct app *app, size_t *cap)
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
		add_item(app, cap, label, value, match, count[p]);
	}
	free(count);
	if (app->nitems > 1)
		qsort(app->items, app->nitems, sizeof *app->items, by_count);
}

/* Months, oldest first: runs of the date order, each found by binary search,
 * so that only a few articles per month are read. */
static void months(struct app *app, size_t *cap)
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
			add_item(app, cap, label, value, label, lo - i);
		}
		i = lo;
	}
}

/* Kinds of measure, with the articles that have one. */
static void kinds(struct app *app, size_t *cap)
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
		add_item(app, cap, label, value, match, count[k]);
	}
	if (app->nitems > 1)
		qsort(app->items, app->nitems, sizeof *app->items, by_count);
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

static void narrow(struct app *app)
{
	struct fold_str f;
	fold_str_init(&f, app->pick_typed.s ? app->pick_typed.s : "", app->pick_typed.len);
	app->nshown = 0;
	/* what contains the text as typed first, then what matches it loosely */
	for (size_t i = 0; i < app->nitems; i++)
		if (strstr(app->items[i].match, f.u8))
			app->shown[app->nshown++] = i;
	for (size_t i = 0; i < app->nitems; i++)
		if (!strstr(app->items[i].match, f.u8) && fuzzy(app->items[i].match, f.u8))
			app->shown[app->nshown++] = i;
	fold_str_free(&f);
	app->pick_sel = app->pick_top = 0;
}

/* Saved searches, with what each finds in the whole archive. */
static void saved(struct app *app, size_t *cap)
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
		add_item(app, cap, label, value, match, count);
	}
}

void picker_open(struct app *app, enum pick_kind kind)
{
	picker_close(app);
	if (kind != PICK_DATE && app->building) {
		app_message(app, "places and measures come with the index, which is still being built");
		return;
	}
	size_t cap = 0;
	if (kind == PICK_PLACE)
		places(app, &cap);
	else if (kind == PICK_DATE)
		months(app, &cap);
	else if (kind == PICK_SEARCH)
		saved(app, &cap);
	else
		kinds(app, &cap);
	if (!app->nitems) {
		if (kind == PICK_SEARCH)
			app_message(app, "no saved search yet: S saves the search in force");
		else
			app_message(app, "nothing to pick: the archive has no %s", kind == PICK_PLACE ? "places" :
				    kind == PICK_DATE ? "dated articles" : "measures");
		return;
	}
	app->shown = xmalloc(app->nitems * sizeof *app->shown);
	app->picker = (int)kind + 1;
	sb_reset(&app->pick_typed);
	narrow(app);
}

void picker_close(struct app *app)
{
	free(app->items);
	free(app->shown);
	app->items = NULL;
	app->shown = NULL;
	app->nitems = app->nshown = 0;
	app->picker = 0;
	if (!app->pick_typed.s) /* keep the buffer, empty */
		return;
	sb_reset(&app->pick_typed);
}

void picker_draw(struct app *app)
{
	static const char *const what[] = { "place", "month", "measure", "saved search" };
	int amb = app->opt.ambiguous_wide;
	struct strbuf row = STRBUF_INIT;
	sb_addf(&row, "Filter by %s: type to narrow (pinyin or characters), Enter picks, Esc cancels",
		what[app->picker - 1]);
	draw_row(0, 0, COLS, 1, row.s, row.len, app_attr(app, ATTR_TITLE), NULL, 0, 0, amb);
	sb_reset(&row);
	sb_addf(&row, "> %s", app->pick_typed.s ? app->pick_typed.s : "");
	draw_row(1, 0, COLS, 1, row.s, row.len, A_NORMAL, NULL, 0, 0, amb);
	int h = LINES - 3;
	if (h > 0 && app->pick_sel >= app->pick_top + (size_t)h)
		app->pick_top = app->pick_sel - (size_t)h + 1;
	if (app->pick_sel < app->pick_top)
		app->pick_top = app->pick_sel;
	for (int r = 0; r < h; r++) {
		size_t i = app->pick_top + (size_t)r;
		sb_reset(&row);
		attr_t attr = app_attr(app, ATTR_NORMAL);
		if (i < app->nshown) {
			const struct pick_item *it = &app->items[app->shown[i]];
			sb_addf(&row, "%8zu  %s", it->count, it->label);
			if (i == app->pick_sel)
				attr = app_attr(app, ATTR_SELECTED);
		} else if (i == 0) {
			sb_adds(&row, "   nothing matches what you typed");
			attr = app_attr(app, ATTR_DIM);
		}
		draw_row(2 + r, 0, COLS, 1, row.s ? row.s : "", row.len, attr, NULL, 0, 0, amb);
	}
	sb_free(&row);
	int x = 3 + text_width(app->pick_typed.s ? app->pick_typed.s : "", app->pick_typed.len, amb);
	move(1, x < COLS ? x : COLS - 1);
}

void picker_key(struct app *app, int key)
{
	size_t page = LINES > 4 ? (size_t)LINES - 4 : 1;
	if (key == 27) {
		picker_close(app);
		return;
	}
	if (key == '\n' || key == '\r' || key == (KEY_FUNC | KEY_ENTER)) {
		if (app->pick_sel < app->nshown) {
			app->filters = xrealloc(app->filters, (app->nfilters + 1) * sizeof *app->filters);
			app->filters[app->nfilters++] = xstrdup(app->items[app->shown[app->pick_sel]].value);
			picker_close(app); /* frees the items: the filter is a copy */
			const char *v = app->filters[app->nfilters - 1];
			if (app_apply_query(app) == 0)
				app_message(app, "filter %s: %zu%s articles (X removes it)", v, app->norder,
					    app->pend_pos < app->npend ? "+" : "");
		}
		return;
	}
	if (key == (KEY_FUNC | KEY_DOWN) || key == 14) { /* Down, C-n */
		if (app->pick_sel + 1 < app->nshown)
			app->pick_sel++;
	} else if (key == (KEY_FUNC | KEY_UP) || key == 16) { /* Up, C-p */
		if (app->pick_sel)
			app->pick_sel--;
	} else if (key == (KEY_FUNC | KEY_NPAGE)) {
		app->pick_sel = app->pick_sel + page < app->nshown ? app->pick_sel + page : app->nshown ? app->nshown - 1 : 0;
	} else if (key == (KEY_FUNC | KEY_PPAGE)) {
		app->pick_sel = app->pick_sel > page ? app->pick_sel - page : 0;
	} else if (key == (KEY_FUNC | KEY_BACKSPACE) || key == 127 || key == 8) {
		struct strbuf *t = &app->pick_typed;
		while (t->len && ((unsigned char)t->s[t->len - 1] & 0xC0) == 0x80)
			t->len--;
		if (t->len)
			t->len--;
		if (t->s)
			t->s[t->len] = 0;
		narrow(app);
	} else if (key >= ' ' && !(key & KEY_FUNC) && key != 127) {
		sb_addcp(&app->pick_typed, (uint32_t)key);
		narrow(app);
	}
}
