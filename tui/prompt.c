/* The one-line prompt: the search as it is typed (the list narrows with each
 * key), and the questions of marks.c (a note, the export file, replace?) and
 * of S (a name for the search). */
#include "tui/prompt.h"

#include <errno.h>
#include <string.h>

#include "core/search.h"
#include "core/searches.h"
#include "tui/history.h"
#include "tui/marks.h"
#include "tui/state.h"
#include "widgets/lineedit.h"

/* Open the search prompt on the query in force plus `add` (a field to fill in). */
void prompt_search(struct app *app, const char *add)
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
void prompt_query_in_force(const struct app *app, struct strbuf *s)
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
	prompt_query_in_force(app, &s);
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

void prompt_key(struct app *app, int key)
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
		app_set_query(app, app->query.s ? app->query.s : "", app->query.len);
		sb_reset(&app->msg);
		return;
	}
	if (key == '\n' || key == '\r' || key == (KEY_FUNC | KEY_ENTER)) {
		/* the list already shows what was typed, unless keys came too fast */
		int shown = app->q_text.len == app->typing.len &&
			    (!app->typing.len || !memcmp(app->q_text.s, app->typing.s, app->typing.len));
		if (!shown && app_set_query(app, app->typing.s ? app->typing.s : "", app->typing.len) < 0)
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
	} else if (lineedit_key(&app->typing, key) == EDIT_NOT_MINE) {
		return;
	}
	if (!search)
		return;
	/* more keys already typed: take them first, search once they stop */
	if (key_waiting())
		return;
	/* the list narrows as the user types; a query that does not parse yet keeps
	 * the list as it was and says why in the status line */
	if (app_set_query(app, app->typing.s ? app->typing.s : "", app->typing.len) == 0)
		sb_reset(&app->msg);
}
