/* A list's selection and scroll position (widgets/listsel.h). */
#include "widgets/listsel.h"

void listsel_step(struct listsel *l, long delta, size_t n)
{
	if (!n) {
		l->sel = l->top = 0;
		return;
	}
	if (delta < 0)
		l->sel = (size_t)-delta > l->sel ? 0 : l->sel - (size_t)-delta;
	else
		l->sel = (size_t)delta >= n - l->sel ? n - 1 : l->sel + (size_t)delta;
}

void listsel_first(struct listsel *l)
{
	l->sel = l->top = 0;
}

void listsel_last(struct listsel *l, size_t n)
{
	l->sel = n ? n - 1 : 0;
}

void listsel_show(struct listsel *l, size_t n, int h)
{
	if (l->sel >= n)
		l->sel = n ? n - 1 : 0;
	if (l->sel < l->top)
		l->top = l->sel;
	if (h > 0 && l->sel >= l->top + (size_t)h)
		l->top = l->sel - (size_t)h + 1;
}

void listsel_scroll(struct listsel *l, long delta, size_t n, int h)
{
	size_t max_top = h > 0 && n > (size_t)h ? n - (size_t)h : 0;
	if (delta < 0)
		l->top = (size_t)-delta > l->top ? 0 : l->top - (size_t)-delta;
	else
		l->top += (size_t)delta < max_top ? (size_t)delta : max_top; /* no overflow; clamped below */
	if (l->top > max_top)
		l->top = max_top;
}
