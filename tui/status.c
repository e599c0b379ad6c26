/* The status line: where the list is, what is searched and filtered, then a
 * message or the keys most used in the view in focus (mutt's help line), or
 * the prompt being typed. */
#include "tui/status.h"

#include <string.h>

#include "tui/state.h"
#include "tui/theme.h"
#include "tui/view.h"
#include "widgets/draw.h"
#include "widgets/textlayout.h"

/* The keys most used in each pane, for its hint line. */
static const enum action pane_hint[CTX_COUNT][8] = {
	[CTX_LIST] = { ACT_OPEN, ACT_SEARCH, ACT_FILTER_PLACE, ACT_FILTER_DATE, ACT_FILTER_MEASURE, ACT_MARK, ACT_HELP },
	[CTX_READER] = { ACT_NEXT_HIT, ACT_SELECT, ACT_MARK, ACT_ANNOTATE, ACT_NEXT_PANE, ACT_HELP },
	[CTX_FACTS] = { ACT_OPEN, ACT_MARK, ACT_ANNOTATE, ACT_COPY, ACT_NEXT_PANE, ACT_HELP },
};

/* A line of the keys most used in a view, from the keymap in force (mutt's
 * help line): "<Enter>:open /:search ... ?:help", as many as fit in room.
 * `used` ends with ACT_NONE; its last action (help, or how to leave) is
 * always shown. */
static void key_hint(const struct app *app, enum keymap_context ctx, const enum action *used, struct strbuf *out,
		     int room)
{
	struct strbuf keys = STRBUF_INIT, item = STRBUF_INIT, last = STRBUF_INIT;
	int n = 0;
	while (used && used[n])
		n++;
	if (!n)
		return;
	/* the last (help, or how to leave) always shown: its room kept first */
	keymap_keys_for(&app->km, ctx, used[n - 1], &keys);
	if (keys.len)
		sb_addf(&last, "%.*s:%s", (int)strcspn(keys.s, " "), keys.s, action_name(used[n - 1]));
	int width = 0, keep = last.len ? text_width(last.s, last.len, 0) + 1 : 0;
	for (int k = 0; k < n - 1; k++) {
		sb_reset(&keys);
		keymap_keys_for(&app->km, ctx, used[k], &keys);
		if (!keys.len)
			continue; /* unbound here */
		sb_reset(&item);
		sb_addf(&item, "%.*s:%s ", (int)strcspn(keys.s, " "), keys.s, action_name(used[k]));
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

void status_draw(struct app *app)
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
	sb_addf(&st, " %zu/%zu%s", app->norder ? app->pane[PANE_LIST].ls.sel + 1 : 0, app->norder,
		app->pend_pos < app->npend ? "+" : "");
	if (app->norder != app->co.ar.n)
		sb_addf(&st, " of %zu", app->co.ar.n);
	const struct view *v = view_top(&app->views);
	sb_addf(&st, "  [%s]  by %s%s%s", v ? v->ops->name : app->pane[app->focus].ops->name, sorts[app->sort],
		app->reverse ? " (reversed)" : "", app->building ? "  (building the index...)" : "");
	for (size_t i = 0; i < app->nfilters; i++)
		sb_addf(&st, "%s%s", i ? " " : "  filter: ", app->filters[i]);
	if (app->query.len)
		sb_addf(&st, "  search: %s", app->query.s);
	if (app->msg.len) {
		sb_addf(&st, "  | %s", app->msg.s);
	} else if (!v || v->ops->hint) {
		sb_adds(&st, "  | ");
		int used = text_width(st.s, st.len, app->opt.ambiguous_wide);
		enum keymap_context ctx = v ? v->ops->ctx : app->pane[app->focus].ops->ctx;
		key_hint(app, ctx, v ? v->ops->hint : pane_hint[ctx], &st, COLS - used - 1);
	}
	draw_row(LINES - 1, 0, COLS, 0, st.s, st.len, app_attr(app, ATTR_STATUS), NULL, 0, 0,
		 app->opt.ambiguous_wide);
	sb_free(&st);
}
