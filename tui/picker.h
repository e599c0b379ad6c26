/* Pickers: a place, a month, a kind of measure or a saved search, chosen from
 * what the archive holds; pushed as a view. */
#ifndef EPINEWS_PICKER_H
#define EPINEWS_PICKER_H

struct app;

enum pick_kind { PICK_PLACE, PICK_DATE, PICK_KIND, PICK_SEARCH };

/* Push the picker of a kind (or say why there is nothing to pick). */
void picker_open(struct app *app, enum pick_kind kind);

#endif
