/* Highlights: facts, passages and articles a user marked, kept in one JSON file
 * per archive set under $XDG_DATA_HOME/epinews/. A highlight names its article by
 * stable id and quotes its words, so it survives re-indexing, and when the
 * article changed or vanished it is reported, never dropped.
 *
 * Saving never corrupts the store: it takes a lock, re-reads the file, merges
 * this session's additions, removals and notes into what another instance may
 * have saved meanwhile, writes a temporary file, syncs it and renames it over
 * the old one. A store that does not parse is copied aside (FILE.bad) first. */
#ifndef EPINEWS_HIGHLIGHT_H
#define EPINEWS_HIGHLIGHT_H
#include <stddef.h>
#include <stdint.h>

#include "archive.h"
#include "factdb.h"

enum hl_type { HL_FACT, HL_PASSAGE, HL_ARTICLE };

struct highlight {
	enum hl_type type;
	char article[24];    /* article id when marked */
	char *title;         /* its title then (to find it again if it changed) */
	char *quote;         /* the marked words (the fact's words, the passage); NULL for an article */
	uint32_t start, end; /* byte span in the body when marked */
	char kind[32];       /* a fact's kind name, "" otherwise */
	int64_t value;       /* a fact's value */
	char *note;          /* the user's note, or NULL */
	int64_t created;     /* Unix time */
};

struct hl_store {
	char *path;             /* the file, or NULL: nothing is saved */
	struct highlight *v;
	size_t n, cap;
	/* this session's changes, merged into the file on save */
	struct highlight *added;
	size_t nadded;
	struct highlight *removed;
	size_t nremoved;
	char warning[512];      /* set when the file had to be put aside, etc. */
	int save_errno;         /* with path NULL: why nothing can be saved */
};

/* $XDG_DATA_HOME/epinews/highlights-KEY.json for these archive paths. */
const char *hl_store_path(char **paths, int npaths, char *buf, size_t size);

/* Open the store at path (missing is an empty store). Returns 0, or -1 when the
 * file could not be read (then the store is empty and warning says why; a file
 * that does not parse has been copied to path.bad). */
int hl_open(struct hl_store *s, const char *path);
void hl_close(struct hl_store *s);
/* Save (lock, merge with the file, write atomically). 0; -1 with errno; -2
 * when the file on disk no longer parses and could not be copied aside, so it
 * is not written over (warning says why). */
int hl_save(struct hl_store *s);

/* The index of a highlight equal to h (type, article, span), or -1. */
long hl_find(const struct hl_store *s, const struct highlight *h);
/* Add a copy of h (no-op when already there). Returns its index. */
size_t hl_add(struct hl_store *s, const struct highlight *h);
/* Remove highlight i. */
void hl_remove(struct hl_store *s, size_t i);
/* Set or clear (NULL or "") the note of highlight i. */
void hl_set_note(struct hl_store *s, size_t i, const char *note);

/* Fill h for a fact, a passage [start, end) or a whole article. */
void hl_of_fact(struct highlight *h, const struct article *a, const struct fact *f);
void hl_of_passage(struct highlight *h, const struct article *a, uint32_t start, uint32_t end);
void hl_of_article(struct highlight *h, const struct article *a);
void hl_free(struct highlight *h);

/* Where a highlight is in the archive now. */
enum hl_status {
	HL_OK,       /* the article, the words where they were */
	HL_MOVED,    /* the article (same id), the words elsewhere in it */
	HL_CHANGED,  /* the article's text changed (new id, same title); the words are in it */
	HL_MISSING,  /* no article has those words any more */
};

struct hl_where {
	enum hl_status status;
	long doc;            /* article number, or -1 */
	uint32_t start, end; /* the words in its body now */
	long fact;           /* index into the article's facts of the same fact, or -1 */
};

void hl_resolve(const struct highlight *h, const struct archive *ar, const struct factdb *fdb,
		struct hl_where *w);
const char *hl_status_name(enum hl_status s);
const char *hl_type_name(enum hl_type t);

#endif
