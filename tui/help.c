/* The help view: every action with the keys it has in the view help was asked
 * in, then what the other views bind differently; made from the keymap in
 * force, so that a `bind` line shows here as it works. */
#include "tui/help.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "tui/state.h"
#include "tui/theme.h"
#include "tui/view.h"
#include "widgets/draw.h"
#include "widgets/textlayout.h"

struct help {
	enum keymap_context ctx; /* whose keys come first */
	struct listsel ls;       /* ls.top: the first row shown */
	size_t nrows;            /* rows at the last draw */
	int room;                /* rows shown at once */
};

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
static void help_draw(struct app *app, void *self)
{
	struct help *h = self;
	struct strbuf rows = STRBUF_INIT, keys = STRBUF_INIT, lead = STRBUF_INIT;
	enum keymap_context here = h->ctx;
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
	h->nrows = nrows;
	h->room = room;
	listsel_scroll(&h->ls, 0, nrows, room); /* within the rows there are now */
	struct strbuf line = STRBUF_INIT;
	sb_addf(&line, "epinews keys in the %s (from your keymap; q or ? closes this%s)", context_name(here),
		nrows > (size_t)room ? "; j/k scroll" : "");
	draw_row(y++, 0, COLS, 1, line.s, line.len, app_attr(app, ATTR_TITLE), NULL, 0, 0, 0);
	draw_row(y++, 0, COLS, 0, "", 0, A_NORMAL, NULL, 0, 0, 0);
	const char *r = rows.s ? rows.s : "";
	for (size_t skip = h->ls.top; skip && *r; r++)
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

static int help_key(struct app *app, void *self, int key, enum action a)
{
	struct help *h = self;
	long page = h->room > 1 ? h->room - 1 : 1;
	(void)key;
	switch (a) {
	case ACT_HELP: view_pop(&app->views, app); return 1;
	case ACT_MOVE_DOWN: listsel_scroll(&h->ls, 1, h->nrows, h->room); return 1;
	case ACT_MOVE_UP: listsel_scroll(&h->ls, -1, h->nrows, h->room); return 1;
	case ACT_PAGE_DOWN: listsel_scroll(&h->ls, page, h->nrows, h->room); return 1;
	case ACT_PAGE_UP: listsel_scroll(&h->ls, -page, h->nrows, h->room); return 1;
	case ACT_FIRST: h->ls.top = 0; return 1;
	case ACT_LAST: listsel_scroll(&h->ls, (long)h->nrows, h->nrows, h->room); return 1;
	default: return 0; /* q and Esc: the view stack pops it */
	}
}

static void help_close(struct app *app, void *self)
{
	(void)app;
	free(self);
}

static const enum action help_view_hint[] = { ACT_MOVE_DOWN, ACT_PAGE_DOWN, ACT_QUIT, ACT_NONE };

static const struct view_ops help_view = {
	.name = "help",
	.hint = help_view_hint,
	.ctx = CTX_GLOBAL,
	.draw = help_draw,
	.key = help_key,
	.close = help_close,
};

void help_open(struct app *app, enum keymap_context ctx)
{
	struct help *h = xcalloc(1, sizeof *h);
	h->ctx = ctx;
	if (view_push(&app->views, app, &help_view, h) < 0)
		app_message(app, "too many views open: q closes one");
}
