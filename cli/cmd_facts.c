#include "cli/cli.h"
#include "cli/commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_write.h"
#include "core/facts.h"
#include "core/search.h"
#include "core/json_write.h"

enum fmt { FMT_TEXT, FMT_JSONL, FMT_CSV };

static void csv_field(struct strbuf *sb, const char *s, size_t n)
{
	csv_text(sb, s, n);
}

static void csv_str(struct strbuf *sb, const char *s, int last)
{
	csv_field(sb, s, s ? strlen(s) : 0);
	sb_adds(sb, last ? "\r\n" : ",");
}

/* Is the measure about `place` or somewhere in it: its place, or one of its list? */
static int fact_within(const struct gazetteer *gz, const struct fact *f, int place)
{
	if (gazetteer_within(gz, f->place, place))
		return 1;
	for (int k = 0; k < f->nplaces; k++)
		if (gazetteer_within(gz, f->places[k], place))
			return 1;
	return 0;
}

static const char *const columns[] = { "article", "file", "kind", "value", "unit", "qualifier",
				       "scope", "place", "places", "place_from", "date", "date_from", "since", "check", "text",
				       "start", "end", "sentence" };

static void print_fact(struct strbuf *sb, enum fmt fmt, const struct article *a,
		       const struct gazetteer *gz, const struct fact *f)
{
	char date[16], num[32], note[96], since[16];
	const char *from = fact_since_format(f, since);
	const char *check = fact_check_note(f, note, sizeof note);
	const char *place = f->place >= 0 ? gz->v[f->place].full_name : NULL;
	const char *d = fact_date_format(f, date);
	const char *text = a->body + f->start, *sent = a->body + f->sent_start;
	size_t tn = f->end - f->start, sn = f->sent_end - f->sent_start;
	if (fmt == FMT_JSONL) {
		struct jsonw w;
		jw_begin(&w, sb);
		jw_str(&w, "article", a->id);
		jw_str(&w, "file", a->file);
		jw_str(&w, "kind", fact_kind_name(f->kind));
		jw_int(&w, "value", (long long)f->value);
		if (f->value_max != f->value)
			jw_int(&w, "value_max", (long long)f->value_max);
		jw_str(&w, "unit", f->unit);
		jw_str(&w, "qualifier", fact_qualifier_name(f->qual));
		jw_str(&w, "scope", fact_scope_name(f->scope));
		jw_str(&w, "place", place);
		jw_key(&w, "places");
		sb_addc(sb, '[');
		for (int k = 0; k < f->nplaces; k++) {
			const char *name = gz->v[f->places[k]].full_name;
			if (k)
				sb_addc(sb, ',');
			json_string(sb, name, strlen(name));
		}
		sb_addc(sb, ']');
		jw_str(&w, "place_from", fact_origin_name(f->place_from));
		jw_str(&w, "date", d);
		jw_str(&w, "date_from", fact_origin_name(f->date_from));
		jw_str(&w, "since", from);
		if (f->hour >= 0)
			jw_int(&w, "hour", f->hour);
		else
			jw_null(&w, "hour");
		jw_str(&w, "check", fact_check_name((enum fact_check)f->check));
		jw_str(&w, "check_note", check);
		jw_strn(&w, "text", text, tn);
		jw_int(&w, "start", f->start);
		jw_int(&w, "end", f->end);
		jw_strn(&w, "sentence", sent, sn);
		jw_end(&w);
		sb_addc(sb, '\n');
	} else if (fmt == FMT_CSV) {
		csv_str(sb, a->id, 0);
		csv_str(sb, a->file, 0);
		csv_str(sb, fact_kind_name(f->kind), 0);
		snprintf(num, sizeof num, "%lld", (long long)f->value);
		csv_number(sb, num);
		sb_addc(sb, ',');
		csv_str(sb, f->unit, 0);
		csv_str(sb, fact_qualifier_name(f->qual), 0);
		csv_str(sb, fact_scope_name(f->scope), 0);
		csv_str(sb, place, 0);
		struct strbuf list = STRBUF_INIT;
		for (int k = 0; k < f->nplaces; k++) {
			if (k)
				sb_adds(&list, "、");
			sb_adds(&list, gz->v[f->places[k]].full_name);
		}
		csv_field(sb, list.s ? list.s : "", list.len);
		sb_addc(sb, ',');
		sb_free(&list);
		csv_str(sb, fact_origin_name(f->place_from), 0);
		csv_str(sb, d, 0);
		csv_str(sb, fact_origin_name(f->date_from), 0);
		csv_str(sb, from, 0);
		csv_str(sb, check, 0);
		csv_field(sb, text, tn);
		sb_addc(sb, ',');
		sb_addf(sb, "%u,%u,", f->start, f->end);
		csv_field(sb, sent, sn);
		sb_adds(sb, "\r\n");
	} else {
		static const char *const qmark[] = { "", "~", ">", "<" };
		sb_addf(sb, "%s\t%s\t%s%lld", a->id, fact_kind_name(f->kind), qmark[f->qual],
			(long long)f->value);
		if (f->value_max != f->value)
			sb_addf(sb, "-%lld", (long long)f->value_max);
		sb_addf(sb, "%s\t%s\t%s\t", f->unit, place ? place : "-", d ? d : "-");
		sb_add(sb, text, tn);
		if (check)
			sb_addf(sb, "\t! %s", check);
		sb_addc(sb, '\n');
	}
}

