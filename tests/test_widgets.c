/* The list selection and the line editor every list and prompt of the
 * browser share. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "keymaps/keymap.h"
#include "tests/tap.h"
#include "widgets/lineedit.h"
#include "widgets/listsel.h"

static const char *sel(struct listsel l)
{
	static char buf[64];
	snprintf(buf, sizeof buf, "sel %zu top %zu", l.sel, l.top);
	return buf;
}

static void test_listsel(void)
{
	struct listsel l = { 0, 0 };
	listsel_step(&l, 1, 0);
	is_str(sel(l), "sel 0 top 0", "an empty list stays at row 0");
	listsel_step(&l, 3, 10);
	is_str(sel(l), "sel 3 top 0", "down three rows");
	listsel_step(&l, 100, 10);
	is_str(sel(l), "sel 9 top 0", "a page past the end stops at the last row");
	listsel_show(&l, 10, 4);
	is_str(sel(l), "sel 9 top 6", "the last row shown at the bottom of a 4-row window");
	listsel_step(&l, -2, 10);
	listsel_show(&l, 10, 4);
	is_str(sel(l), "sel 7 top 6", "moving up inside the window keeps it");
	listsel_step(&l, -100, 10);
	listsel_show(&l, 10, 4);
	is_str(sel(l), "sel 0 top 0", "a page before the start stops at row 0 and scrolls to it");
	l = (struct listsel){ 8, 5 };
	listsel_show(&l, 3, 4);
	is_str(sel(l), "sel 2 top 2", "a list that shrank under the selection takes it back in");
	listsel_last(&l, 10);
	is_str(sel(l), "sel 9 top 2", "last moves the selection; show scrolls later");

	struct listsel s = { 0, 0 };
	listsel_scroll(&s, 5, 12, 10);
	is_str(sel(s), "sel 0 top 2", "scrolling stops when the last row is at the bottom");
	listsel_scroll(&s, -1, 12, 10);
	is_str(sel(s), "sel 0 top 1", "scrolling back one row");
	listsel_scroll(&s, 3, 5, 10);
	is_str(sel(s), "sel 0 top 0", "rows that fit do not scroll");
}

static const char *edit(const char *start, int key, int *res)
{
	static struct strbuf t;
	sb_reset(&t);
	sb_adds(&t, start);
	*res = lineedit_key(&t, key);
	return t.s ? t.s : "";
}

static void test_lineedit(void)
{
	int r;
	is_str(edit("武汉", 0x5E8A, &r), "武汉床", "a character typed is added");
	is_int(r, EDIT_CHANGED, "and changes the text");
	is_str(edit("武汉床", KEY_FUNC | KEY_BACKSPACE, &r), "武汉", "Backspace removes a whole wide character");
	is_str(edit("ab", 127, &r), "a", "DEL is Backspace too");
	is_str(edit("", 127, &r), "", "Backspace on nothing");
	is_int(r, EDIT_SAME, "changes nothing");
	is_str(edit("place:武汉 床位", 23, &r), "place:武汉 ", "Ctrl-W removes the last word");
	is_str(edit("床位  ", 23, &r), "", "Ctrl-W takes the spaces before the word too");
	is_str(edit("place:武汉", 21, &r), "", "Ctrl-U clears the line");
	is_str(edit("ab", 27, &r), "ab", "Esc is not an editing key");
	is_int(r, EDIT_NOT_MINE, "and is left to the caller");
	edit("ab", KEY_FUNC | KEY_UP, &r);
	is_int(r, EDIT_NOT_MINE, "nor is an arrow");
	is_str(edit("a", 7, &r), "a", "a control character is not typed");
}

int main(void)
{
	test_listsel();
	test_lineedit();
	return done_testing();
}
