/* The stack of views over the panes (tui/view.h). */
#include "tui/view.h"

int view_push(struct view_stack *st, struct app *app, const struct view_ops *ops, void *self)
{
	if (st->n >= VIEW_MAX) {
		ops->close(app, self);
		return -1;
	}
	st->v[st->n++] = (struct view){ ops, self };
	return 0;
}

void view_pop(struct view_stack *st, struct app *app)
{
	if (!st->n)
		return;
	struct view v = st->v[--st->n];
	v.ops->close(app, v.self);
}

void view_pop_all(struct view_stack *st, struct app *app)
{
	while (st->n)
		view_pop(st, app);
}

const struct view *view_top(const struct view_stack *st)
{
	return st->n ? &st->v[st->n - 1] : NULL;
}

int view_move(struct listsel *l, enum action a, size_t n, int h)
{
	long page = h > 1 ? h - 1 : 1;
	switch (a) {
	case ACT_MOVE_DOWN: listsel_step(l, 1, n); break;
	case ACT_MOVE_UP: listsel_step(l, -1, n); break;
	case ACT_PAGE_DOWN: listsel_step(l, page, n); break;
	case ACT_PAGE_UP: listsel_step(l, -page, n); break;
	case ACT_FIRST: listsel_first(l); break;
	case ACT_LAST: listsel_last(l, n); break;
	default: return 0;
	}
	listsel_show(l, n, h);
	return 1;
}

static int dispatch(struct view_stack *st, struct app *app, const struct view *v, int key, enum action a)
{
	const struct view_ops *ops = v->ops;
	void *self = v->self;
	if (ops->key(app, self, key, a))
		return 1;
	size_t n = 0;
	int h = 0;
	struct listsel *l = ops->list ? ops->list(app, self, &n, &h) : NULL;
	if (l && view_move(l, a, n, h))
		return 1;
	if (a == ACT_QUIT || key == 27) {
		view_pop(st, app);
		return 1;
	}
	return 0;
}

int view_key(struct view_stack *st, struct app *app, const struct keymap *km, int key, enum action *bound)
{
	const struct view *v = view_top(st);
	if (!v)
		return 0;
	*bound = v->ops->raw_keys ? ACT_NONE : keymap_lookup(km, v->ops->ctx, key);
	return dispatch(st, app, v, key, *bound);
}

int view_action(struct view_stack *st, struct app *app, enum action a)
{
	const struct view *v = view_top(st);
	return v ? dispatch(st, app, v, 0, a) : 0;
}
