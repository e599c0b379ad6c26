/* The three panes the browser is split in: list, reader and measures. */
#ifndef EPINEWS_PANES_H
#define EPINEWS_PANES_H
#include "tui/state.h"

extern const struct pane_ops list_pane_ops, reader_pane_ops, facts_pane_ops;

#endif
