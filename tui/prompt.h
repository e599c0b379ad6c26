/* The one-line prompt on the status line. */
#ifndef EPINEWS_PROMPT_H
#define EPINEWS_PROMPT_H
#include "core/strbuf.h"

struct app;

/* Open the search prompt on the query in force plus `add` (a field to fill in). */
void prompt_search(struct app *app, const char *add);
/* A key while a prompt is open. */
void prompt_key(struct app *app, int key);
/* The query in force as text: the filters, then what was searched. */
void prompt_query_in_force(const struct app *app, struct strbuf *s);

#endif
