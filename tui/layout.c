/* Pane geometry and the remembered list size (tui/layout.h).
 *
 * Side by side from 120 columns: the list at its share, then the reader,
 * which gets at least 60 columns when an article is open (the list gives
 * way, down to 24). From 160 columns the measures are a third column of 48 (when the reader keeps 60);
 * below, they sit under the reader, as tall as their rows (a third of the
 * height at most). Under 120 columns everything is stacked. A panel with no
 * measures is one line; with no article open there is none. */
#include "tui/layout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/files.h"

enum { WIDTH_MIN = 15, WIDTH_MAX = 75, HEIGHT_MIN = 15, HEIGHT_MAX = 75, STEP = 5 };

void layout_prefs_default(struct layout_prefs *p)
{
	p->list_width = 35;
	p->list_height = 33;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Rows of the measures panel: one when empty, else its rows up to a third. */
static int facts_rows(const struct layout_in *in, int room)
{
	if (!in->article_open)
		return 0; /* nothing open: no panel */
	if (!in->nfacts)
		return 1;
	int most = room / 3 > 1 ? room / 3 : 1;
	return in->nfacts < (size_t)most ? (int)in->nfacts : most;
}

void layout_panes(const struct layout_in *in, const struct layout_prefs *p, struct layout_out *out)
{
	int W = in->cols, H = in->rows - 1; /* the last line is the status line */
	memset(out, 0, sizeof *out);
	if (W >= 120) {
		int lw = W * clamp(p->list_width, WIDTH_MIN, WIDTH_MAX) / 100;
		if (in->article_open && W - lw - 1 < LAYOUT_READER_MIN)
			lw = W - 1 - LAYOUT_READER_MIN > LAYOUT_LIST_MIN ? W - 1 - LAYOUT_READER_MIN : LAYOUT_LIST_MIN;
		int rx = lw + 1, rw = W - rx;
		out->list = (struct rect){ 0, 0, H, lw };
		if (!in->facts_panel) {
			out->reader = (struct rect){ 0, rx, H, rw };
		} else if (W >= LAYOUT_THREE_COLUMNS && in->article_open && in->nfacts &&
			   rw - LAYOUT_FACTS_W - 1 >= LAYOUT_READER_MIN) {
			out->reader = (struct rect){ 0, rx, H, rw - LAYOUT_FACTS_W - 1 };
			out->facts = (struct rect){ 0, W - LAYOUT_FACTS_W, H, LAYOUT_FACTS_W };
		} else if (!facts_rows(in, H)) {
			out->reader = (struct rect){ 0, rx, H, rw };
		} else { /* the measures under the reader */
			int fh = facts_rows(in, H);
			out->reader = (struct rect){ 0, rx, H - fh - 1, rw };
			out->facts = (struct rect){ H - fh, rx, fh, rw };
		}
		return;
	}
	int lh = H * clamp(p->list_height, HEIGHT_MIN, HEIGHT_MAX) / 100;
	lh = lh < 3 ? 3 : lh;
	int below = H - lh - 1; /* rows under the list and its rule */
	int fh = in->facts_panel ? facts_rows(in, below) : 0;
	out->list = (struct rect){ 0, 0, lh, W };
	out->reader = (struct rect){ lh + 1, 0, below - (fh ? fh + 1 : 0), W };
	if (fh)
		out->facts = (struct rect){ H - fh, 0, fh, W };
}

int layout_resize(const struct layout_in *in, struct layout_prefs *p, int dir)
{
	struct layout_out before, after;
	layout_panes(in, p, &before);
	int *v = in->cols >= 120 ? &p->list_width : &p->list_height;
	int lo = in->cols >= 120 ? WIDTH_MIN : HEIGHT_MIN, hi = in->cols >= 120 ? WIDTH_MAX : HEIGHT_MAX;
	int old = *v;
	/* step until the list really changes (the reader's minimum may hold it) */
	for (int k = 0; k < (hi - lo) / STEP + 1; k++) {
		*v = clamp(*v + dir * STEP, lo, hi);
		layout_panes(in, p, &after);
		if (after.list.w != before.list.w || after.list.h != before.list.h)
			return 1;
		if (*v == lo || *v == hi)
			break;
	}
	*v = old;
	return 0;
}

void layout_prefs_parse(struct layout_prefs *p, const char *text)
{
	for (const char *l = text; l && *l;) {
		char key[32];
		int v;
		if (sscanf(l, "%31s %d", key, &v) == 2) {
			if (!strcmp(key, "list-width"))
				p->list_width = clamp(v, WIDTH_MIN, WIDTH_MAX);
			else if (!strcmp(key, "list-height"))
				p->list_height = clamp(v, HEIGHT_MIN, HEIGHT_MAX);
		}
		l = strchr(l, '\n');
		l = l ? l + 1 : NULL;
	}
}

static const char *state_path(char *buf, size_t size)
{
	return xdg_file("XDG_STATE_HOME", ".local/state", "layout", buf, size);
}

int layout_prefs_load(struct layout_prefs *p)
{
	char path[4096];
	if (!state_path(path, sizeof path))
		return errno = ENOENT, -1;
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char text[512];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	layout_prefs_parse(p, text);
	return 0;
}

int layout_prefs_save(const struct layout_prefs *p)
{
	char path[4096], text[128];
	if (!state_path(path, sizeof path))
		return errno = ENOENT, -1;
	int n = snprintf(text, sizeof text, "list-width %d\nlist-height %d\n", p->list_width, p->list_height);
	if (make_parent_dirs(path) < 0)
		return -1;
	return write_atomic(path, text, (size_t)n, 1);
}
