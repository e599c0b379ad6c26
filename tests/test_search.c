/* The index and the query language: search returns exactly what a brute-force
 * scan of the folded text finds (a property test over random queries drawn from
 * the text), and the query language parses, reports errors by column, and
 * combines words, phrases, OR, NOT, dates, sources, places and measures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/corpus.h"
#include "core/fold.h"
#include "core/search.h"
#include "core/searches.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "tests/tap.h"

static void quiet(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg, (void)path, (void)line, (void)msg;
}

/* Folded code points of s[0..n). */
static uint32_t *fold_all(const char *s, size_t n, size_t *out)
{
	uint32_t *v = xmalloc((n + 1) * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		i += l ? l : 1;
		v[k++] = fold_cp(cp);
	}
	*out = k;
	return v;
}

static int naive_has(const uint32_t *t, size_t tn, const uint32_t *q, size_t qn)
{
	for (size_t i = 0; i + qn <= tn; i++)
		if (!memcmp(t + i, q, qn * sizeof *q))
			return 1;
	return 0;
}

/* Mixed scripts and widths that the fold must bring together. */
static const char mixed[] =
	"{\"title\":\"COVID-19 疫情通报 Ａ股\",\"text\":\"ｃｏｖｉｄ病例１２３例，北京Covid新增。\","
	"\"date\":\"2020-02-03\"}\n"
	"{\"title\":\"新冠 covid 周报\",\"text\":\"全市新增确诊病例12例，床位1300张。𠀀𠀁字在此。\","
	"\"date\":\"2020-02-20\",\"source\":\"新华社\"}\n"
	"{\"title\":\"武汉 床位\",\"text\":\"武汉已设置集中隔离点132个，床位12571张。\",\"date\":\"2020-02-04\"}\n"
	"{\"title\":\"武汉动态\",\"text\":\"武汉市今日天气晴。\",\"date\":\"2020-03-01\",\"source\":\"央广网\"}\n"
	"{\"title\":\"床位 隔离\",\"text\":\"某地新增床位300张，隔离观察50人。\",\"date\":\"2021-01-05\"}\n";

static struct corpus co;

/* with_all: the samples, fixtures and seeds too */
static int stop_at_once(void *arg, size_t listed)
{
	(void)arg;
	(void)listed;
	return 1;
}

static void load_corpus(int with_all)
{
	corpus_init(&co);
	co.nthreads = 2;
	struct diag dg = { quiet, NULL, 0 };
	archive_load_buffer(&co.ar, "mixed.jsonl", (const unsigned char *)mixed, sizeof mixed - 1, &dg);
	if (!with_all) {
		archive_assign_ids(&co.ar);
		corpus_build_facts(&co);
		corpus_build_index(&co);
		return;
	}
	const char *src = getenv("SRCDIR") ? getenv("SRCDIR") : ".";
	char path[4096];
	snprintf(path, sizeof path, "%s/data/samples", src);
	archive_load(&co.ar, path, &dg);
	snprintf(path, sizeof path, "%s/tests/fixtures/archive", src);
	archive_load(&co.ar, path, &dg);
	snprintf(path, sizeof path, "%s/tests/fixtures/traditional", src); /* queries folded to Simplified */
	archive_load(&co.ar, path, &dg);
	const char *seeds = getenv("SEEDS");
	if (seeds)
		archive_load(&co.ar, seeds, &dg);
	archive_assign_ids(&co.ar);
	corpus_build_facts(&co);
	corpus_build_index(&co);
}

/* The articles a query matches, in archive order, as a comma list. */
static struct searches saved; /* @NAME in the queries below */

static char *run(const char *qs, int with_index)
{
	struct query q;
	if (query_parse_saved(&q, qs, &co.gz, &saved) < 0) {
		char *e = xmalloc(strlen(q.err) + 8);
		sprintf(e, "error: %s", q.err);
		return e;
	}
	struct query_ctx cx = { &co.ar, with_index ? &co.ix : NULL, &co.fdb, &co.gz, NULL, 0 };
	struct search_result r;
	search_run(&q, &cx, SEARCH_BY_ARCHIVE, 0, &r);
	char *out = xmalloc(r.n * 12 + 2);
	out[0] = 0;
	for (size_t i = 0; i < r.n; i++)
		sprintf(out + strlen(out), "%s%u", i ? "," : "", r.v[i].doc);
	search_result_free(&r);
	query_free(&q);
	return out;
}

