#include "cli/cli.h"
#include "cli/commands.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/cache.h"

int cmd_index(int argc, char **argv)
{
	int check = 0, show_path = 0, c;
	struct cli_parse cp;
	cli_parse_begin(&cp, "index", argc, argv);
	while ((c = cli_parse_next(&cp)) != -1) {
		switch (c) {
		case 'c': check = 1; break;
		case 'p': show_path = 1; break;
		case 'h':
			return cli_help("index");
		default: return EXIT_USAGE; /* cli_parse_next said why */
		}
	}
	if (optind >= argc)
		return cli_usage("index", "no archive path given");
	char **paths = argv + optind;
	int npaths = argc - optind;
	char buf[4096];
	const char *file = cli_cache_path(paths, npaths, buf, sizeof buf);
	if (show_path || check) {
		if (!file) {
			fprintf(stderr, "epinews index: no cache (--no-cache, or neither XDG_CACHE_HOME nor HOME is set)\n");
			return EXIT_NOTHING;
		}
		if (show_path) {
			printf("%s\n", file);
			return EXIT_OK;
		}
		const char *why = cache_check(file);
		printf("%s: %s\n", file, why ? why : "sound");
		return why ? EXIT_NOTHING : EXIT_OK;
	}
	struct corpus co;
	corpus_init(&co);
	co.damaged = cli_cache_damaged;
	struct diag dg = { cli_report, NULL, 0 };
	double t0 = corpus_clock();
	const char *why = NULL;
	cli_guard_cache(file);
	int stale = cache_load(&co, file, paths, npaths, &dg, &why);
	if (!stale)
		cache_verify(&co); /* all of it, not only what a search reads */
	double t1 = corpus_clock();
	if (why)
		fprintf(stderr, "epinews index: cache %s not used (%s); rebuilt\n", file, why);
	int rc = EXIT_OK;
	double mb = (double)co.ar.bytes / 1e6;
	printf("articles %zu, files %zu, %.1f MB of text, %zu measures\n", co.ar.n, co.ar.nfiles, mb,
	       co.fdb.n);
	printf("loaded in %.3f s (%.1f MB/s), %zu of %zu files read, the rest from the cache\n",
	       t1 - t0, t1 > t0 ? mb / (t1 - t0) : 0.0, co.from_cache ? co.files_reread : co.ar.nfiles,
	       co.ar.nfiles);
	printf("  reading %.3f s, measures %.3f s, index %.3f s (%d threads)\n", co.t_load, co.t_facts,
	       co.t_index, co.nthreads);
	printf("index: %zu keys, %.1f MB (%.0f%% of the text)\n", co.ix.nterms,
	       (double)index_bytes(&co.ix) / 1e6, mb > 0 ? 100.0 * (double)index_bytes(&co.ix) / 1e6 / mb : 0.0);
	if (!file) {
		printf("cache: not written (--no-cache)\n");
	} else if (!co.ar.n) {
		fprintf(stderr, "epinews index: no article loaded; no cache written\n");
		rc = EXIT_NOTHING;
	} else if (stale && cache_save(&co, file) != 0) {
		fprintf(stderr, "epinews index: cannot write %s: %s\n", file, strerror(errno));
		rc = EXIT_NOTHING;
	} else {
		double t2 = corpus_clock();
		struct stat st;
		double size = stat(file, &st) == 0 ? (double)st.st_size / 1e6 : 0;
		printf("cache: %s, %.1f MB (%.0f%% of the text)%s", file, size,
		       mb > 0 ? 100.0 * size / mb : 0.0, stale ? "" : ", already up to date");
		if (stale)
			printf(", written in %.3f s", t2 - t1);
		printf("\n");
	}
	corpus_free(&co);
	cli_guard_cache(NULL);
	return rc;
}
