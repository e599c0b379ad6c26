#include "search.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "radix.h"
#include "xalloc.h"

/* Sort key for date order: day number, undated last, then archive order. */
static long day_key(const struct article *a)
{
	return ymd_full(a->date) ? ymd_days(a->date) : 0x7fffffffL;
}

static int by_date(const void *x, const void *y, void *arg)
{
	const struct archive *ar = arg;
	const struct search_hit *a = x, *b = y;
	long da = day_key(archive_art(ar, a->doc)), db = day_key(archive_art(ar, b->doc));
	if (da != db)
		return da < db ? -1 : 1;
	return (a->doc > b->doc) - (a->doc < b->doc);
}

static int by_score(const void *x, const void *y, void *arg)
{
	const struct search_hit *a = x, *b = y;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return by_date(x, y, arg);
}

struct term_stat {
	const struct fold_str *t;
	double idf;
};

struct term_list {
	const struct query_ctx *cx;
	struct term_stat *v;
	size_t n;
};

static void collect_term(const struct fold_str *t, void *arg)
{
	struct term_list *tl = arg;
	/* document frequency: the index's candidates for the term (exact for two
	 * characters, an upper bound for longer ones); half the archive without one */
	size_t N = tl->cx->ar->n, df = N / 2 + 1;
	if (tl->cx->ix) {
		struct bits c;
		index_lookup(tl->cx->ix, t, &c);
		df = bits_count(&c);
		bits_free(&c);
	}
	tl->v = xrealloc(tl->v, (tl->n + 1) * sizeof *tl->v);
	tl->v[tl->n].t = t;
	tl->v[tl->n].idf = log(1.0 + ((double)N - (double)df + 0.5) / ((double)df + 0.5));
	tl->n++;
}

/* BM25 of article a; a title occurrence counts twice. */
static double bm25(const struct term_list *tl, const struct article *a, double avglen)
{
	const double k1 = 1.2, b = 0.75;
	size_t tlen = strlen(a->title);
	double len = (double)(a->body_len + tlen), score = 0;
	for (size_t i = 0; i < tl->n; i++) {
		int simple = !(a->flags & ART_TRADITIONAL);
		size_t tf = fold_count_in(a->title, tlen, tl->v[i].t, simple) * 2 +
			    fold_count_in(a->body, a->body_len, tl->v[i].t, simple);
		if (tf)
			score += tl->v[i].idf * (double)tf * (k1 + 1) /
				 ((double)tf + k1 * (1 - b + b * len / avglen));
	}
	return score;
}

void search_run(struct query *q, const struct query_ctx *cx, enum search_sort sort, size_t limit,
		struct search_result *res)
{
	memset(res, 0, sizeof *res);
	/* the first few in date order: places and measures are judged only for the
	 * articles walked, not for the whole archive */
	struct query_ctx lx = *cx;
	lx.defer_facts = sort == SEARCH_BY_DATE && cx->by_date && limit;
	cx = &lx;
	query_eval(q, cx);
	const struct bits *cand = &q->root->cand;
	size_t nc = bits_count(cand);
	res->candidates = nc;
	if (sort == SEARCH_BY_DATE && cx->by_date && limit && nc > cx->ar->n / 64) {
		/* the first few in date order: walk the order, verify, stop at the limit */
		struct search_hit *w = xmalloc((limit + 1) * sizeof *w);
		size_t k = 0;
		for (size_t i = 0; i < cx->ar->n && k < limit; i++) {
			uint32_t d = cx->by_date[i];
			if (bits_has(cand, d) && query_match(q, cx, d))
				w[k++] = (struct search_hit){ d, 0 };
		}
		res->v = w;
		res->n = k;
		return;
	}
	struct search_hit *v = xmalloc((nc + 1) * sizeof *v);
	size_t n = 0;
	if (sort == SEARCH_BY_DATE && cx->by_date && nc > cx->ar->n / 64) {
		/* many candidates: walk the date order rather than sort them */
		for (size_t i = 0; i < cx->ar->n; i++)
			if (bits_has(cand, cx->by_date[i]))
				v[n++] = (struct search_hit){ cx->by_date[i], 0 };
	} else {
		for (size_t d = bits_next(cand, 0); d != (size_t)-1; d = bits_next(cand, d + 1))
			v[n++] = (struct search_hit){ (uint32_t)d, 0 };
		if (sort == SEARCH_BY_DATE)
			qsort_r(v, n, sizeof *v, by_date, (void *)cx->ar);
	}
	/* verify in output order, so a limit stops early */
	size_t kept = 0;
	int need_all = sort == SEARCH_BY_RELEVANCE;
	for (size_t i = 0; i < n && (need_all || !limit || kept < limit); i++)
		if (query_match(q, cx, v[i].doc))
			v[kept++] = v[i];
	if (sort == SEARCH_BY_RELEVANCE && kept) {
		double total = 0;
		for (size_t d = 0; d < cx->ar->n; d++)
			total += (double)(archive_art(cx->ar, d)->body_len + strlen(archive_art(cx->ar, d)->title));
		double avglen = total / (double)cx->ar->n;
		if (avglen <= 0)
			avglen = 1;
		struct term_list tl = { cx, NULL, 0 };
		query_terms(q, collect_term, &tl);
		for (size_t i = 0; i < kept; i++)
			v[i].score = bm25(&tl, archive_art(cx->ar, v[i].doc), avglen);
		free(tl.v);
		qsort_r(v, kept, sizeof *v, by_score, (void *)cx->ar);
	}
	if (limit && kept > limit)
		kept = limit;
	res->v = v;
	res->n = kept;
}