static unsigned long long rng = 0x243F6A8885A308D3ull;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void property_exact(void)
{
	size_t nd = co.ar.n;
	uint32_t **ft = xmalloc(nd * sizeof *ft), **fb = xmalloc(nd * sizeof *fb);
	size_t *ftn = xmalloc(nd * sizeof *ftn), *fbn = xmalloc(nd * sizeof *fbn);
	for (size_t d = 0; d < nd; d++) {
		/* what a term searches: the title and subtitle (one line each), the body */
		const struct article *ad = archive_art(&co.ar, d);
		char *ts = xmalloc(strlen(ad->title) + (ad->subtitle ? strlen(ad->subtitle) : 0) + 2);
		sprintf(ts, "%s%s%s", ad->title, ad->subtitle ? "\n" : "", ad->subtitle ? ad->subtitle : "");
		ft[d] = fold_all(ts, strlen(ts), &ftn[d]);
		free(ts);
		fb[d] = fold_all(archive_art(&co.ar, d)->body, archive_art(&co.ar, d)->body_len, &fbn[d]);
	}
	int bad = 0, tried = 0, nonempty = 0, fields_tried = 0;
	char first_bad[512] = "";
	for (int iter = 0; iter < 600 && bad < 5; iter++) {
		size_t d = rnd((unsigned)nd);
		const char *text = iter % 4 ? archive_art(&co.ar, d)->body : archive_art(&co.ar, d)->title;
		size_t tn = iter % 4 ? archive_art(&co.ar, d)->body_len : strlen(text);
		if (tn < 2)
			continue;
		size_t at = rnd((unsigned)tn);
		while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
			at--;
		size_t want = 1 + rnd(6), end = at;
		for (size_t k = 0; k < want && end < tn; k++) {
			uint32_t cp;
			size_t l = utf8_decode((const unsigned char *)text + end, tn - end, &cp);
			end += l ? l : 1;
		}
		/* as typed: sometimes upper case, sometimes full-width */
		char q[256];
		size_t qn = 0;
		int style = rnd(3);
		q[qn++] = '"';
		int skip_it = 0;
		for (size_t i = at; i < end && qn < 240; i++) {
			unsigned char c = (unsigned char)text[i];
			if (c == '"' || c == '\n') {
				skip_it = 1;
				break;
			}
			if (style == 1 && c >= 'a' && c <= 'z')
				c = (unsigned char)(c - 32);
			if (style == 2 && c >= '!' && c <= '~') { /* full-width form */
				uint32_t fw = c + 0xFEE0u;
				q[qn++] = (char)(0xE0 | (fw >> 12));
				q[qn++] = (char)(0x80 | ((fw >> 6) & 0x3F));
				q[qn++] = (char)(0x80 | (fw & 0x3F));
				continue;
			}
			q[qn++] = (char)c;
		}
		if (skip_it)
			continue;
		q[qn++] = '"';
		q[qn] = 0;
		size_t fqn;
		uint32_t *fq = fold_all(q + 1, qn - 2, &fqn);
		char *expect = xmalloc(nd * 12 + 2);
		expect[0] = 0;
		for (size_t k = 0; k < nd; k++)
			if (naive_has(ft[k], ftn[k], fq, fqn) || naive_has(fb[k], fbn[k], fq, fqn))
				sprintf(expect + strlen(expect), "%s%zu", expect[0] ? "," : "", k);
		free(fq);
		char *got = run(q, 1), *scan = run(q, 0);
		tried++;
		nonempty += expect[0] != 0;
		if (strcmp(got, expect) || strcmp(scan, expect)) {
			if (!bad++)
				snprintf(first_bad, sizeof first_bad, "%s: index %.80s scan %.80s want %.80s", q,
					 got, scan, expect);
		}
		free(got);
		free(scan);
		free(expect);
		/* the same words as title: (title and subtitle) and text: (body) */
		for (int field = 0; field < 2 && iter % 3 == 0; field++) {
			char fq2[260];
			snprintf(fq2, sizeof fq2, "%s%s", field ? "text:" : "title:", q);
			size_t fqn2;
			uint32_t *fqc = fold_all(q + 1, qn - 2, &fqn2);
			char *fwant = xmalloc(nd * 12 + 2);
			fwant[0] = 0;
			for (size_t k = 0; k < nd; k++)
				if (field ? naive_has(fb[k], fbn[k], fqc, fqn2) : naive_has(ft[k], ftn[k], fqc, fqn2))
					sprintf(fwant + strlen(fwant), "%s%zu", fwant[0] ? "," : "", k);
			free(fqc);
			char *g = run(fq2, 1), *sc = run(fq2, 0);
			fields_tried++;
			if (strcmp(g, fwant) || strcmp(sc, fwant)) {
				if (!bad++)
					snprintf(first_bad, sizeof first_bad, "%.60s: index %.80s scan %.80s want %.80s",
						 fq2, g, sc, fwant);
			}
			free(g);
			free(sc);
			free(fwant);
		}
	}
	ok(tried >= 400 && nonempty == tried, "property: %d random queries drawn from the text all match something", tried);
	ok(fields_tried >= 200, "property: %d of them also as title: and text:", fields_tried);
	ok(!bad, "property: index and scan return exactly the brute-force set, bare and as title: and text: (%d differ)%s%s", bad,
	   bad ? "; first: " : "", first_bad);
	for (size_t d = 0; d < nd; d++) {
		free(ft[d]);
		free(fb[d]);
	}
	free(ft);
	free(fb);
	free(ftn);
	free(fbn);
}

