#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>

int cmd_show(int argc, char **argv)
{
	static const struct option opts[] = { { "json", no_argument, NULL, 'j' },
					      { "help", no_argument, NULL, 'h' },
					      { NULL, 0, NULL, 0 } };
	int json = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "jh", opts, NULL)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'h') {
			printf("usage: epinews show [--json] ID PATH...\n"
			       "Print one cleaned article. ID may be a unique prefix of 4+ characters.\n");
			return EXIT_OK;
		} else
			return cli_usage("show", "unknown option");
	}
	if (argc - optind < 2)
		return cli_usage("show", "an article ID and at least one archive path are needed");
	const char *id = argv[optind];
	struct archive ar;
	archive_init(&ar);
	cli_load(&ar, argv + optind + 1, argc - optind - 1);
	int ambiguous = 0, rc = EXIT_OK;
	struct article *a = archive_find(&ar, id, &ambiguous);
	if (!a) {
		fprintf(stderr, "epinews show: %s: %s\n", id,
			ambiguous ? "matches several articles, give more of the id" :
			ar.n ? "no such article" : "no article loaded");
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
	archive_free(&ar);
	return rc;
}
