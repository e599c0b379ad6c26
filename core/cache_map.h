/* A cache file mapped for reading, checked as it is read.
 *
 * Opening checks what every use needs at once: the header, the block sums, the
 * file records and their paths, the tables of measures per article, home
 * cities, date order and index keys. That is a few percent of the file. The rest
 * (article records, their text, paragraphs and measures, posting lists) is
 * checked when first read: each block against its sum, each record against the
 * file's bounds. So a reopen costs what it reads, and a damaged block is found
 * before anything in it is used. Safe to check from several threads. */
#ifndef EPINEWS_CACHE_MAP_H
#define EPINEWS_CACHE_MAP_H
#include <stddef.h>
#include <stdint.h>

#include "cache_format.h"

struct cache_map;

/* Map and check `file`; NULL with *why set when it cannot be used. */
struct cache_map *cache_map_open(const char *file, size_t nplaces, const char **why);
void cache_map_close(struct cache_map *m);

const struct cache_header *cache_map_header(const struct cache_map *m);
/* Section s; checked at open for the small ones, else see the checks below. */
const void *cache_map_section(const struct cache_map *m, int s);
/* The file record for path, or NULL. */
const struct file_rec *cache_map_find_file(const struct cache_map *m, const char *path);

/* Per article: whether cache_map_check_facts has found its measures sound. */
const _Atomic unsigned char *cache_map_facts_checked(const struct cache_map *m);

/* Whether the file changed under the mapping since it was opened: NULL, or
 * the reason (cut short: its lost pages now read as zeros, see mapguard.h;
 * written over in place). Whatever was read from it since may be wrong.
 * A stat of the open file: cheap enough to ask before every screen. */
const char *cache_map_lost(const struct cache_map *m);

/* Checks: NULL when sound, else the reason. Each is done once. */
/* Bytes [off, off + len) of the file against their block sums. */
const char *cache_map_check_range(struct cache_map *m, uint64_t off, uint64_t len);
/* Article k's record alone (its strings unchecked), or NULL. */
const struct art_rec *cache_map_art_rec(struct cache_map *m, size_t k);
/* Article k: its record, strings and paragraphs. */
const char *cache_map_check_art(struct cache_map *m, size_t k);
/* Article k's measures (and its record, for their bounds). */
const char *cache_map_check_facts(struct cache_map *m, size_t k);
/* Posting list of index term t. */
const char *cache_map_check_postings(struct cache_map *m, size_t t);
/* Everything. */
const char *cache_map_check_all(struct cache_map *m);

#endif
