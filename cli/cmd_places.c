/* epinews places: the places an archive's articles are about, with how many,
 * counted as place: finds them (the place picker's list). */
#include "cli/cli.h"
#include "cli/commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_write.h"
#include "core/xalloc.h"

struct row {
	int place;
	size_t count;
};

static int by_count(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->place - y->place;
}

int cmd_places(int argc, char **argv)
{
	int json = 0, c;
	struct cli_parse cp;
	cli_parse_begin(&cp, "places", argc, argv);
	while ((c = cli_parse_next(&cp)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'h':
			return cli_help("places");
		default: return EXIT_USAGE; /* cli_parse_next said why */
		}
	}
	if (optind >= argc)
		return cli_usage("places", "no archive path given");
	struct corpus co;
	cli_open(&co, argv + optind, argc - optind, NEED_FACTS);
	const struct gazetteer *gz = &co.gz;
	size_t *count = xcalloc(gz->n + 1, sizeof *count);
	factdb_place_counts(&co.fdb, gz, count);
	struct row *rows = xmalloc((gz->n + 1) * sizeof *rows);
	size_t n = 0;
	for (size_t p = 0; p < gz->n; p++) /* one row per name: 北京市 the city and the province are one */
		if (count[p] && gazetteer_find(gz, gz->v[p].full_name) == (int)p)
			rows[n++] = (struct row){ (int)p, count[p] };
	qsort(rows, n, sizeof *rows, by_count);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const struct place *pl = &gz->v[rows[i].place];
		int prov = gazetteer_province(gz, rows[i].place);
		for (int q = gz->v[rows[i].place].same; q >= 0; q = gz->v[q].same)
			if (gazetteer_province(gz, q) != prov)
				prov = -1; /* 青山区 of 武汉 and of 包头: the name is in no one province */
		const char *within = prov >= 0 && prov != rows[i].place && strcmp(gz->v[prov].full_name, pl->full_name)
					     ? gz->v[prov].full_name
					     : NULL;
		if (json) {
			struct jsonw w;
			jw_begin(&w, &sb);
			jw_str(&w, "place", pl->full_name);
			jw_str(&w, "pinyin", pl->pinyin && pl->pinyin[0] ? pl->pinyin : NULL);
			jw_str(&w, "within", within);
			jw_int(&w, "count", (long long)rows[i].count);
			jw_end(&w);
			sb_addc(&sb, '\n');
		} else {
			sb_addf(&sb, "%zu\t%s\t%s\n", rows[i].count, pl->full_name, within ? within : "-");
		}
		if (sb.len > (1 << 16))
			cli_flush(&sb);
	}
	cli_flush(&sb);
	sb_free(&sb);
	int rc = co.ar.n ? EXIT_OK : EXIT_NOTHING;
	free(rows);
	free(count);
	corpus_free(&co);
	return rc;
}
