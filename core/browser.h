/* $BROWSER as the convention has it: a :-separated list of commands tried in
 * turn, each split into words without a shell, %s replaced by the URL (%% is a
 * %), the URL appended when no word holds %s. */
#ifndef EPINEWS_BROWSER_H
#define EPINEWS_BROWSER_H
#include <stddef.h>

#define BROWSER_MAX_ARGS 16

struct browser_cmd {
	char *argv[BROWSER_MAX_ARGS + 2]; /* NULL-terminated, owned */
};

/* Is url an http: or https: address (any case)? Only those are opened. */
int browser_url_ok(const char *url);
/* The commands $BROWSER (env, NULL or empty for xdg-open) names for url, at
 * most max of them, into out. Returns how many. */
int browser_commands(const char *env, const char *url, struct browser_cmd *out, int max);
void browser_cmd_free(struct browser_cmd *c);

#endif
