#include "keymaps/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

static const char *const themes[] = { "default", "light", "mono" };

void options_init(struct options *o)
{
	o->theme = THEME_DEFAULT;
	o->facts_panel = 1;
	o->ambiguous_wide = 0;
	o->mouse = 0; /* on, the terminal could not select text without Shift */
}

static int boolean(const char *v, int *out)
{
	if (!strcmp(v, "on") || !strcmp(v, "yes") || !strcmp(v, "true")) {
		*out = 1;
		return 0;
	}
	if (!strcmp(v, "off") || !strcmp(v, "no") || !strcmp(v, "false")) {
		*out = 0;
		return 0;
	}
	return -1;
}

static int set_option(struct options *o, const char *name, const char *value, const char **why,
		      char *whybuf, size_t whysize)
{
	if (!strcmp(name, "theme")) {
		for (int t = 0; t < 3; t++)
			if (!strcmp(value, themes[t])) {
				o->theme = (enum theme)t;
				return 0;
			}
		snprintf(whybuf, whysize, "unknown theme \"%.40s\" (default, light, mono)", value);
	} else if (!strcmp(name, "facts-panel") || !strcmp(name, "mouse")) {
		int *target = name[0] == 'f' ? &o->facts_panel : &o->mouse;
		if (boolean(value, target) == 0)
			return 0;
		snprintf(whybuf, whysize, "%s takes on or off, not \"%.40s\"", name, value);
	} else if (!strcmp(name, "ambiguous-width")) {
		if (!strcmp(value, "1") || !strcmp(value, "narrow")) {
			o->ambiguous_wide = 0;
			return 0;
		}
		if (!strcmp(value, "2") || !strcmp(value, "wide")) {
			o->ambiguous_wide = 1;
			return 0;
		}
		snprintf(whybuf, whysize, "ambiguous-width takes 1 or 2, not \"%.40s\"", value);
	} else {
		snprintf(whybuf, whysize,
			 "unknown option \"%.40s\" (theme, facts-panel, ambiguous-width, mouse)", name);
	}
	*why = whybuf;
	return -1;
}

int config_apply_line(struct keymap *km, struct options *o, const char *line, const char **why,
		      char *whybuf, size_t whysize)
{
	const char *p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!strncmp(p, "json", 4) && (p[4] == ' ' || p[4] == '\t'))
		return 0; /* where JSON fields are: read with the archive (cli_read_config_maps) */
	if (!strncmp(p, "search", 6) && (p[6] == ' ' || p[6] == '\t'))
		return 0; /* saved searches: read by searches_load_user, which reports bad ones */
	if (!strncmp(p, "set", 3) && (p[3] == ' ' || p[3] == '\t' || p[3] == '\0')) {
		char name[64], value[128], extra[8];
		int n = sscanf(p + 3, "%63s %127s %7s", name, value, extra);
		if (n != 2) {
			*why = "usage: set OPTION VALUE";
			return -1;
		}
		return set_option(o, name, value, why, whybuf, whysize);
	}
	return keymap_apply_line(km, line, why, whybuf, whysize);
}

int config_apply_text(struct keymap *km, struct options *o, const char *text, size_t n,
		      const char *name, struct diag *dg)
{
	int bad = 0;
	size_t lineno = 0;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(text + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - text) : n;
		lineno++;
		const char *why;
		char whybuf[160];
		if (memchr(text + i, '\0', end - i) ||
		    utf8_valid_prefix((const unsigned char *)text + i, end - i) != end - i) {
			diag_report(dg, name, lineno, "not UTF-8 text, line ignored");
			bad++;
		} else {
			char *line = xstrndup(text + i, end - i);
			if (config_apply_line(km, o, line, &why, whybuf, sizeof whybuf) != 0) {
				diag_report(dg, name, lineno, "%s", why);
				bad++;
			}
			free(line);
		}
		i = end + 1;
	}
	return bad;
}

void options_dump(const struct options *o, struct strbuf *out)
{
	sb_addf(out, "set theme %s\n", themes[o->theme]);
	sb_addf(out, "set facts-panel %s\n", o->facts_panel ? "on" : "off");
	sb_addf(out, "set ambiguous-width %d\n", o->ambiguous_wide ? 2 : 1);
	sb_addf(out, "set mouse %s\n", o->mouse ? "on" : "off");
}
