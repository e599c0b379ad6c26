/* Colour themes: dark, light and mono (the `theme` option, NO_COLOR). */
#ifndef EPINEWS_THEME_H
#define EPINEWS_THEME_H
#include <curses.h>

struct app;

enum { ATTR_NORMAL, ATTR_SELECTED, ATTR_SELECTED_DIM, ATTR_STATUS, ATTR_TITLE, ATTR_HIT,
       ATTR_FACT, ATTR_FACT_CURRENT, ATTR_BORDER, ATTR_DIM, ATTR_MARK, ATTR_COUNT };

/* Decide on colour and set up the colour pairs (after initscr). */
void theme_init(struct app *app);
/* The attribute for a kind of text in the theme in force. */
attr_t app_attr(const struct app *app, int which);

#endif
