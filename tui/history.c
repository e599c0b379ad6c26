/* The queries entered in the search prompt, oldest first, kept across runs
 * in $XDG_DATA_HOME/epinews/history (tui/history.h). */
#include "tui/history.h"

#include <stdlib.h>
#include <string.h>

#include "core/files.h"
#include "core/xalloc.h"
#include "tui/state.h"

#define HISTORY_MAX 200

void history_add(struct app *app, const char *q)
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
void history_step(struct app *app, int dir)
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

void history_load(struct app *app)
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
void history_save(const struct app *app)
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
