/* What loading asks of the cache writer (cache_write.c), for cache.c alone:
 * the new cache is begun while the archive it holds is indexed. */
#ifndef EPINEWS_CACHE_WRITE_H
#define EPINEWS_CACHE_WRITE_H
#include "corpus.h"

/* Write the first sections of `file` (files, articles, their paragraphs and
 * strings) on a thread while the caller builds the rest; c->saving holds it,
 * and cache_save finishes it. Nothing happens when the file cannot be made. */
void cache_save_start(struct corpus *c, const char *file);
/* c's measures are built: the thread may go on with them. */
void cache_save_facts_ready(struct corpus *c);

#endif
