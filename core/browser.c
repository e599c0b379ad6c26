#include "browser.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "xalloc.h"

int browser_url_ok(const char *url)
{
	return !strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8);
}

/* One word with %s made the URL and %% a %; *used says whether %s was there. */
static char *expand(const char *w, size_t n, const char *url, int *used)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '%' && i + 1 < n && w[i + 1] == 's') {
			sb_adds(&sb, url);
			*used = 1;
			i++;
		} else if (w[i] == '%' && i + 1 < n && w[i + 1] == '%') {
			sb_addc(&sb, '%');
			i++;
		} else {
			sb_addc(&sb, w[i]);
		}
	}
	return sb.s ? sb_detach(&sb) : xstrdup("");
}

int browser_commands(const char *env, const char *url, struct browser_cmd *out, int max)
{
	const char *list = env && *env ? env : "xdg-open";
	int n = 0;
	for (const char *p = list; *p && n < max;) {
		const char *e = strchr(p, ':');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		struct browser_cmd c;
		int argc = 0, used = 0;
		for (size_t i = 0; i < len && argc < BROWSER_MAX_ARGS;) {
			while (i < len && (p[i] == ' ' || p[i] == '\t'))
				i++;
			size_t s = i;
			while (i < len && p[i] != ' ' && p[i] != '\t')
				i++;
			if (i > s)
				c.argv[argc++] = expand(p + s, i - s, url, &used);
		}
		if (argc) {
			if (!used)
				c.argv[argc++] = xstrdup(url);
			c.argv[argc] = NULL;
			out[n++] = c;
		}
		if (!e)
			break;
		p = e + 1;
	}
	return n;
}

void browser_cmd_free(struct browser_cmd *c)
{
	for (int i = 0; c->argv[i]; i++)
		free(c->argv[i]);
	c->argv[0] = NULL;
}
