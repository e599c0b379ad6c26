#include "split.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "thread.h"
#include "xalloc.h"

int split_count(const struct archive *ar, int nthreads, size_t per_part, int max)
{
	if (nthreads <= 1)
		return 1;
	size_t want = ar->n / per_part;
	return want < (size_t)nthreads ? nthreads : want > (size_t)max ? max : (int)want;
}

void split_articles(const struct archive *ar, int n, size_t *bounds)
{
	unsigned long long total = 0, acc = 0;
	for (size_t d = 0; d < ar->n; d++)
		total += archive_art(ar, d)->body_len + 1;
	size_t d = 0;
	bounds[0] = 0;
	for (int t = 0; t < n; t++) {
		unsigned long long goal = total * (unsigned long long)(t + 1) / (unsigned long long)n;
		while (d < ar->n && (acc < goal || t == n - 1))
			acc += archive_art(ar, d++)->body_len + 1;
		bounds[t + 1] = d;
	}
}

struct queue {
	void *(*fn)(void *);
	char *parts;
	size_t stride;
	int nparts;
	atomic_int next;
};

static void *take_parts(void *arg)
{
	struct queue *q = arg;
	int i;
	while ((i = atomic_fetch_add(&q->next, 1)) < q->nparts)
		q->fn(q->parts + (size_t)i * q->stride);
	return NULL;
}

void split_run_parts(int nthreads, int nparts, void *(*fn)(void *), void *parts, size_t stride)
{
	struct queue q = { fn, parts, stride, nparts, 0 };
	if (nthreads > nparts)
		nthreads = nparts;
	pthread_t *th = xcalloc((size_t)(nthreads > 1 ? nthreads : 1), sizeof *th);
	int started = 0;
	for (int t = 1; t < nthreads; t++)
		if (thread_start(&th[started], take_parts, &q) == 0)
			started++;
	take_parts(&q); /* what no thread took is done here */
	for (int t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	free(th);
}
