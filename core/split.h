/* Splitting work on an archive across threads: contiguous article ranges of
 * about equal text, each handled by one call of a worker. */
#ifndef EPINEWS_SPLIT_H
#define EPINEWS_SPLIT_H
#include <stddef.h>

#include "archive.h"

/* bounds[0..n] for n ranges of ar's articles: range t is [bounds[t], bounds[t+1]). */
void split_articles(const struct archive *ar, int n, size_t *bounds);
/* Run fn(parts + t * stride) for t in [0, n): t = 0 on this thread, the others on
 * new threads (or here too when one cannot be started). Returns when all are done. */
void split_run(int n, void *(*fn)(void *), void *parts, size_t stride);

#endif
