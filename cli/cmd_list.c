#include "cli/cli.h"
#include "cli/commands.h"

#include <getopt.h>
#include <stdio.h>

int cmd_list(int argc, char **argv)
{
	int json = 0, c;
	struct cli_parse cp;
	cli_parse_begin(&cp, "list", argc, argv);
	while ((c = cli_parse_next(&cp)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'h') {
			return cli_help("list");
		} else
			return EXIT_USAGE; /* cli_parse_next said why */
	}
	if (optind >= argc)
		return cli_usage("list", "no archive path given");
	struct archive ar;
	archive_init(&ar);
	cli_load(&ar, argv + optind, argc - optind);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < ar.n; i++) {
		if (json) {
			out_article_json(&sb, archive_art(&ar, i), 0);
			sb_addc(&sb, '\n');
		} else {
			out_list_line(&sb, archive_art(&ar, i));
		}
		if (sb.len > (1 << 16))
			cli_flush(&sb);
	}
	cli_flush(&sb);
	sb_free(&sb);
	int rc = ar.n ? EXIT_OK : EXIT_NOTHING;
	if (!ar.n)
		fprintf(stderr, "epinews list: no article loaded\n");
	archive_free(&ar);
	return rc;
}