static void check(const char *q, const char *want)
{
	char *got = run(q, 1);
	is_str(got, want, "query %s", q);
	free(got);
}

static void check_error(const char *q, const char *want_prefix)
{
	char *got = run(q, 1);
	ok(!strncmp(got, want_prefix, strlen(want_prefix)), "query %s fails: got \"%s\", want \"%s...\"", q,
	   got, want_prefix);
	free(got);
}

/* The Traditional fold: Traditional to Simplified, and no character that
 * Simplified text writes every day folded to something else. */
static void test_t2s(void)
{
	static const struct {
		uint32_t from, to;
	} cases[] = { { 0x91AB, 0x533B }, /* 醫 医 */ { 0x5F35, 0x5F20 }, /* 張 张 */
		      { 0x81FA, 0x53F0 }, /* 臺 台 */ { 0x88E1, 0x91CC }, /* 裡 里 */
		      { 0x4E48, 0x4E48 }, /* 么 stays (什么) */ { 0x8457, 0x8457 }, /* 著 stays (著名) */
		      { 0x4E7E, 0x4E7E }, /* 乾 stays (乾隆) */ { 0x5E8A, 0x5E8A }, /* 床 stays */
		      { 0x533B, 0x533B }, /* 医 stays */ };
	int bad = 0;
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
		if (fold_cp(cases[k].from) != cases[k].to)
			bad++;
	ok(!bad, "the Traditional fold: 醫 张 臺 裡 fold, 么 著 乾 床 医 stay (%d wrong)", bad);
	ok(!fold_has_traditional("什么著名的床", strlen("什么著名的床")) &&
		   fold_has_traditional("醫院", strlen("醫院")),
	   "Simplified text is not taken for Traditional");
}

