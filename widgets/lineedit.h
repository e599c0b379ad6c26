/* The one-line editor of the prompt and the pickers: what a key does to the
 * text being typed. */
#ifndef EPINEWS_LINEEDIT_H
#define EPINEWS_LINEEDIT_H
#include "core/strbuf.h"

enum lineedit_result {
	EDIT_NOT_MINE, /* not an editing key: for the caller */
	EDIT_CHANGED,  /* the text changed */
	EDIT_SAME,     /* an editing key that changed nothing (Backspace on nothing) */
};

/* Backspace (the last character, whole), Ctrl-U (the line), Ctrl-W (the last
 * word) and printable characters; any other key is EDIT_NOT_MINE. */
enum lineedit_result lineedit_key(struct strbuf *text, int key);

#endif
