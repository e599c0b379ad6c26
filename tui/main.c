/* epinews: entry point. Dispatches to a subcommand, or opens the browser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <errno.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "core/mapguard.h"
#include "core/sanitize.h"
#include "tui/app.h"

/* After the commands' lines, which come from the table (cli/commands.c). */
static const char usage_rest[] =
	"       epinews --dump-keys                the key bindings in force\n"
	"       epinews --help | --version\n"
	"\n"
	"PATH is a file or a directory (read recursively, hidden entries skipped).\n"
	"Formats are recognised from content: >>>title blocks, JSON (lines, object or\n"
	"array), plain articles, scraped web pages and newspaper pages, in UTF-8,\n"
	"UTF-16 or GB18030. Problems are reported on stderr as FILE:LINE: REASON and\n"
	"never stop the rest of the archive from loading.\n"
	"\n"
	"Keys and options can be changed in $XDG_CONFIG_HOME/epinews/config\n"
	"(bind CONTEXT KEY ACTION, unbind CONTEXT KEY, set OPTION VALUE).\n"
	"\n"
	"--no-cache, anywhere, reads the archive without the cache in\n"
	"$XDG_CACHE_HOME/epinews (queries: see `epinews search --help`).\n"
	"--map FIELD=PATH, anywhere and repeatable, says where a JSON file's records\n"
	"(records=data.list) or fields (title, text, date, source, url) are, keys\n"
	"joined by '.': --map text=video_detail.content.\n"
	"\n"
	"Exit status: 0 done, 1 nothing loaded or found, 2 usage error, 3 out of memory,\n"
	"4 the cache was found damaged or cut short after output began (run again).\n"
	"See epinews(1) for the full manual.\n";

/* Take the options for every command out of argv (anywhere before a "--"):
 * --no-cache, and --map FIELD=PATH (repeatable). Returns the new argc, or -1
 * after saying what is wrong with a --map. */
static int strip_global(int argc, char **argv)
{
	int out = 1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		const char *spec = NULL;
		if (!strcmp(argv[i], "--map")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "epinews: --map needs FIELD=PATH, as in --map text=video_detail.content\n");
				return -1;
			}
			spec = argv[++i];
		} else if (!strncmp(argv[i], "--map=", 6)) {
			spec = argv[i] + 6;
		}
		const char *why;
		if (spec && cli_add_map(spec, &why) != 0) {
			char *safe = sanitize_field(spec, strlen(spec)); /* no escape reaches the terminal */
			fprintf(stderr, "epinews: --map %s: %s\n", safe ? safe : "", why);
			free(safe);
			return -1;
		}
		if (spec)
			continue;
		if (!strcmp(argv[i], "--no-cache"))
			cli_set_cache(0);
		else
			argv[out++] = argv[i];
	}
	argv[out] = NULL;
	return out;
}

static void usage(FILE *out)
{
	cli_usage_all(out);
	fputs(usage_rest, out);
}

int main(int argc, char **argv)
{
	cli_read_config_maps(); /* before --map, which wins where both say */
	argc = strip_global(argc, argv);
	if (argc < 0)
		return EXIT_USAGE;
	cli_set_argv(argv);
	if (argc >= 2) {
		const char *cmd = argv[1];
		if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
			usage(stdout);
			return EXIT_OK;
		}
		if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
			printf("epinews %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		}
		if (!strcmp(cmd, "--dump-keys"))
			return app_dump_keys();
		const struct cli_command *command = cli_find_command(cmd);
		if (command) {
			int rc = command->run(argc - 1, argv + 1);
			if (!mapguard_any_lost())
				return rc;
			fflush(stdout); /* the cache was cut short under the command (mapguard.h) */
			fputs("epinews: the cache was cut short while in use; the output above may be "
			      "incomplete: run the command again\n", stderr);
			return EXIT_DAMAGED;
		}
		if (cmd[0] == '-' && cmd[1]) {
			fprintf(stderr, "epinews: unknown option '%s'\n", cmd);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	struct stat st;
	if (stat(argv[1], &st) != 0 && errno == ENOENT) { /* a word, not a path: a mistyped command? */
		char *safe = sanitize_field(argv[1], strlen(argv[1]));
		const char *near = cli_nearest_command(argv[1]);
		fprintf(stderr, "epinews: '%s' is neither a command nor a file or directory%s%s%s\n"
				"Try 'epinews --help'.\n",
			safe ? safe : "", near ? " (did you mean \"" : "", near ? near : "", near ? "\"?)" : "");
		free(safe);
		return EXIT_USAGE;
	}
	return app_run(argc - 1, argv + 1);
}
