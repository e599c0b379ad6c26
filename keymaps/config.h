/* The config file ($XDG_CONFIG_HOME/epinews/config): bind and unbind lines for the
 * keymap, set lines for options. A bad line is reported as file:line: reason and
 * the rest still applies. */
#ifndef EPINEWS_CONFIG_H
#define EPINEWS_CONFIG_H
#include <stddef.h>

#include "core/diag.h"
#include "keymaps/keymap.h"

enum theme { THEME_DEFAULT, THEME_LIGHT, THEME_MONO };

struct options {
	enum theme theme;
	int facts_panel;    /* the measures panel starts shown */
	int ambiguous_wide; /* East Asian ambiguous-width characters take two cells */
	int mouse;          /* clicks and the wheel (off: the terminal keeps text selection) */
};

void options_init(struct options *o);
/* Apply one line: bind, unbind, set, a comment or nothing. 0, or -1 with *why. */
int config_apply_line(struct keymap *km, struct options *o, const char *line, const char **why,
		      char *whybuf, size_t whysize);
/* Apply a whole file's text; returns the number of bad lines. */
int config_apply_text(struct keymap *km, struct options *o, const char *text, size_t n,
		      const char *name, struct diag *dg);
/* "set" lines for the current options. */
void options_dump(const struct options *o, struct strbuf *out);

#endif
