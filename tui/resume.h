/* What the browser was showing, carried across a restart.
 *
 * When the cache turns out damaged or is cut short under a running browser,
 * the browser starts again on the files (cli_restart). What the user was
 * looking at (the search and filters, the sort, the selected and open article,
 * the reader's scroll, the pane with focus) goes along in the environment, so
 * the new process carries on where the old one was. */
#ifndef EPINEWS_RESUME_H
#define EPINEWS_RESUME_H

struct app;

#define RESUME_ENV "EPINEWS_RESUME"

/* Put the app's view in the environment (for the process exec'd next). */
void resume_save(const struct app *app);
/* Take it back, once the articles are loaded and listed; removes it from the
 * environment. Nothing happens when there is none. */
void resume_apply(struct app *app);

#endif
