/* A view built the way the README's Layout section says, outside the browser:
 * its own state, a view_ops, pushed on the stack. The stack gives it keys
 * first, then movement through its listsel, then q and Esc, which pop it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymaps/keymap.h"
#include "tests/tap.h"
#include "tui/view.h"

/* The demo view: five rows; x counts its own key; the log says what ran. */
struct demo {
	struct listsel ls;
	int x_pressed;
	char *log; /* owned by the test */
};

static void demo_draw(struct app *app, void *self)
{
	(void)app;
	struct demo *d = self;
	strcat(d->log, "draw ");
}

static int demo_key(struct app *app, void *self, int key, enum action a)
{
	(void)app;
	(void)a;
	struct demo *d = self;
	if (key == 'x') {
		d->x_pressed++;
		return 1;
	}
	return 0;
}

static struct listsel *demo_list(struct app *app, void *self, size_t *n, int *h)
{
	(void)app;
	struct demo *d = self;
	*n = 5;
	*h = 3;
	return &d->ls;
}

static void demo_close(struct app *app, void *self)
{
	(void)app;
	struct demo *d = self;
	strcat(d->log, "close ");
	free(d);
}

static const struct view_ops demo_view = {
	.name = "demo",
	.ctx = CTX_LIST,
	.draw = demo_draw,
	.key = demo_key,
	.list = demo_list,
	.close = demo_close,
};

static struct demo *demo_open(struct view_stack *st, char *log)
{
	struct demo *d = calloc(1, sizeof *d);
	d->log = log;
	return view_push(st, NULL, &demo_view, d) == 0 ? d : NULL;
}

int main(void)
{
	struct keymap km;
	keymap_init(&km);
	struct view_stack st = { .n = 0 };
	char log[256] = "";
	enum action a;

	ok(view_top(&st) == NULL, "no view: the panes show");
	ok(!view_key(&st, NULL, &km, 'j', &a), "and keys are not taken");
	struct demo *d = demo_open(&st, log);
	ok(d && view_top(&st) && view_top(&st)->ops == &demo_view, "the demo view is on top once pushed");
	view_top(&st)->ops->draw(NULL, view_top(&st)->self);
	is_str(log, "draw ", "the top view draws");
	ok(view_key(&st, NULL, &km, 'x', &a) && d->x_pressed == 1, "the view sees its own key first");
	view_key(&st, NULL, &km, 'j', &a);
	view_key(&st, NULL, &km, 'j', &a);
	is_int((long long)d->ls.sel, 2, "j j moves its list by the keymap, without code in the view");
	view_key(&st, NULL, &km, 'G', &a);
	is_int((long long)d->ls.sel * 10 + (long long)d->ls.top, 42, "G goes to the last row and scrolls it into 3 rows");
	view_action(&st, NULL, ACT_MOVE_UP);
	is_int((long long)d->ls.sel, 3, "the mouse wheel's move-up moves it too");
	ok(!view_key(&st, NULL, &km, '?', &a) && a == ACT_HELP, "a key it does not take (help) is left to the browser");
	struct demo *d2 = demo_open(&st, log);
	ok(d2 && st.n == 2, "a second view goes over the first");
	view_key(&st, NULL, &km, 'q', &a);
	ok(st.n == 1 && view_top(&st)->self == d, "q pops the top view only");
	view_key(&st, NULL, &km, 27, &a);
	is_str(log, "draw close close ", "Esc pops the last; each view closed once");
	ok(view_top(&st) == NULL, "and the panes show again");

	for (int i = 0; i < VIEW_MAX; i++)
		demo_open(&st, log);
	log[0] = '\0';
	ok(demo_open(&st, log) == NULL && !strcmp(log, "close "), "a view past the stack's room is refused and freed");
	view_pop_all(&st, NULL);
	ok(st.n == 0, "all views popped");
	keymap_free(&km);
	return done_testing();
}
