/* The inverted index: for every pair of adjacent code points (after the search
 * fold) in an article's title and body, the articles that contain it. Code points
 * past the BMP share one slot, and every article's text ends with an end mark, so
 * a one-character query is the union of the pairs it starts. Posting lists are
 * delta-coded varints. The index only narrows: the caller verifies candidates
 * against the text unless index_lookup says the answer is exact. */
#ifndef EPINEWS_INDEX_H
#define EPINEWS_INDEX_H
#include <stddef.h>
#include <stdint.h>

#include "archive.h"
#include "bits.h"
#include "fold.h"

struct index {
	uint32_t ndocs;
	size_t nterms;
	const uint32_t *keys; /* sorted: first code point << 16 | second */
	const uint32_t *df;   /* articles per key */
	const uint64_t *off;  /* nterms + 1 offsets into post */
	const uint8_t *post;
	uint64_t post_len;
	void *own[4];         /* what index_free releases (NULL when borrowed) */
	/* when set, called before term t's postings are read: 0 when they may be
	 * (a mapped cache checks them on first use), else they read as none */
	int (*check)(void *arg, size_t t);
	void *check_arg;
};

/* Build the index of every article in ar using up to nthreads threads. */
void index_build(const struct archive *ar, int nthreads, struct index *ix);
/* The same, sorting chunk_pairs (article, pair) entries at a time (index_build:
 * 8 M). Every posting list holds each article once, however the chunks cut it. */
void index_build_chunked(const struct archive *ar, int nthreads, size_t chunk_pairs, struct index *ix);
void index_free(struct index *ix);

/* Candidates for the folded string q, as a set over the index's articles.
 * Returns 1 when the set is exactly the articles whose folded title or body
 * contains q, 0 when members must still be verified. An empty q matches all. */
int index_lookup(const struct index *ix, const struct fold_str *q, struct bits *out);
/* The posting list of one key: article numbers, ascending (caller frees). */
size_t index_postings(const struct index *ix, uint32_t key, uint32_t **docs);
/* Bytes the index takes (postings and tables). */
uint64_t index_bytes(const struct index *ix);

#endif
