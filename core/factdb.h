/* The measures of every article in an archive, extracted once (on several
 * threads) and kept together, with each article's home city: what measure and
 * place queries, exports and the cache need. */
#ifndef EPINEWS_FACTDB_H
#define EPINEWS_FACTDB_H
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "archive.h"
#include "bits.h"
#include "facts.h"
#include "gazetteer.h"

#define FACTDB_PARTS 64 /* pieces of the archive extracted apart, at most */

struct factdb {
	/* Every fact, article by article, numbered 0..n across the parts: the facts
	 * numbered [part_first[p], part_first[p + 1]) are part[p], those of articles
	 * [part_doc[p], part_doc[p + 1]). The extracting threads take one part
	 * after another; a mapped cache is one part. */
	struct fact *part[FACTDB_PARTS];
	size_t part_first[FACTDB_PARTS + 1], part_doc[FACTDB_PARTS + 1];
	int nparts;
	size_t n;
	uint32_t *first;     /* ndocs + 1: facts of article d are numbered first[d]..first[d+1] */
	int32_t *home;       /* ndocs: article_home_city, or -1 */
	int32_t *about;      /* ndocs * FACTS_ABOUT: the places each article is about (facts_extract_about) */
	uint64_t *pmask;     /* ndocs: factdb_place_bit of each place an article is about, and of those above */
	size_t ndocs;
	int borrowed;        /* arrays point into a mapped cache: do not free */
	/* when set, called before article d's facts are first read, until it sets
	 * checked[d]: 0 when they may be read (a mapped cache checks them on first
	 * use), else they read as none */
	int (*check)(void *arg, size_t d);
	void *check_arg;
	const _Atomic unsigned char *checked;
};

/* Facts already known for some articles: article d's are old->v[old->first[k] ..
 * old->first[k + 1]) where k = map[d] >= 0; the others are extracted. */
struct factdb_prior {
	const struct factdb *old;
	const int64_t *map;
};

/* prior may be NULL. */
void factdb_build(struct factdb *db, const struct archive *ar, const struct gazetteer *gz,
		  int nthreads, const struct factdb_prior *prior);
void factdb_free(struct factdb *db);
/* Make db one part holding v[0..n) for all ndocs articles (a mapped cache). */
void factdb_single(struct factdb *db, struct fact *v, size_t n, size_t ndocs);

/* The places article d is about: its about slots and its measures' places and
 * lists, each once, into out[0..max). Returns how many. What place: matches and
 * what the place picker counts: one definition. */
size_t factdb_places(const struct factdb *db, size_t d, int *out, size_t max);

/* A place's bit in pmask (one of 64; places of one full name share it). */
unsigned factdb_place_bit(const struct gazetteer *gz, int place);
/* Is article d about a place p of `in` (bit p + 1 set; bit 0 for none)? The
 * places are factdb_places', read without collecting them; articles whose
 * pmask lacks `bit` (factdb_place_bit of the place asked for) are turned away
 * first. */
int factdb_about_in(const struct factdb *db, size_t d, const struct bits *in, unsigned bit);

/* count[p] (gz->n of them, zeroed by the caller): how many articles are about
 * place p or a place within it, as place:p finds them. */
void factdb_place_counts(const struct factdb *db, const struct gazetteer *gz, size_t *count);

/* The facts of article d. */
static inline const struct fact *factdb_of(const struct factdb *db, size_t d, size_t *n)
{
	if (db->check && !atomic_load_explicit(&db->checked[d], memory_order_acquire) &&
	    db->check(db->check_arg, d) != 0) {
		*n = 0;
		return db->part[0];
	}
	*n = db->first[d + 1] - db->first[d];
	int lo = 0, hi = db->nparts - 1; /* the last part that starts at or before d */
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (db->part_doc[mid] <= d)
			lo = mid;
		else
			hi = mid - 1;
	}
	return db->part[lo] + (db->first[d] - db->part_first[lo]);
}

#endif
