/* The help view: every action with its keys, from the keymap in force. */
#ifndef EPINEWS_HELP_H
#define EPINEWS_HELP_H
#include "keymaps/keymap.h"

struct app;

/* Push the help for the keys of context ctx (and what the others bind). */
void help_open(struct app *app, enum keymap_context ctx);

#endif
