/* The browser's view across a restart (resume.h): lines "NAME\tVALUE" in one
 * environment variable, the values escaped (\\, \t, \n). */
#include "resume.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "state.h"

static void add_value(struct strbuf *sb, const char *name, const char *v)
{
	sb_addf(sb, "%s\t", name);
	for (; v && *v; v++) {
		if (*v == '\\' || *v == '\t' || *v == '\n')
			sb_addf(sb, "\\%c", *v == '\\' ? '\\' : *v == '\t' ? 't' : 'n');
		else
			sb_addc(sb, *v);
	}
	sb_addc(sb, '\n');
}

static const char *shown_id(const struct app *app, size_t row)
{
	return row < app->norder ? archive_art(&app->co.ar, app->order[row])->id : NULL;
}

void resume_save(const struct app *app)
{
	struct strbuf sb = STRBUF_INIT;
	add_value(&sb, "query", app->query.s);
	for (size_t i = 0; i < app->nfilters; i++)
		add_value(&sb, "filter", app->filters[i]);
	sb_addf(&sb, "sort\t%d\nreverse\t%d\nfocus\t%d\n", (int)app->sort, app->reverse, (int)app->focus);
	const char *sel = shown_id(app, app->pane[PANE_LIST].ls.sel);
	if (sel)
		add_value(&sb, "selected", sel);
	if (app->open >= 0) {
		add_value(&sb, "open", archive_art(&app->co.ar, (size_t)app->open)->id);
		sb_addf(&sb, "top\t%zu\nfact\t%zu\n", app->pane[PANE_READER].ls.top, app->pane[PANE_FACTS].ls.sel);
	}
	setenv(RESUME_ENV, sb.s ? sb.s : "", 1);
	sb_free(&sb);
}

/* The value of line `name` (the n-th such line), unescaped into out; 0 when absent. */
static int value_of(const char *text, const char *name, size_t n, struct strbuf *out)
{
	size_t len = strlen(name);
	for (const char *p = text; *p;) {
		const char *eol = strchr(p, '\n');
		if (!eol)
			eol = p + strlen(p);
		if ((size_t)(eol - p) > len && !strncmp(p, name, len) && p[len] == '\t' && n-- == 0) {
			sb_reset(out);
			for (const char *v = p + len + 1; v < eol; v++) {
				if (*v == '\\' && v + 1 < eol) {
					v++;
					sb_addc(out, *v == 't' ? '\t' : *v == 'n' ? '\n' : *v);
				} else {
					sb_addc(out, *v);
				}
			}
			return 1;
		}
		p = *eol ? eol + 1 : eol;
	}
	return 0;
}

static long number_of(const char *text, const char *name, long dflt, long max)
{
	struct strbuf v = STRBUF_INIT;
	long n = dflt;
	if (value_of(text, name, 0, &v) && v.s) {
		char *end;
		long k = strtol(v.s, &end, 10);
		if (!*end && k >= 0 && k <= max)
			n = k;
	}
	sb_free(&v);
	return n;
}

static long article_of(struct app *app, const char *id)
{
	int amb;
	struct article *a = archive_find(&app->co.ar, id, &amb);
	return a ? (long)(a - app->co.ar.art) : -1;
}

void resume_apply(struct app *app)
{
	const char *env = getenv(RESUME_ENV);
	if (!env)
		return;
	char *text = xstrdup(env);
	unsetenv(RESUME_ENV);
	struct strbuf v = STRBUF_INIT;
	for (size_t i = 0; value_of(text, "filter", i, &v); i++) {
		app->filters = xrealloc(app->filters, (app->nfilters + 1) * sizeof *app->filters);
		app->filters[app->nfilters++] = xstrdup(v.s ? v.s : "");
	}
	app->sort = (enum sort_key)number_of(text, "sort", app->sort, SORT_COUNT - 1);
	app->reverse = (int)number_of(text, "reverse", app->reverse, 1);
	sb_reset(&app->query);
	if (value_of(text, "query", 0, &v) && v.len)
		sb_add(&app->query, v.s, v.len);
	if (app_apply_query(app) != 0)
		app_refilter(app);
	long sel = value_of(text, "selected", 0, &v) && v.s ? article_of(app, v.s) : -1;
	app_verify(app, (size_t)-1, 0.05); /* the selected row must be listed to be found */
	for (size_t i = 0; sel >= 0 && i < app->norder; i++)
		if ((long)app->order[i] == sel)
			app->pane[PANE_LIST].ls.sel = i;
	long open = value_of(text, "open", 0, &v) && v.s ? article_of(app, v.s) : -1;
	if (open >= 0) {
		app_open(app, open);
		app->pane[PANE_READER].ls.top = (size_t)number_of(text, "top", 0, 1L << 30);
		size_t f = (size_t)number_of(text, "fact", 0, 1L << 30);
		app->pane[PANE_FACTS].ls.sel = f < app->facts.n ? f : 0;
	}
	app->focus = (enum pane_id)number_of(text, "focus", app->focus, PANE_COUNT - 1);
	if (app->focus != PANE_LIST && app->open < 0)
		app->focus = PANE_LIST;
	sb_free(&v);
	free(text);
}
