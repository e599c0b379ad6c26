/* A selection in a scrolling list: which row is chosen and which is shown
 * first. Every list of the browser (the panes, the pickers, the highlights,
 * the help) moves and scrolls through these functions. */
#ifndef EPINEWS_LISTSEL_H
#define EPINEWS_LISTSEL_H
#include <stddef.h>

struct listsel {
	size_t sel, top; /* the chosen row, the first row shown */
};

/* Move the selection by `delta` rows within n rows (clamped to the ends). */
void listsel_step(struct listsel *l, long delta, size_t n);
/* To the first row, or to the last of n. */
void listsel_first(struct listsel *l);
void listsel_last(struct listsel *l, size_t n);
/* Keep the selection within n rows and in a window of h rows. */
void listsel_show(struct listsel *l, size_t n, int h);
/* Scroll a list without a selection (the help): top within n rows shown h at a time. */
void listsel_scroll(struct listsel *l, long delta, size_t n, int h);

#endif
