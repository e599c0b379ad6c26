/* The cache: a corpus (articles, measures, index) saved in one file under
 * $XDG_CACHE_HOME/epinews/, keyed by the archive paths, and mapped back in.
 *
 * A file whose size and modification time match the cache is taken from it
 * without being read; the others are read as usual, and then the measures of
 * the new articles are extracted and the index rebuilt. Opening checks the
 * header (magic, version, byte order, record sizes, length, its own sum) and
 * the small tables; a cache that fails is not used. Articles, their measures
 * and posting lists are checked block by block when first read (cache_map.h),
 * so a reopen costs what it reads; damage found then is reported through
 * corpus.damaged, the file is removed, and the damaged part reads as empty.
 * Writes go to a temporary file that is synced and renamed over the old one. */
#ifndef EPINEWS_CACHE_H
#define EPINEWS_CACHE_H
#include <stddef.h>
#include <stdint.h>

#include "corpus.h"

/* $XDG_CACHE_HOME/epinews/KEY.cache for these paths (KEY hashes their real
 * paths, and salt: how they are read, as field_map_key of --map), written into
 * buf; NULL when no cache directory can be named. */
const char *cache_path(char **paths, int npaths, uint64_t salt, char *buf, size_t size);

/* Load a corpus through the cache at `file` (NULL: no cache): reuse what it can,
 * read the rest, build facts and index. *why gets a short reason when an
 * existing cache could not be used (else NULL). Returns 1 when the cache is
 * now stale and worth saving. */
int cache_load(struct corpus *c, const char *file, char **paths, int npaths, struct diag *dg,
	       const char **why);
/* The same, but with `defer` the measures and the index are left for
 * cache_finish (c->pending is set): the articles and their date order are
 * ready at once, for a browser to show while the rest is built on a thread. */
int cache_load_deferred(struct corpus *c, const char *file, char **paths, int npaths, struct diag *dg,
			const char **why, int defer);
/* Build what cache_load_deferred left (no-op when nothing is pending). */
void cache_finish(struct corpus *c);
/* The temporary file that this process writes `file` through (a load that
 * rebuilds the cache begins it), into buf; NULL when it does not fit. */
const char *cache_tmp_path(const char *file, char *buf, size_t size);
/* Write the corpus (with facts and index) to `file` atomically. 0, or -1 with errno. */
int cache_save(const struct corpus *c, const char *file);
/* Check every part of the cache that c was loaded from (a load checks parts
 * as they are first used); damage goes to c->damaged as it would on use.
 * NULL when sound or when c has no cache, else the reason. */
const char *cache_verify(struct corpus *c);
/* Whether the cache file c reads from was cut short or written over while in
 * use (cache_map_lost): NULL, or the reason. What was read from it since may
 * be wrong, zeros where pages were lost: load the corpus again, from the files. */
const char *cache_lost(const struct corpus *c);
/* Check a cache file without using it: NULL when sound, else the reason. */
const char *cache_check(const char *file);

#endif
