/* The search prompt's history ($XDG_DATA_HOME/epinews/history). */
#ifndef EPINEWS_HISTORY_H
#define EPINEWS_HISTORY_H

struct app;

/* Add a query entered (not twice in a row, at most 200 kept). */
void history_add(struct app *app, const char *q);
/* Up (-1) or Down (+1) in the prompt: an older or newer query as the text typed. */
void history_step(struct app *app, int dir);
void history_load(struct app *app);
void history_save(const struct app *app);

#endif
