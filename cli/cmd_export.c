/* export: highlights, or the measures of the articles a query finds, as CSV,
 * JSON Lines or Markdown, with provenance. */
#include "cli/cli.h"
#include "cli/commands.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "core/search.h"

int cmd_export(int argc, char **argv)
{
	int fmt = EXPORT_CSV, force = 0, excel = 0, highlights = 0, kind = -1, c;
	const char *qs = NULL, *out = NULL;
	struct cli_parse cp;
	cli_parse_begin(&cp, "export", argc, argv);
	while ((c = cli_parse_next(&cp)) != -1) {
		switch (c) {
		case 'F':
			fmt = export_format_from_name(optarg);
			if (fmt < 0)
				return cli_usage("export", "--format takes csv, jsonl or md, not '%s'", optarg);
			break;
		case 'H': highlights = 1; break;
		case 'q': qs = optarg; break;
		case 'k':
			kind = fact_kind_from_name(optarg);
			if (kind < 0)
				return cli_usage("export", "unknown kind '%s' (see epinews(1), MEASURES)", optarg);
			break;
		case 'o': out = optarg; break;
		case 'f': force = 1; break;
		case 'x': excel = 1; break;
		case 'h':
			return cli_help("export");
		default: return EXIT_USAGE; /* cli_parse_next said why */
		}
	}
	if (highlights && qs)
		return cli_usage("export", "--highlights and --query exclude each other");
	if (optind >= argc)
		return cli_usage("export", "no archive path given");
	char **paths = argv + optind;
	int npaths = argc - optind;
	struct query q = { 0 };
	if (qs) {
		struct gazetteer gz;
		gazetteer_init(&gz);
		int bad = query_parse_saved(&q, qs, &gz, cli_searches()) < 0;
		gazetteer_free(&gz);
		if (bad) {
			fprintf(stderr, "epinews export: %s\n  %s\n", q.err, qs);
			return EXIT_USAGE;
		}
	}
	struct corpus co;
	cli_open(&co, paths, npaths, NEED_FACTS | (qs ? NEED_INDEX : 0));
	struct export_row *rows = NULL;
	size_t n = 0;
	struct hl_store st;
	memset(&st, 0, sizeof st);
	if (qs) {
		struct query_ctx cx = { &co.ar, &co.ix, &co.fdb, &co.gz, NULL, 0 };
		struct search_result r;
		search_run(&q, &cx, SEARCH_BY_ARCHIVE, 0, &r);
		struct bits docs;
		bits_init(&docs, co.ar.n, 0);
		for (size_t i = 0; i < r.n; i++)
			bits_set(&docs, r.v[i].doc);
		n = export_fact_rows(&co.ar, &co.fdb, &docs, kind, &rows);
		bits_free(&docs);
		search_result_free(&r);
	} else {
		char buf[4096];
		const char *path = hl_store_path(paths, npaths, buf, sizeof buf);
		hl_open(&st, path);
		if (st.warning[0])
			fprintf(stderr, "epinews export: %s\n", st.warning);
		n = export_highlight_rows(&st, &co.ar, &co.fdb, &rows);
		if (kind >= 0) { /* keep the facts of that kind */
			size_t k = 0;
			for (size_t i = 0; i < n; i++)
				if (rows[i].type == HL_FACT && rows[i].h && !strcmp(rows[i].h->kind, fact_kind_name(kind)))
					rows[k++] = rows[i];
			n = k;
		}
	}
	struct strbuf sb = STRBUF_INIT;
	export_write(&sb, (enum export_format)fmt, &co.gz, rows, n, excel && fmt == EXPORT_CSV);
	int rc = EXIT_OK;
	if (out) {
		if (export_to_file(out, sb.s ? sb.s : "", sb.len, force) != 0) {
			if (errno == EEXIST)
				fprintf(stderr, "epinews export: %s exists; use --force to replace it\n", out);
			else
				fprintf(stderr, "epinews export: cannot write %s: %s\n", out, strerror(errno));
			rc = EXIT_NOTHING;
		} else {
			fprintf(stderr, "epinews export: %zu row(s) written to %s\n", n, out);
		}
	} else {
		cli_flush(&sb);
	}
	if (!n && rc == EXIT_OK) {
		fprintf(stderr, "epinews export: nothing to export%s\n",
			qs ? " (no measure in the articles found)" : " (no highlights yet: epinews mark, or m in the browser)");
		rc = EXIT_NOTHING;
	}
	sb_free(&sb);
	free(rows);
	hl_close(&st);
	query_free(&q);
	corpus_free(&co);
	return rc;
}
