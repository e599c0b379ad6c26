/* The archive: every article loaded from a set of paths, in archive order. */
#ifndef EPINEWS_ARCHIVE_H
#define EPINEWS_ARCHIVE_H
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "diag.h"

struct stat;
struct archive;
struct field_maps;

/* What is known of each file read, parallel to archive.files. */
struct file_info {
	uint64_t size;
	int64_t mtime_ns;
	size_t first, count; /* its articles: art[first .. first + count) */
};

/* A hook that may supply a file's articles without reading it (the cache):
 * returns 1 when it can (dry_run) or did (added them with archive_add_file). */
typedef int (*archive_reuse_fn)(void *arg, struct archive *ar, const char *path,
				const struct stat *st, int dry_run);

/* Articles that a provider (the cache) fills in when they are first used, so
 * that opening a large cache touches only what is read. Read articles with
 * archive_art, never ar->art[i] directly. */
struct archive_lazy {
	/* write article i whole into *a (it is called once per article) */
	void (*fill)(void *arg, struct article *a, size_t i);
	/* article i's id without filling it in: 0, or -1 when it cannot be read */
	int (*id)(void *arg, size_t i, char out[24]);
	void *arg;
	_Atomic unsigned char *state; /* [0, n): 0 whole, 1 not yet filled, 2 being filled */
	size_t n, cap;
};

struct archive {
	struct article *art;  /* read through archive_art */
	size_t n, cap;
	char **files; /* paths of the files read, owned */
	struct file_info *finfo;
	size_t nfiles, capfiles;
	uint64_t bytes; /* bytes read */
	archive_reuse_fn reuse;
	void *reuse_arg;
	int nthreads; /* files read at once by archive_load (0 or 1: one at a time) */
	size_t *by_id; /* articles in id order, built by archive_find when first needed */
	/* called on the loading thread now and then: bytes read of the total */
	void (*progress)(void *arg, uint64_t done, uint64_t total, size_t articles);
	void *progress_arg;
	struct archive_lazy lazy;
	const struct field_maps *maps; /* where JSON records and fields are (config, --map); borrowed */
};

/* archive_art's slow path: fill article i in, or wait while another thread does. */
void archive_fill(const struct archive *ar, size_t i);

/* Article i, filled in first if it is lazy. Safe from several threads. */
static inline struct article *archive_art(const struct archive *ar, size_t i)
{
	if (i < ar->lazy.n && atomic_load_explicit(&ar->lazy.state[i], memory_order_acquire))
		archive_fill(ar, i);
	return &ar->art[i];
}

void archive_init(struct archive *ar);
void archive_free(struct archive *ar);
/* Load a file, or a directory recursively (hidden entries skipped, symlink loops
 * detected). Problems are reported through dg and never stop the rest. Returns the
 * number of articles added. */
size_t archive_load(struct archive *ar, const char *path, struct diag *dg);
/* Load several paths, in order; files are read on ar->nthreads threads. */
size_t archive_load_paths(struct archive *ar, char **paths, int npaths, struct diag *dg);
/* Load text already in memory as if it were the file `name`. */
size_t archive_load_buffer(struct archive *ar, const char *name, const unsigned char *data,
			   size_t n, struct diag *dg);
/* Start a file record for path (used by reuse hooks); returns its interned path.
 * Articles appended to ar->art afterwards, until the next file, belong to it. */
const char *archive_add_file(struct archive *ar, const char *path, uint64_t size, int64_t mtime_ns);
/* Make room for n more articles. */
void archive_reserve(struct archive *ar, size_t n);
/* Append n articles that ar->lazy.fill will supply on first use. */
void archive_add_lazy(struct archive *ar, size_t n);
/* Fill every lazy article (for code that walks ar->art as an array). */
void archive_fill_all(const struct archive *ar);
/* A key for a set of archive paths (their real paths and as typed): what names
 * the cache and the highlights store of that set. */
uint64_t archive_paths_key(char **paths, int npaths);
/* Give every article its id. Call once after loading. */
void archive_assign_ids(struct archive *ar);
/* The article with this id (or unique id prefix of 4+ characters). NULL when none;
 * *ambiguous is set when a prefix matches several. */
struct article *archive_find(struct archive *ar, const char *id, int *ambiguous);

#endif