size_t search_check(const struct query *q, const struct query_ctx *cx, const size_t *cand, size_t n,
		    size_t *pos, size_t *out, size_t *nout, int (*stop)(void *arg, size_t nout), void *arg)
{
	size_t checked = 0;
	while (*pos < n) {
		if (stop && checked && (checked & 63) == 0 && stop(arg, *nout))
			break;
		size_t d = cand[(*pos)++];
		checked++;
		if (query_match(q, cx, d))
			out[(*nout)++] = d;
	}
	return checked;
}

size_t search_count(struct query *q, const struct query_ctx *cx, size_t *candidates)
{
	query_eval(q, cx);
	const struct bits *cand = &q->root->cand;
	*candidates = bits_count(cand);
	if (q->root->exact)
		return *candidates;
	size_t n = 0;
	for (size_t d = bits_next(cand, 0); d != (size_t)-1; d = bits_next(cand, d + 1))
		n += query_match(q, cx, d) != 0;
	return n;
}

uint32_t *search_date_order(const struct archive *ar)
{
	/* (day, article) in one number: a stable radix sort by day keeps archive order */
	uint64_t *v = xmalloc((ar->n + 1) * sizeof *v), *tmp = xmalloc((ar->n + 1) * sizeof *tmp);
	for (size_t i = 0; i < ar->n; i++) {
		long d = day_key(archive_art(ar, i)); /* far inside ±2^31 */
		v[i] = (uint64_t)(uint32_t)(d + 0x80000000L) << 32 | (uint32_t)i;
	}
	uint64_t *sorted = radix_sort_hi32(v, tmp, ar->n);
	uint32_t *o = xmalloc((ar->n + 1) * sizeof *o);
	for (size_t i = 0; i < ar->n; i++)
		o[i] = (uint32_t)sorted[i];
	free(v);
	free(tmp);
	return o;
}

void search_result_free(struct search_result *res)
{
	free(res->v);
	memset(res, 0, sizeof *res);
}

struct span_acc {
	const char *s;
	size_t n;
	uint32_t (*v)[2];
	size_t len, cap;
};

static void add_spans(const struct fold_str *t, void *arg)
{
	struct span_acc *sa = arg;
	size_t at = 0, end;
	while ((at = fold_find(sa->s, sa->n, at, t, &end)) != (size_t)-1) {
		if (sa->len == sa->cap) {
			sa->cap = sa->cap ? sa->cap * 2 : 16;
			sa->v = xrealloc(sa->v, sa->cap * sizeof *sa->v);
		}
		sa->v[sa->len][0] = (uint32_t)at;
		sa->v[sa->len][1] = (uint32_t)end;
		sa->len++;
		at = end;
	}
}

static int by_start(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;
	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

size_t search_spans(const struct query *q, const char *s, size_t n, uint32_t (**spans)[2])
{
	struct span_acc sa = { s, n, NULL, 0, 0 };
	query_terms(q, add_spans, &sa);
	if (sa.len)
		qsort(sa.v, sa.len, sizeof *sa.v, by_start);
	size_t out = 0;
	for (size_t i = 0; i < sa.len; i++) {
		if (out && sa.v[i][0] <= sa.v[out - 1][1]) {
			if (sa.v[i][1] > sa.v[out - 1][1])
				sa.v[out - 1][1] = sa.v[i][1];
		} else {
			sa.v[out][0] = sa.v[i][0];
			sa.v[out][1] = sa.v[i][1];
			out++;
		}
	}
	*spans = sa.v;
	return out;
}