int cmd_facts(int argc, char **argv)
{
	enum fmt fmt = FMT_TEXT;
	int kind = -1, c;
	const char *place_name = NULL, *qs = NULL;
	struct cli_parse cp;
	cli_parse_begin(&cp, "facts", argc, argv);
	while ((c = cli_parse_next(&cp)) != -1) {
		switch (c) {
		case 'j': fmt = FMT_JSONL; break;
		case 'c': fmt = FMT_CSV; break;
		case 'k':
			kind = fact_kind_from_name(optarg);
			if (kind < 0)
				return cli_usage("facts", "unknown kind '%s' (see epinews(1) for the list)", optarg);
			break;
		case 'p': place_name = optarg; break;
		case 'q': qs = optarg; break;
		case 'h':
			return cli_help("facts");
		default: return EXIT_USAGE; /* cli_parse_next said why */
		}
	}
	if (optind >= argc)
		return cli_usage("facts", "no archive path given");
	struct gazetteer gz;
	gazetteer_init(&gz);
	int want_place = -1;
	if (place_name) {
		want_place = gazetteer_find(&gz, place_name);
		if (want_place < 0) {
			gazetteer_free(&gz);
			return cli_usage("facts", "unknown place '%s'", place_name);
		}
	}
	struct query q = { 0 };
	if (qs && query_parse_saved(&q, qs, &gz, cli_searches()) < 0) {
		fprintf(stderr, "epinews facts: %s\n  %s\n", q.err, qs);
		gazetteer_free(&gz);
		return EXIT_USAGE;
	}
	struct corpus co;
	cli_open(&co, argv + optind, argc - optind, NEED_FACTS | (qs ? NEED_INDEX : 0));
	struct archive ar = co.ar;
	struct bits docs;
	bits_init(&docs, ar.n, !qs);
	if (qs) {
		struct query_ctx cx = { &co.ar, &co.ix, &co.fdb, &co.gz, NULL, 0 };
		struct search_result r;
		search_run(&q, &cx, SEARCH_BY_ARCHIVE, 0, &r);
		for (size_t i = 0; i < r.n; i++)
			bits_set(&docs, r.v[i].doc);
		search_result_free(&r);
	}
	struct strbuf sb = STRBUF_INIT;
	if (fmt == FMT_CSV)
		for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
			csv_str(&sb, columns[i], i + 1 == sizeof columns / sizeof *columns);
	size_t shown = 0;
	for (size_t i = 0; i < ar.n; i++) {
		if (!bits_has(&docs, i))
			continue;
		size_t nf;
		const struct fact *fv = factdb_of(&co.fdb, i, &nf);
		for (size_t k = 0; k < nf; k++) {
			const struct fact *f = &fv[k];
			if (kind >= 0 && (int)f->kind != kind)
				continue;
			/* a province covers its cities */
			if (want_place >= 0 && !fact_within(&gz, f, want_place))
				continue;
			print_fact(&sb, fmt, archive_art(&ar, i), &gz, f);
			shown++;
		}
		if (sb.len > (1 << 16))
			cli_flush(&sb);
	}
	cli_flush(&sb);
	sb_free(&sb);
	int rc = ar.n ? EXIT_OK : EXIT_NOTHING;
	bits_free(&docs);
	query_free(&q);
	corpus_free(&co);
	gazetteer_free(&gz);
	return rc;
}
