/* Key bindings: key names, per-pane keymaps that fall back to the global one, and
 * the config file that changes them ("bind list j move-down", "unbind reader n"). */
#ifndef EPINEWS_KEYMAP_H
#define EPINEWS_KEYMAP_H
#include <stddef.h>

#include "core/diag.h"
#include "core/strbuf.h"
#include "keymaps/actions.h"

/* A key: a Unicode code point, or KEY_FUNC | an ncurses KEY_* code. */
#define KEY_FUNC 0x1000000

enum keymap_context { CTX_GLOBAL, CTX_LIST, CTX_READER, CTX_FACTS, CTX_HIGHLIGHTS, CTX_COUNT };

struct binding {
	int key;
	enum action action; /* ACT_NONE: unbound here (hides the global binding) */
};

struct keymap {
	struct binding *v[CTX_COUNT];
	size_t n[CTX_COUNT], cap[CTX_COUNT];
};

/* The default bindings, from the action table. */
void keymap_init(struct keymap *km);
void keymap_free(struct keymap *km);
/* The action for a key in a pane: its own binding, else the global one. */
enum action keymap_lookup(const struct keymap *km, enum keymap_context ctx, int key);
/* Parse "j", "G", "?", "C-d", "<Down>", "<Enter>", "<F1>"... Returns -1 when unknown. */
int key_parse(const char *name);
/* Write a key's name ("C-d", "<PgDn>", "j") into buf. */
const char *key_label(int key, char *buf, size_t size);
const char *context_name(enum keymap_context ctx);
/* Apply one bind or unbind line. Returns 0, or -1 with *why set. */
int keymap_apply_line(struct keymap *km, const char *line, const char **why, char *whybuf,
		      size_t whysize);
/* Every effective binding as bind lines, context by context. */
void keymap_dump(const struct keymap *km, struct strbuf *out);
/* The keys bound to an action in a context, space-separated, for the help screen. */
void keymap_keys_for(const struct keymap *km, enum keymap_context ctx, enum action a,
		     struct strbuf *out);

#endif
