/* Where the panes go (tui/layout.c): widths from the terminal and the
 * content, the list's share set with < and >, and its state file's text. */
#include <stdio.h>
#include <string.h>

#include "tests/tap.h"
#include "tui/layout.h"

static const char *rect(struct rect r)
{
	static char buf[4][48];
	static int k;
	k = (k + 1) % 4;
	if (r.h <= 0 || r.w <= 0)
		snprintf(buf[k], sizeof buf[k], "none");
	else
		snprintf(buf[k], sizeof buf[k], "%dx%d@%d,%d", r.w, r.h, r.x, r.y);
	return buf[k];
}

static const char *panes(int cols, int rows, int facts_panel, int open, size_t nfacts, const struct layout_prefs *p)
{
	static char buf[160];
	struct layout_in in = { cols, rows, facts_panel, open, nfacts };
	struct layout_out o;
	layout_panes(&in, p, &o);
	snprintf(buf, sizeof buf, "list %s reader %s facts %s", rect(o.list), rect(o.reader), rect(o.facts));
	return buf;
}

int main(void)
{
	struct layout_prefs p;
	layout_prefs_default(&p);
	is_str(panes(120, 32, 1, 1, 3, &p), "list 42x31@0,0 reader 77x27@43,0 facts 77x3@43,28",
	       "120x32, an article with 3 measures: the reader gets 77 columns, the measures 3 rows under it");
	is_str(panes(120, 32, 1, 1, 0, &p), "list 42x31@0,0 reader 77x29@43,0 facts 77x1@43,30",
	       "120x32, no measures: the panel is one line");
	is_str(panes(120, 32, 1, 1, 40, &p), "list 42x31@0,0 reader 77x20@43,0 facts 77x10@43,21",
	       "many measures take a third of the height at most");
	is_str(panes(200, 50, 1, 1, 5, &p), "list 70x49@0,0 reader 80x49@71,0 facts 48x49@152,0",
	       "200x50: the measures a third column of 48, the reader 80");
	is_str(panes(160, 40, 1, 1, 5, &p), "list 56x39@0,0 reader 103x33@57,0 facts 103x5@57,34",
	       "160x40: a third column would leave the reader under 60, so the measures go under it");
	is_str(panes(120, 32, 0, 1, 3, &p), "list 42x31@0,0 reader 77x31@43,0 facts none",
	       "f hides the measures: the reader takes their rows");
	is_str(panes(100, 30, 1, 1, 3, &p), "list 100x9@0,0 reader 100x15@0,10 facts 100x3@0,26",
	       "100x30: stacked, the measures as tall as their rows");
	is_str(panes(80, 24, 1, 0, 0, &p), "list 80x7@0,0 reader 80x15@0,8 facts none",
	       "80x24, nothing open: no measures panel");

	struct layout_prefs wide = { 75, 33 };
	is_str(panes(120, 32, 1, 1, 3, &wide), "list 59x31@0,0 reader 60x27@60,0 facts 60x3@60,28",
	       "a list set wide gives way to keep the reader at 60 when an article is open");
	is_str(panes(120, 32, 1, 0, 0, &wide), "list 90x31@0,0 reader 29x31@91,0 facts none",
	       "and keeps its width while nothing is open");

	struct layout_in in = { 120, 32, 1, 1, 3 };
	struct layout_prefs q;
	layout_prefs_default(&q);
	ok(layout_resize(&in, &q, 1) && q.list_width == 40, "> widens the list by 5%% side by side");
	ok(layout_resize(&in, &q, -1) && layout_resize(&in, &q, -1) && q.list_width == 30, "< narrows it");
	q.list_width = 50;
	ok(!layout_resize(&in, &q, 1) && q.list_width == 50,
	   "> past what the reader's 60 columns allow changes nothing, and says so");
	q.list_width = 15;
	ok(!layout_resize(&in, &q, -1) && q.list_width == 15, "< at 15%% changes nothing");
	struct layout_in stacked = { 100, 30, 1, 1, 3 };
	ok(layout_resize(&stacked, &q, 1) && q.list_height == 38 && q.list_width == 15,
	   "stacked, > makes the list taller and leaves its width alone");

	struct layout_prefs r;
	layout_prefs_default(&r);
	layout_prefs_parse(&r, "list-width 50\nbogus 3\nlist-height x\nlist-height 99\n");
	ok(r.list_width == 50 && r.list_height == 75, "the state file: values read, clamped; bad lines skipped");
	return done_testing();
}
