/* A corpus: an archive with what is derived from it (the index, every article's
 * measures, the gazetteer they refer to), built once or read from the cache. */
#ifndef EPINEWS_CORPUS_H
#define EPINEWS_CORPUS_H
#include <stddef.h>
#include <stdint.h>

#include "archive.h"
#include "diag.h"
#include "factdb.h"
#include "gazetteer.h"
#include "index.h"

struct corpus {
	struct archive ar;
	struct gazetteer gz;
	struct index ix;
	struct factdb fdb;
	uint32_t *by_date;    /* articles oldest first, or NULL until built */
	/* measures and index still to build (cache_finish): what the cache had */
	int pending;
	struct factdb pending_old;
	int64_t *pending_prior;
	int by_date_borrowed;
	int have_index, have_facts;
	int nthreads;
	/* where it came from, for messages */
	int from_cache;       /* 1 when the cache was reused (some files re-read perhaps) */
	size_t files_reread;  /* files read from disk because the cache lacked them */
	double t_load, t_facts, t_index; /* seconds spent on each */
	/* told what is being done: a phase ("reading", "measures", "index"), and for
	 * reading the bytes done of the total and the articles so far */
	void (*progress)(void *arg, const char *phase, uint64_t done, uint64_t total, size_t articles);
	void *progress_arg;
	void *cache;          /* the cache the articles were taken from, or NULL */
	void (*cache_free)(void *cache);
	void *saving;         /* a cache file being written (cache_save finishes it), or NULL */
	void (*saving_free)(void *saving);
	/* told when damage is found in the cache after it was opened (each part
	 * is checked when first used): the file is already removed, and what was
	 * damaged reads as empty. May not return (exit, or exec to start again). */
	void (*damaged)(void *arg, const char *file, const char *why);
	void *damaged_arg;
};

void corpus_init(struct corpus *c);
/* Load every path (messages through dg), without assigning ids. */
void corpus_load_files(struct corpus *c, char **paths, int npaths, struct diag *dg);
/* Load every path (messages through dg), assign ids. */
void corpus_load(struct corpus *c, char **paths, int npaths, struct diag *dg);
/* Build what is missing: the index and/or the measures. */
void corpus_build_index(struct corpus *c);
void corpus_build_facts(struct corpus *c);
void corpus_build_order(struct corpus *c);
void corpus_free(struct corpus *c);
/* Tell the progress callback (if any) that a phase starts. */
void corpus_phase(struct corpus *c, const char *phase);
/* Monotonic seconds. */
double corpus_clock(void);
/* Threads worth using on this machine. */
int corpus_threads(void);

#endif
