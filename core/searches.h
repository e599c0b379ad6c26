/* Saved searches: a query kept under a name and used as @NAME in any query.
 * They come from `search NAME = QUERY` lines in the config file and from
 * $XDG_DATA_HOME/epinews/searches (NAME = QUERY lines), where the browser saves
 * them: the user's config is never rewritten. */
#ifndef EPINEWS_SEARCHES_H
#define EPINEWS_SEARCHES_H
#include <stddef.h>

#include "diag.h"

struct saved_search {
	char *name, *query; /* owned */
	int saved;          /* from the searches file (the browser writes those back) */
};

struct searches {
	struct saved_search *v;
	size_t n, cap;
};

void searches_init(struct searches *s);
void searches_free(struct searches *s);
/* Is name[0..n) a valid name: letters, digits, _ and -, or any non-ASCII
 * character (Chinese names work), 1 to 40 bytes? */
int searches_name_ok(const char *name, size_t n);
/* Add or replace. 0, or -1 with *why when the name is not valid. */
int searches_put(struct searches *s, const char *name, const char *query, int saved, const char **why);
/* Parse "NAME = QUERY" into s. 0, or -1 with *why. */
int searches_parse_line(struct searches *s, const char *line, int saved, const char **why);
/* The query saved as name[0..n), or NULL. */
const char *searches_find(const struct searches *s, const char *name, size_t n);
/* Load a searches file's text (NAME = QUERY lines, # comments); bad lines are
 * reported as name:line: reason. Returns the number of bad lines. */
int searches_load_text(struct searches *s, const char *text, size_t n, const char *name, struct diag *dg);
/* The `search NAME = QUERY` lines of a config file's text; other lines are the
 * config parser's. */
int searches_load_config(struct searches *s, const char *text, size_t n, const char *name, struct diag *dg);
/* The saved ones as a searches file's text, into a malloc'd string. */
char *searches_format(const struct searches *s, size_t *len);
/* The user's: the config file's search lines, then the searches file. A
 * missing file is no problem; bad lines go to dg. */
void searches_load_user(struct searches *s, struct diag *dg);
/* Write the saved ones to the searches file (whole or not at all). 0, or -1
 * with errno. */
int searches_save_user(const struct searches *s);
/* The searches file's name, into buf, or NULL when it has no home. */
const char *searches_file(char *buf, size_t size);

#endif
