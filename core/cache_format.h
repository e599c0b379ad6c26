/* The layout of a cache file, shared by its writer (cache_write.c) and its reader
 * (cache_map.c). Not for other code.
 *
 * header | sections, each 8-aligned | block sums
 *
 * Everything between the header and the block sums is summed in blocks of
 * CACHE_CHUNK bytes; the sums are the file's last section, and the header holds
 * the sum of the sums and of itself. A reader checks the header and the sums at
 * once, and a block when it first reads from it. */
#ifndef EPINEWS_CACHE_FORMAT_H
#define EPINEWS_CACHE_FORMAT_H
#include <stddef.h>
#include <stdint.h>

#define CACHE_MAGIC "EPNWCACH"
#define CACHE_VERSION 10u /* 10: Traditional folded to Simplified; the places articles are about */
#define ENDIAN_MARK 0x01020304u
#define NO_STR UINT64_MAX
#define CACHE_CHUNK ((size_t)16 << 10)

enum {
	S_FILES, S_ARTS, S_PARA, S_STR, S_FACTS, S_FFIRST, S_HOME, S_KEYS, S_DF, S_OFF, S_POST,
	S_ORDER, S_ABOUT, S_PMASK, S_BSUM, NSEC
};

struct cache_header {
	char magic[8];
	uint32_t version, endian;
	uint32_t sz_header, sz_file, sz_art, sz_fact;
	uint64_t file_len;
	uint64_t bsum_sum;   /* of the S_BSUM section */
	uint64_t head_sum;   /* of the header's page (DATA_START bytes) with head_sum zero */
	uint64_t count[NSEC]; /* elements */
	uint64_t off[NSEC];   /* byte offsets, 8-aligned */
};

struct file_rec {
	uint64_t size;
	int64_t mtime_ns;
	uint64_t path; /* into S_STR */
	uint32_t first, count;
};

enum { STR_TITLE, STR_SUBTITLE, STR_ORIG, STR_SOURCE, STR_PLACE, STR_URL, STR_RAW, STR_BODY, NSTR };

struct art_rec {
	uint64_t str[NSTR];
	uint64_t offset, line, hash;
	uint32_t body_len, para_first, npara, flags, file;
	int32_t date[3], dateline[3];
	char id[24]; /* valid when the whole archive is reused in order */
};

/* The header has the first page to itself: sections start page-aligned, and
 * the file can be written with direct I/O. */
#define DATA_START ((size_t)4096)
_Static_assert(sizeof(struct cache_header) <= DATA_START, "the header fits its page");

/* Bytes per element of section s. */
size_t cache_esize(int s);
/* The checksum of n bytes, for detecting damage (not an adversary). */
uint64_t cache_sum(const void *p, size_t n, uint64_t seed);
/* The seed of block b's sum: a block moved elsewhere does not match. */
#define CHUNK_SEED(b) ((uint64_t)(b) * 0x9E3779B97F4A7C15ull ^ CACHE_VERSION)

#endif
