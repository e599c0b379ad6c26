/* The one-line editor (widgets/lineedit.h). */
#include "widgets/lineedit.h"

#include "keymaps/keymap.h"

#include <ncurses.h>

static void cut_to(struct strbuf *t, size_t len)
{
	t->len = len;
	if (t->s)
		t->s[len] = '\0';
}

/* The start of the character that ends at len. */
static size_t char_before(const struct strbuf *t, size_t len)
{
	while (len && ((unsigned char)t->s[len - 1] & 0xC0) == 0x80)
		len--;
	return len ? len - 1 : 0;
}

enum lineedit_result lineedit_key(struct strbuf *t, int key)
{
	if (key == (KEY_FUNC | KEY_BACKSPACE) || key == 127 || key == 8) {
		if (!t->len)
			return EDIT_SAME;
		cut_to(t, char_before(t, t->len));
		return EDIT_CHANGED;
	}
	if (key == 21) { /* Ctrl-U */
		if (!t->len)
			return EDIT_SAME;
		cut_to(t, 0);
		return EDIT_CHANGED;
	}
	if (key == 23) { /* Ctrl-W: spaces, then back to the previous space */
		size_t n = t->len;
		if (!n)
			return EDIT_SAME;
		while (n && t->s[n - 1] == ' ')
			n--;
		while (n && t->s[n - 1] != ' ')
			n--;
		cut_to(t, n);
		return EDIT_CHANGED;
	}
	if (key >= ' ' && !(key & KEY_FUNC) && key != 127 && key <= 0x10FFFF) {
		sb_addcp(t, (uint32_t)key);
		return EDIT_CHANGED;
	}
	return EDIT_NOT_MINE;
}
