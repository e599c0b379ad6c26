#include "corpus.h"

#include <string.h>
#include <stdlib.h>
#include <time.h>

#include "search.h"
#include <unistd.h>

double corpus_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void corpus_init(struct corpus *c)
{
	memset(c, 0, sizeof *c);
	archive_init(&c->ar);
	gazetteer_init(&c->gz);
	c->nthreads = corpus_threads();
	c->ar.nthreads = c->nthreads;
}

int corpus_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

static void reading(void *arg, uint64_t done, uint64_t total, size_t articles)
{
	struct corpus *c = arg;
	c->progress(c->progress_arg, "reading", done, total, articles);
}

void corpus_phase(struct corpus *c, const char *phase)
{
	if (c->progress)
		c->progress(c->progress_arg, phase, 0, 0, c->ar.n);
}

void corpus_load_files(struct corpus *c, char **paths, int npaths, struct diag *dg)
{
	double t = corpus_clock();
	if (c->progress) {
		c->ar.progress = reading;
		c->ar.progress_arg = c;
	}
	archive_load_paths(&c->ar, paths, npaths, dg);
	c->t_load += corpus_clock() - t;
}

void corpus_load(struct corpus *c, char **paths, int npaths, struct diag *dg)
{
	corpus_load_files(c, paths, npaths, dg);
	double t = corpus_clock();
	archive_assign_ids(&c->ar);
	c->t_load += corpus_clock() - t;
}

void corpus_build_index(struct corpus *c)
{
	if (c->have_index)
		return;
	corpus_phase(c, "indexing");
	double t = corpus_clock();
	index_build(&c->ar, c->nthreads, &c->ix);
	c->t_index += corpus_clock() - t;
	c->have_index = 1;
}

void corpus_build_facts(struct corpus *c)
{
	if (c->have_facts)
		return;
	corpus_phase(c, "finding the measures");
	double t = corpus_clock();
	factdb_build(&c->fdb, &c->ar, &c->gz, c->nthreads, NULL);
	c->t_facts += corpus_clock() - t;
	c->have_facts = 1;
}

void corpus_build_order(struct corpus *c)
{
	if (!c->by_date)
		c->by_date = search_date_order(&c->ar);
}

void corpus_free(struct corpus *c)
{
	if (c->saving_free) /* first: it may still be reading the articles */
		c->saving_free(c->saving);
	free(c->pending_prior);
	if (!c->by_date_borrowed)
		free(c->by_date);
	if (c->have_index)
		index_free(&c->ix);
	if (c->have_facts)
		factdb_free(&c->fdb);
	archive_free(&c->ar);
	gazetteer_free(&c->gz);
	if (c->cache_free)
		c->cache_free(c->cache);
	memset(c, 0, sizeof *c);
}