int main(void)
{
	test_t2s();
	load_corpus(0);
	is_int((long long)co.ar.n, 5, "the mixed archive has five articles");
	/* the five mixed articles are 0..4 */
	check("covid", "0,1");
	check("ＣＯＶＩＤ", "0,1");
	check("\"covid-19\"", "0");
	check("a股", "0");
	check("123例", "0");
	check("１２３例", "0");
	check("𠀀𠀁", "1");
	check("𠀁", "1");
	check("date:2020-02 武汉", "2");
	check("date:2020-02-01..2020-02-04 covid", "0");
	check("after:2020-02-04 before:2020-03-02 武汉", "2,3");
	check("before:2020-02-04 covid", "0");
	check("source:新华社 covid", "1");
	check("武汉 床位 date:2020", "2");
	check("\"武汉 床位\"", "2");
	check("武汉 -床位 date:2020", "3");
	check("(武汉 | 隔离) -床位 date:2020..2021", "3");
	check("武汉 OR covid date:2020-02", "0,1,2");
	check("covid -\"Ａ股\"", "1");
	check("kind:beds date:2020", "1,2");
	check("beds>1300 date:2020..2021", "2");
	check("beds>=1300 date:2020..2021", "1,2");
	check("beds<1300 date:2020..2021", "4");
	check("beds=300 date:2021", "4");
	check("isolation_sites>100 date:2020-02", "2");
	check("place:武汉 date:2020-02", "2");
	check("city:wuhan date:2020-02", "2");
	check("place:湖北省 date:2020-02", "2");
	check("不存在的词语", "");
	check_error("palce:武汉", "error: column 1: unknown field \"palce\"");
	check_error("武汉 palce:x", "error: column 4: unknown field \"palce\"");
	check_error("武汉 OR", "error: column 4: OR needs a term on each side");
	check_error("| 武汉", "error: column 1: | needs a term");
	check_error("(武汉 床位", "error: column 1: this ( is never closed");
	check_error("武汉)", "error: column 3: unmatched )");
	check_error("\"武汉", "error: column 1: unterminated quote");
	check_error("date:2020-13", "error: column 6: date: \"2020-13\" is not a date");
	check_error("date:2020-03..2020-02", "error: column 6: date: the range ends before it starts");
	check_error("beds>lots", "error: column 6: beds: expected a whole number");
	check_error("bedz>5", "error: column 1: unknown measure \"bedz\"");
	check_error("kind:bedz", "error: column 6: unknown kind \"bedz\"");
	check_error("place:火星", "error: column 7: unknown place \"火星\"");
	check_error("source:", "error: column 8: source: needs a value");
	/* saved searches: @NAME reads as its query in parentheses */
	static const char saved_text[] = "# a comment\nwh = place:武汉\nboth = @wh OR covid\n"
					 "loop = @loop\nbad name = x\nnoquery =\n";
	struct diag sdg = { NULL, NULL, 0 };
	searches_init(&saved);
	is_int(searches_load_text(&saved, saved_text, sizeof saved_text - 1, "searches", &sdg), 2,
	       "a searches file: a name with a space and a missing query are the bad lines");
	check("@wh date:2020-02", "2");
	check("@both date:2020-02", "0,1,2");
	check("-@wh date:2020-02", "0,1");
	check_error("@loop", "error: column 1: @loop = @loop: column 1: @loop uses itself");
	check_error("武汉 @nope", "error: column 4: no saved search @nope");
	const char *why;
	is_int(searches_put(&saved, "床位", "kind:beds\n", 1, &why), -1, "a query of more than one line is refused");
	searches_put(&saved, "床位", "kind:beds", 1, &why);
	check("@床位 date:2020", "1,2");
	size_t flen;
	char *ftext = searches_format(&saved, &flen);
	ok(strstr(ftext, "\n床位 = kind:beds\n") && strstr(ftext, "\nwh = place:武汉\n"),
	   "the searches file is written back as NAME = QUERY lines");
	free(ftext);
	searches_free(&saved);
	/* spans of the hits in a body */
	struct query q;
	query_parse(&q, "床位 OR 隔离点 -武汉", &co.gz);
	uint32_t(*sp)[2];
	const char *body = "集中隔离点132个，床位12571张，武汉床位。";
	size_t n = search_spans(&q, body, strlen(body), &sp);
	char got[128] = "";
	for (size_t i = 0; i < n; i++)
		sprintf(got + strlen(got), "[%u,%u]", sp[i][0], sp[i][1]);
	is_str(got, "[6,15][24,30][47,53]", "hit spans of the positive terms, not of the excluded one");
	free(sp);
	query_free(&q);
	corpus_free(&co);
	load_corpus(1);
	ok(co.ar.n >= 40, "whole corpus loaded: %zu articles", co.ar.n);
	property_exact();
	/* relevance: more occurrences and a title hit rank first */
	query_parse(&q, "武汉", &co.gz);
	corpus_build_order(&co);
	struct query_ctx cx = { &co.ar, &co.ix, &co.fdb, &co.gz, co.by_date, 0 };
	struct search_result r;
	search_run(&q, &cx, SEARCH_BY_RELEVANCE, 3, &r);
	ok(r.n == 3 && r.v[0].score >= r.v[1].score && r.v[1].score >= r.v[2].score && r.v[2].score > 0,
	   "relevance: scores descend (%.3f %.3f %.3f)", r.n ? r.v[0].score : 0, r.n > 1 ? r.v[1].score : 0,
	   r.n > 2 ? r.v[2].score : 0);
	search_result_free(&r);
	search_run(&q, &cx, SEARCH_BY_DATE, 0, &r);
	int sorted = 1;
	for (size_t i = 1; i < r.n; i++) {
		const struct article *a = archive_art(&co.ar, r.v[i - 1].doc), *b = archive_art(&co.ar, r.v[i].doc);
		if (ymd_full(a->date) && ymd_full(b->date) && ymd_days(a->date) > ymd_days(b->date))
			sorted = 0;
		if (!ymd_full(a->date) && ymd_full(b->date))
			sorted = 0;
	}
	ok(sorted && r.n > 3, "date order: oldest first, undated last (%zu results)", r.n);
	/* the browser's check of candidates: in pieces, resumed, the same as a whole run */
	{
		size_t n_all = co.ar.n, *cand = malloc(n_all * sizeof *cand), *out = malloc(n_all * sizeof *out);
		for (size_t i = 0; i < n_all; i++)
			cand[i] = n_all - 1 - i; /* any order: it is kept */
		size_t pos = 0, nout = 0, runs = 0, checked = 0;
		while (pos < n_all) {
			checked += search_check(&q, &cx, cand, n_all, &pos, out, &nout, stop_at_once, NULL);
			runs++;
		}
		int ordered = 1;
		for (size_t i = 1; i < nout; i++)
			ordered &= out[i] < out[i - 1];
		ok(checked == n_all && runs == (n_all + 63) / 64 && nout == r.n && ordered,
		   "search_check stops every 64 candidates when asked and, resumed, finds what search_run does "
		   "(%zu in %zu runs), in the candidates' order", nout, runs);
		pos = nout = 0;
		is_int((long long)search_check(&q, &cx, cand, n_all, &pos, out, &nout, NULL, NULL), (long long)n_all,
		       "without a stop it checks every candidate at once");
		free(cand);
		free(out);
	}
	struct search_result top;
	search_run(&q, &cx, SEARCH_BY_DATE, 3, &top);
	ok(top.n == 3 && top.v[0].doc == r.v[0].doc && top.v[1].doc == r.v[1].doc && top.v[2].doc == r.v[2].doc,
	   "date order with a limit: the first three of the full list");
	search_result_free(&top);
	search_result_free(&r);
	query_free(&q);
	/* with a limit, places and measures are judged only for the articles walked
	 * in date order, and a date range is read off the date order: the answer
	 * must still be the head of the full list */
	static const char *const heads[] = { "place:武汉", "place:湖北", "beds>100", "kind:confirmed",
					     "床位 place:湖北", "-place:武汉 隔离", "place:武汉 OR beds>1000",
					     "date:2020-02", "date:2020-01-20..2020-02-05 -kind:beds",
					     "before:2020-03-01 place:湖北", "-date:2020" };
	for (size_t k = 0; k < sizeof heads / sizeof *heads; k++) {
		query_parse(&q, heads[k], &co.gz);
		search_run(&q, &cx, SEARCH_BY_DATE, 0, &r);
		size_t lim = r.n > 1 ? r.n / 2 : 1;
		search_run(&q, &cx, SEARCH_BY_DATE, lim, &top);
		int same = top.n == (r.n < lim ? r.n : lim);
		for (size_t i = 0; same && i < top.n; i++)
			same = top.v[i].doc == r.v[i].doc;
		size_t cnt;
		ok(same && r.n > 0 && search_count(&q, &cx, &cnt) == r.n,
		   "%s: the first %zu with a limit are the head of all %zu, and the count agrees", heads[k], lim, r.n);
		search_result_free(&top);
		search_result_free(&r);
		query_free(&q);
	}
	corpus_free(&co);
	return done_testing();
}
