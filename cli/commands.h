/* The subcommands and their options, in one table: what dispatch, "did you
 * mean", option parsing, each command's --help and the top-level usage read,
 * and what tests/commands.sh checks the man page and the completions against. */
#ifndef EPINEWS_COMMANDS_H
#define EPINEWS_COMMANDS_H
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

struct cli_option {
	const char *name; /* the long name, without "--"; NULL ends a list */
	int key;          /* what the parser returns for it */
	int short_too;    /* key is also accepted as -KEY */
	const char *arg;  /* the argument's name in help, or NULL for a flag */
	const char *help; /* one line */
};

struct cli_command {
	const char *name;
	const char *synopsis;    /* after "epinews NAME ": options and operands */
	const char *summary;     /* one line, for the top-level usage */
	const char *description; /* --help: what it does, what it prints */
	const struct cli_option *opts;
	const char *notes;       /* --help, after the options; or NULL */
	int (*run)(int argc, char **argv);
};

extern const struct cli_command cli_commands[];
extern const size_t cli_ncommands;

/* The command of that name, or NULL. */
const struct cli_command *cli_find_command(const char *name);
/* The command a mistyped word is nearest to (at most 2 edits, or a prefix), or NULL. */
const char *cli_nearest_command(const char *word);

/* Parsing a command's options: getopt_long over the table's entries. */
struct cli_parse {
	const struct cli_command *cmd;
	int argc;
	char **argv;
	struct option lo[24];
	char so[64];
};
void cli_parse_begin(struct cli_parse *p, const char *cmd, int argc, char **argv);
/* The next option's key (its argument in optarg); -1 after the last; 'h' for
 * --help; '?' after saying on stderr what is wrong with one. */
int cli_parse_next(struct cli_parse *p);

/* Print the command's --help to stdout; returns 0 (EXIT_OK). */
int cli_help(const char *cmd);
/* The top-level usage: every command's synopsis and summary. */
void cli_usage_all(FILE *out);

#endif
