/* Where the panes go: from the terminal's size, what is open and how many
 * measures it has, and the list's share the user set with < and >
 * (remembered in $XDG_STATE_HOME/epinews/layout, never in the config). No
 * curses here: tests call layout_panes directly. */
#ifndef EPINEWS_LAYOUT_H
#define EPINEWS_LAYOUT_H
#include <stddef.h>

struct layout_prefs {
	int list_width;  /* percent of the columns, side by side */
	int list_height; /* percent of the rows, stacked */
};

struct rect {
	int y, x, h, w;
};

/* What the layout depends on besides the size. */
struct layout_in {
	int cols, rows;   /* the screen, the status line included */
	int facts_panel;  /* the measures panel is on (f) */
	int article_open;
	size_t nfacts;    /* measures of the open article (0: the panel is one line) */
};

struct layout_out {
	struct rect list, reader, facts; /* facts.h == 0: not shown */
};

enum { LAYOUT_READER_MIN = 60, LAYOUT_LIST_MIN = 24, LAYOUT_FACTS_W = 48, LAYOUT_THREE_COLUMNS = 160 };

void layout_prefs_default(struct layout_prefs *p);
void layout_panes(const struct layout_in *in, const struct layout_prefs *p, struct layout_out *out);
/* Grow (+1) or shrink (-1) the list in the layout that `in` gives: 1 when it changed. */
int layout_resize(const struct layout_in *in, struct layout_prefs *p, int dir);
/* The prefs from the state file's text ("list-width 40" lines); unknown or
 * bad lines are skipped. */
void layout_prefs_parse(struct layout_prefs *p, const char *text);
/* Read and write $XDG_STATE_HOME/epinews/layout: 0, or -1 (errno). */
int layout_prefs_load(struct layout_prefs *p);
int layout_prefs_save(const struct layout_prefs *p);

#endif
