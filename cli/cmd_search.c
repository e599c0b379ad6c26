#include "cli/cli.h"
#include "cli/commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_write.h"
#include "core/search.h"

static void out_hit_json(struct strbuf *sb, const struct article *a, const struct query *q, double score)
{
	/* the article's JSON without its closing brace, then score and hits */
	out_article_json(sb, a, 0);
	sb->len--;
	sb_addf(sb, ",\"score\":%.4f,\"hits\":[", score);
	uint32_t(*sp)[2];
	size_t n = search_spans(q, a->body, a->body_len, &sp);
	for (size_t i = 0; i < n; i++)
		sb_addf(sb, "%s[%u,%u]", i ? "," : "", sp[i][0], sp[i][1]);
	free(sp);
	sb_adds(sb, "]}\n");
}

int cmd_search(int argc, char **argv)
{
	int json = 0, scan = 0, count = 0, timing = 0, c;
	enum search_sort sort = SEARCH_BY_DATE;
	size_t limit = 0;
	struct cli_parse cp;
	cli_parse_begin(&cp, "search", argc, argv);
	while ((c = cli_parse_next(&cp)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'S': scan = 1; break;
		case 'c': count = 1; break;
		case 't': timing = 1; break;
		case 's':
			if (!strcmp(optarg, "relevance"))
				sort = SEARCH_BY_RELEVANCE;
			else if (!strcmp(optarg, "date"))
				sort = SEARCH_BY_DATE;
			else
				return cli_usage("search", "--sort takes relevance or date, not '%s'", optarg);
			break;
		case 'n': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 0)
				return cli_usage("search", "--limit takes a number, not '%s'", optarg);
			limit = (size_t)v;
			break;
		}
		case 'h':
			return cli_help("search");
		default: return EXIT_USAGE; /* cli_parse_next said why */
		}
	}
	if (optind >= argc)
		return cli_usage("search", "no query given");
	if (optind + 1 >= argc)
		return cli_usage("search", "no archive path given");
	const char *qs = argv[optind];
	struct corpus co;
	struct query q;
	struct gazetteer gz;
	gazetteer_init(&gz);
	if (query_parse_saved(&q, qs, &gz, cli_searches()) < 0) {
		fprintf(stderr, "epinews search: %s\n  %s\n", q.err, qs);
		gazetteer_free(&gz);
		return EXIT_USAGE;
	}
	gazetteer_free(&gz);
	double t0 = corpus_clock();
	cli_open(&co, argv + optind + 1, argc - optind - 1,
		 (scan ? 0 : NEED_INDEX) | (q.needs_facts ? NEED_FACTS : 0));
	double t_open = corpus_clock() - t0;
	if (sort == SEARCH_BY_DATE && !scan)
		corpus_build_order(&co);
	struct query_ctx cx = { &co.ar, scan ? NULL : &co.ix, co.have_facts ? &co.fdb : NULL, &co.gz, co.by_date, 0 };
	struct search_result res;
	double runs[7];
	int nruns = timing ? 7 : 1;
	for (int r = 0; r < nruns; r++) {
		if (r)
			search_result_free(&res);
		double t = corpus_clock();
		if (count && !limit) { /* a count needs no list */
			memset(&res, 0, sizeof res);
			res.n = search_count(&q, &cx, &res.candidates);
		} else {
			search_run(&q, &cx, sort, limit, &res);
		}
		runs[r] = corpus_clock() - t;
	}
	if (timing) {
		for (int i = 1; i < nruns; i++) /* insertion sort for the median */
			for (int k = i; k > 0 && runs[k] < runs[k - 1]; k--) {
				double x = runs[k];
				runs[k] = runs[k - 1];
				runs[k - 1] = x;
			}
		fprintf(stderr, "time: open %.1f ms, query %.3f ms (median of %d), %zu candidates, %zu results\n",
			t_open * 1e3, runs[nruns / 2] * 1e3, nruns, res.candidates, res.n);
	}
	struct strbuf sb = STRBUF_INIT;
	if (count)
		sb_addf(&sb, "%zu\n", res.n);
	for (size_t i = 0; !count && i < res.n; i++) {
		const struct article *a = archive_art(&co.ar, res.v[i].doc);
		if (json)
			out_hit_json(&sb, a, &q, res.v[i].score);
		else
			out_list_line(&sb, a);
		if (sb.len > (1 << 16))
			cli_flush(&sb);
	}
	cli_flush(&sb);
	sb_free(&sb);
	int rc = res.n ? EXIT_OK : EXIT_NOTHING;
	if (!res.n) {
		char why[160];
		const char *w = query_why_empty(&q, &cx, why, sizeof why);
		if (w)
			fprintf(stderr, "epinews search: no article matches: %s\n", w);
		else if (!count)
			fprintf(stderr, "epinews search: no article matches\n");
	}
	search_result_free(&res);
	query_free(&q);
	corpus_free(&co);
	return rc;
}
