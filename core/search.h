/* Running a parsed query over an archive: the matching articles in date or
 * relevance (BM25) order, and where the query's words are in an article. */
#ifndef EPINEWS_SEARCH_H
#define EPINEWS_SEARCH_H
#include <stddef.h>
#include <stdint.h>

#include "query.h"

enum search_sort { SEARCH_BY_DATE, SEARCH_BY_RELEVANCE, SEARCH_BY_ARCHIVE };

struct search_hit {
	uint32_t doc;
	double score; /* BM25; 0 unless sorted by relevance */
};

struct search_result {
	struct search_hit *v;
	size_t n;
	size_t candidates; /* articles the index proposed */
};

/* The first `limit` matches (0: all) of an evaluated-or-not query. Dates sort
 * oldest first, undated articles last; ties keep archive order. */
void search_run(struct query *q, const struct query_ctx *cx, enum search_sort sort, size_t limit,
		struct search_result *res);
void search_result_free(struct search_result *res);
/* How many articles match (no order needed: an exact candidate set is counted
 * as it is); *candidates gets the size of the candidate set. */
size_t search_count(struct query *q, const struct query_ctx *cx, size_t *candidates);
/* The last step of a search shown as it is typed: candidates cand[*pos..n)
 * (in the order they are listed) checked against the text one by one, the
 * matches appended to out (*nout so far). Every 64 checks stop(arg, *nout)
 * may end the run, to be resumed from *pos (stop NULL: check them all).
 * Returns how many were checked. */
size_t search_check(const struct query *q, const struct query_ctx *cx, const size_t *cand, size_t n,
		    size_t *pos, size_t *out, size_t *nout, int (*stop)(void *arg, size_t nout), void *arg);
/* Every article number of ar in date order (undated last, ties in archive order);
 * caller frees. */
uint32_t *search_date_order(const struct archive *ar);

/* Byte spans [start, end) of the query's words in s[0..n), sorted and merged.
 * Returns the number of spans; *spans is allocated (caller frees). */
size_t search_spans(const struct query *q, const char *s, size_t n, uint32_t (**spans)[2]);

#endif
