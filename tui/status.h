/* The status line, the last line of the screen. */
#ifndef EPINEWS_STATUS_H
#define EPINEWS_STATUS_H

struct app;

/* Draw it (and place the cursor when a prompt is open). */
void status_draw(struct app *app);

#endif
