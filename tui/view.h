/* Views pushed over the panes: help, the pickers, the highlights list. Each
 * is one file with a struct view_ops and its own private state; the main loop
 * draws the top one and gives it every key first, then generic movement
 * (through its listsel) and q/Esc, which pop it.
 *
 * A new view: a file with its ops and a function that allocates its state
 * and calls view_push; a row in the action table of tui/app.c if a key
 * opens it. */
#ifndef EPINEWS_VIEW_H
#define EPINEWS_VIEW_H
#include "keymaps/keymap.h"
#include "widgets/listsel.h"

struct app;

struct view_ops {
	const char *name;
	enum keymap_context ctx; /* the keymap its keys are looked up in */
	int raw_keys;            /* keys come unmapped (a picker types them) */
	const enum action *hint; /* the keys for the status line's hint, ACT_NONE last; or NULL */
	void (*draw)(struct app *app, void *self);
	/* a key and the action bound to it in ctx (0 for raw keys): 1 when handled */
	int (*key)(struct app *app, void *self, int key, enum action a);
	/* the view's list, its length and the rows it shows, for generic movement;
	 * NULL when it has none */
	struct listsel *(*list)(struct app *app, void *self, size_t *n, int *h);
	/* free self; called once, when the view is popped */
	void (*close)(struct app *app, void *self);
};

struct view {
	const struct view_ops *ops;
	void *self;
};

enum { VIEW_MAX = 8 };

/* The views open, the last on top; owned by struct app, which it knows only
 * as the argument it hands to the views. */
struct view_stack {
	struct view v[VIEW_MAX];
	int n;
};

/* Put a view on top, owning self: 0, or -1 when the stack is full (self is
 * closed at once). */
int view_push(struct view_stack *st, struct app *app, const struct view_ops *ops, void *self);
/* Close the top view. */
void view_pop(struct view_stack *st, struct app *app);
/* Close every view. */
void view_pop_all(struct view_stack *st, struct app *app);
/* The top view, or NULL when the panes show. */
const struct view *view_top(const struct view_stack *st);
/* Give the top view a key (bound to *bound in its keymap): its own handler,
 * then movement, then q/Esc, which pop it. 0 when nothing took it. */
int view_key(struct view_stack *st, struct app *app, const struct keymap *km, int key, enum action *bound);
/* Give the top view an action with no key (the mouse wheel's movement). */
int view_action(struct view_stack *st, struct app *app, enum action a);
/* Movement in a list by action; 1 when a was a movement. */
int view_move(struct listsel *l, enum action a, size_t n, int h);

#endif
