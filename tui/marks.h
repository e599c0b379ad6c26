/* Highlights in the browser: marking measures, articles and passages, notes,
 * copying, opening links and exporting. */
#ifndef EPINEWS_MARKS_H
#define EPINEWS_MARKS_H
#include <stddef.h>

#include "keymaps/actions.h"
#include "widgets/draw.h"

struct app;
struct fact;

void marks_open(struct app *app, char **paths, int npaths);
/* Find every highlight again (after marking, or once the measures are known). */
void marks_refresh(struct app *app);
void marks_close(struct app *app);
/* Which of the open article's facts is marked (for the panel). */
int marks_fact_marked(const struct app *app, const struct fact *f);
/* Marked words and the selection in the open article, as reader spans. */
size_t marks_spans(const struct app *app, struct span *sp, size_t cap);
/* Mark, select, copy, open, export...: 1 when the action was one of these. */
int marks_action(struct app *app, enum action a);
/* Enter (ok = 1) or Esc (ok = 0) on a note, export or overwrite prompt. */
void marks_prompt_done(struct app *app, int ok);
/* Save the store and say `done` ("marked", "unmarked") or why it failed. */
void marks_save(struct app *app, const char *done);
/* Ask for the note of highlight i (or of a new one, -1). */
void marks_ask_note(struct app *app, long i);

#endif
