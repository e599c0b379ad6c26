/* The scripted subcommands: everything the browser shows, as text or JSON. */
#ifndef EPINEWS_CLI_H
#define EPINEWS_CLI_H

#include "core/archive.h"
#include "core/corpus.h"
#include "core/strbuf.h"

enum { EXIT_OK = 0, EXIT_NOTHING = 1, EXIT_USAGE = 2, EXIT_DAMAGED = 4 };

int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_facts(int argc, char **argv);
int cmd_places(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_index(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_mark(int argc, char **argv);
int cmd_unmark(int argc, char **argv);
int cmd_highlights(int argc, char **argv);

/* A diag sink: "FILE:LINE: REASON" on stderr (line 1 for a whole file). */
void cli_report(void *arg, const char *path, uint64_t line, const char *msg);
/* Load every path (messages to stderr) and assign ids. Returns the article count. */
size_t cli_load(struct archive *ar, char **paths, int npaths);
enum { NEED_INDEX = 1, NEED_FACTS = 2 };
/* Load a corpus with what `need` asks for, from the cache when it can be used. */
void cli_open(struct corpus *c, char **paths, int npaths, unsigned need);
/* The command line, for starting again (see cli_cache_damaged). */
void cli_set_argv(char **argv);
/* A corpus's `damaged` hook: damage found in the cache after it was opened.
 * When nothing has been printed yet, the same command starts again (once) and
 * rebuilds the cache; else it stops with EXIT_DAMAGED and says so. */
void cli_cache_damaged(void *arg, const char *file, const char *why);
/* Say why and start the command again (once), else exit with EXIT_DAMAGED. The
 * command started again finds the reason in this environment variable. */
#define CLI_RESTARTED "EPINEWS_RESTARTED"
void cli_restart(const char *file, const char *why) __attribute__((noreturn));
/* Turn the cache off (--no-cache) for this process. */
void cli_set_cache(int on);
/* The cache file for these paths as this process reads them (--map included),
 * or NULL when the cache is off or has no home. */
const char *cli_cache_path(char **paths, int npaths, char *buf, size_t size);
/* --map FIELD=PATH, for every archive this process loads. 0, or -1 with *why. */
struct field_maps;
int cli_add_map(const char *spec, const char **why);
const struct field_maps *cli_maps(void);
/* The config file's "json GLOB FIELD=PATH…" lines; a bad one is reported as
 * FILE:LINE: reason and the rest apply. Call before the --map options. */
void cli_read_config_maps(void);
/* While the cache `file` may be being written (from the load that rebuilds it
 * to its save), a stop by SIGINT, SIGTERM or SIGHUP removes the temporary
 * file first. NULL: the guard is lifted. */
void cli_guard_cache(const char *file);
int cli_cache_on(void);
/* Print "epinews CMD: message" and a hint to stderr; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The user's saved searches (config search lines and the searches file), read
 * on first use; bad lines are reported on stderr. */
struct searches;
const struct searches *cli_searches(void);
/* Write sb to stdout and empty it. */
void cli_flush(struct strbuf *sb);

/* "ID\tDATE\tPLACE\tSOURCE\tTITLE\n" */
void out_list_line(struct strbuf *sb, const struct article *a);
/* The article as one JSON object (no newline); with the body when `body`. */
void out_article_json(struct strbuf *sb, const struct article *a, int body);
/* The article as `show` prints it. */
void out_article_text(struct strbuf *sb, const struct article *a);

#endif
