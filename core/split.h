/* Splitting work on an archive across threads: contiguous article ranges of
 * about equal text, each handled by one call of a worker, the threads taking
 * the ranges in turn. */
#ifndef EPINEWS_SPLIT_H
#define EPINEWS_SPLIT_H
#include <stddef.h>

#include "archive.h"

/* How many parts to cut ar into for nthreads threads: one per `per_part`
 * articles, at least one per thread, at most max (1 for one thread). */
int split_count(const struct archive *ar, int nthreads, size_t per_part, int max);
/* bounds[0..n] for n ranges of ar's articles: range t is [bounds[t], bounds[t+1]). */
void split_articles(const struct archive *ar, int n, size_t *bounds);
/* Run fn on each of nparts parts, on nthreads threads (this one among them):
 * each thread takes the next part not yet taken, so that parts of unequal cost
 * keep every thread busy to the end. */
void split_run_parts(int nthreads, int nparts, void *(*fn)(void *), void *parts, size_t stride);

#endif
