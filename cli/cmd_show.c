#include "cli/cli.h"
#include "cli/commands.h"

#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

#include "core/cache.h"

int cmd_show(int argc, char **argv)
{
	int json = 0, c;
	struct cli_parse cp;
	cli_parse_begin(&cp, "show", argc, argv);
	while ((c = cli_parse_next(&cp)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'h') {
			return cli_help("show");
		} else
			return EXIT_USAGE; /* cli_parse_next said why */
	}
	if (argc - optind < 2)
		return cli_usage("show", "an article ID and at least one archive path are needed");
	const char *id = argv[optind];
	char **paths = argv + optind + 1;
	int npaths = argc - optind - 1;
	/* through the cache when there is one (a lookup then reads one article),
	 * else from the files, without building a cache for one article */
	struct corpus co;
	char buf[4096];
	const char *file = cli_cache_path(paths, npaths, buf, sizeof buf);
	if (file && access(file, F_OK) == 0) {
		cli_open(&co, paths, npaths, NEED_INDEX | NEED_FACTS);
	} else {
		corpus_init(&co);
		cli_load(&co.ar, paths, npaths);
	}
	int ambiguous = 0, rc = EXIT_OK;
	struct article *a = archive_find(&co.ar, id, &ambiguous);
	if (!a) {
		fprintf(stderr, "epinews show: %s: %s\n", id,
			ambiguous ? "matches several articles, give more of the id" :
			co.ar.n ? "no such article" : "no article loaded");
		rc = EXIT_NOTHING;
	} else {
		struct strbuf sb = STRBUF_INIT;
		if (json) {
			out_article_json(&sb, a, 1);
			sb_addc(&sb, '\n');
		} else {
			out_article_text(&sb, a);
		}
		cli_flush(&sb);
		sb_free(&sb);
	}
	corpus_free(&co);
	return rc;
}
