/* The archive: every article loaded from a set of paths, in archive order. */
#ifndef EPINEWS_ARCHIVE_H
#define EPINEWS_ARCHIVE_H
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "diag.h"

struct archive {
	struct article *art;
	size_t n, cap;
	char **files; /* paths of the files read, owned */
	size_t nfiles, capfiles;
	uint64_t bytes; /* bytes read */
};

void archive_init(struct archive *ar);
void archive_free(struct archive *ar);
/* Load a file, or a directory recursively (hidden entries skipped, symlink loops
 * detected). Problems are reported through dg and never stop the rest. Returns the
 * number of articles added. */
size_t archive_load(struct archive *ar, const char *path, struct diag *dg);
/* Load text already in memory as if it were the file `name`. */
size_t archive_load_buffer(struct archive *ar, const char *name, const unsigned char *data,
			   size_t n, struct diag *dg);
/* Give every article its id. Call once after loading. */
void archive_assign_ids(struct archive *ar);
/* The article with this id (or unique id prefix of 4+ characters). NULL when none;
 * *ambiguous is set when a prefix matches several. */
struct article *archive_find(struct archive *ar, const char *id, int *ambiguous);

#endif
