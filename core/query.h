/* The query language, one parser for the CLI and the browser:
 *   武汉 床位          both (AND)           a OR b, a | b    either
 *   -word             without              "exact phrase"   spaces kept
 *   ( ... )           grouping
 *   place:武汉 city:   articles about the place or a place within it: their
 *                     dateline, title or measures, or their body naming it twice
 *   date:2020-02 date:2020-02-01..2020-02-15 after:D (that day on) before:D
 *   source:新华社     kind:beds          beds>1000 confirmed>=100 (> >= < <= =)
 *   title:床位 (title and subtitle only)  text:床位 (body only); a bare term
 *   searches title, subtitle and body    @NAME  a saved search (core/searches.h)
 * Matching goes through the search fold (core/fold.h). */
#ifndef EPINEWS_QUERY_H
#define EPINEWS_QUERY_H
#include <stddef.h>
#include <stdint.h>

#include "archive.h"
#include "bits.h"
#include "factdb.h"
#include "fold.h"
#include "gazetteer.h"
#include "index.h"
#include "searches.h"

enum qtype { Q_ALL, Q_TERM, Q_AND, Q_OR, Q_NOT, Q_PLACE, Q_DATE, Q_SOURCE, Q_KIND, Q_MEASURE, Q_TITLE, Q_TEXT };
enum qop { OP_GT, OP_GE, OP_LT, OP_LE, OP_EQ };

struct qnode {
	enum qtype type;
	struct qnode **kid;
	size_t nkid;
	struct fold_str term;   /* Q_TERM, Q_SOURCE, Q_TITLE, Q_TEXT */
	int place;              /* Q_PLACE: gazetteer index */
	unsigned place_bit;     /* Q_PLACE: its factdb_place_bit */
	long day_from, day_to;  /* Q_DATE: inclusive, in ymd_days */
	int kind;               /* Q_KIND, Q_MEASURE */
	enum qop op;
	int64_t value;
	/* evaluation */
	struct bits cand;
	int exact;
	int deferred;           /* Q_PLACE, Q_KIND, Q_MEASURE: judged per article by query_match */
	struct bits within;     /* Q_PLACE deferred: places in it (gazetteer index + 1) */
};

struct query {
	struct qnode *root;
	int needs_facts;        /* uses place:, kind: or a measure */
	char err[200];          /* "column 7: unknown field \"palce\"" */
};

/* Parse s. Returns 0, or -1 with q->err set. gz resolves place names. */
int query_parse(struct query *q, const char *s, const struct gazetteer *gz);
/* The same, with @NAME read from saved searches (ss may be NULL). */
int query_parse_saved(struct query *q, const char *s, const struct gazetteer *gz, const struct searches *ss);
void query_free(struct query *q);

/* What a query runs against. ix may be NULL (every article is then scanned);
 * fdb is needed when q->needs_facts. */
struct query_ctx {
	const struct archive *ar;
	const struct index *ix;
	const struct factdb *fdb;
	const struct gazetteer *gz;
	const uint32_t *by_date; /* optional: every article, oldest first (search_date_order) */
	/* judge place and measure terms per article in query_match rather than for
	 * the whole archive at once: for a caller that stops after a few matches */
	int defer_facts;
};

/* The first place at or after `from` in the date order by_date (see query_ctx)
 * whose article's day is after `day` (after: 1) or not before it (after: 0);
 * undated articles come last, as after every day. Reads only log n articles. */
size_t query_date_bound(const struct archive *ar, const uint32_t *by_date, size_t from, long day, int after);

/* Evaluate: afterwards q->root->cand holds the candidates and query_match says
 * whether each one really matches. */
void query_eval(struct query *q, const struct query_ctx *cx);
int query_match(const struct query *q, const struct query_ctx *cx, size_t doc);
/* When nothing matches: why, if a term the query needs can match no article
 * of the archive ("no article in this archive has a date"), into buf; else
 * NULL. */
const char *query_why_empty(const struct query *q, const struct query_ctx *cx, char *buf, size_t size);
/* Call fn for each term that counts towards a match (not under a NOT). */
void query_terms(const struct query *q, void (*fn)(const struct fold_str *t, void *arg), void *arg);

#endif
