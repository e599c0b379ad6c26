/* Export: facts, passages and articles with their provenance, as CSV (RFC 4180),
 * JSON Lines or a Markdown report grouped by place and date. */
#ifndef EPINEWS_EXPORT_H
#define EPINEWS_EXPORT_H
#include <stddef.h>
#include <stdint.h>

#include "archive.h"
#include "bits.h"
#include "factdb.h"
#include "facts.h"
#include "gazetteer.h"
#include "highlight.h"
#include "strbuf.h"

enum export_format { EXPORT_CSV, EXPORT_JSONL, EXPORT_MD };

struct export_row {
	enum hl_type type;
	const struct article *a; /* NULL: the highlight's article is gone */
	const struct fact *f;    /* the fact now, or NULL */
	const struct highlight *h; /* the highlight it comes from, or NULL */
	uint32_t start, end;     /* the words in a's body */
	const char *note;
	const char *status;      /* hl_status_name, or NULL for a plain fact */
};

/* "csv", "jsonl" (or "json"), "md" (or "markdown"); -1 when unknown. */
int export_format_from_name(const char *name);
/* Write the rows; `bom` starts a CSV with a UTF-8 byte order mark (for Excel). */
void export_write(struct strbuf *sb, enum export_format fmt, const struct gazetteer *gz,
		  struct export_row *rows, size_t n, int bom);
/* Rows for every highlight of s, found again in the archive (caller frees). */
size_t export_highlight_rows(const struct hl_store *s, const struct archive *ar, const struct factdb *fdb,
			     struct export_row **out);
/* Rows for every fact of the articles in docs (NULL: all), of one kind (-1: all). */
size_t export_fact_rows(const struct archive *ar, const struct factdb *fdb, const struct bits *docs,
			int kind, struct export_row **out);
/* Write text to path atomically (temporary file, fsync, rename). An existing file
 * is replaced only with `force`. Returns 0, or -1 with errno (EEXIST). */
int export_to_file(const char *path, const char *text, size_t len, int force);

#endif
