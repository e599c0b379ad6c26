/* The highlights list: every highlight of the archive, sortable, opened,
 * annotated or removed from one place; pushed as a view. */
#ifndef EPINEWS_HIGHLIGHTS_H
#define EPINEWS_HIGHLIGHTS_H

struct app;

void highlights_open(struct app *app);

#endif
