/* The article model: one cleaned article with its provenance, and the draft a
 * loader fills before cleaning turns it into an article. */
#ifndef EPINEWS_ARTICLE_H
#define EPINEWS_ARTICLE_H
#include <stddef.h>
#include <stdint.h>

#include "date.h"

enum article_flag {
	ART_CONTINUED = 1u << 0, /* a "(上接第一版)" continuation from another page */
	ART_NEWSPAPER = 1u << 1, /* one of several articles cut from a newspaper page */
	ART_BORROWED = 1u << 2,  /* strings and paragraphs live in a mapped cache: not freed */
	ART_PACKED = 1u << 3,    /* strings and paragraphs share the body's block (article_build) */
	ART_TRADITIONAL = 1u << 4, /* title, subtitle or body holds a Traditional character (fold.h) */
	ART_STORAGE = ART_BORROWED | ART_PACKED, /* how it is held, not what it says */
};

/* Where an article's date and source came from (enum date_from, enum
 * source_from in recover.h) and the shape its file was read as (enum format),
 * kept in the flags' higher bits. */
#define ART_DATE_FROM_SHIFT 8
#define ART_SOURCE_FROM_SHIFT 12
#define ART_FORMAT_SHIFT 16
#define ART_FIELD_MASK 15u
#define ART_GET(flags, shift) (((flags) >> (shift)) & ART_FIELD_MASK)
#define ART_SET(flags, shift, v) \
	((flags) = ((flags) & ~(ART_FIELD_MASK << (shift))) | (((unsigned)(v) & ART_FIELD_MASK) << (shift)))

struct article {
	char id[24];           /* stable short id, set by the archive */
	char *title;           /* never NULL */
	char *subtitle, *orig_title, *source, *place, *url; /* NULL when unknown */
	char *raw_title;       /* the title as the file had it, when cleaning changed it */
	struct ymd date;       /* full when known */
	struct ymd dateline;   /* month/day of the dateline; year 0 when not written */
	char *body;            /* paragraphs joined by '\n' */
	size_t body_len;
	uint32_t *para;        /* start offset in body of each paragraph */
	size_t npara;
	const char *file;      /* owned by the archive */
	uint64_t offset;       /* byte offset of the record in the file */
	uint64_t line;         /* 1-based line of the record */
	uint64_t hash;         /* content hash of title and body */
	unsigned flags;
};

/* What a file's path says of its articles (recover_path fills it, once a file):
 * the outlet a folder or the name is named after, a date in the name, a year
 * folder. */
struct path_facts {
	const char *outlet; /* static, or NULL */
	struct ymd date;    /* full when the name holds one */
	int year;           /* of a folder named 2020/, or 0 */
};

/* What a loader knows about one record before cleaning. Every string is owned. */
struct draft {
	char *title, *subtitle, *orig_title, *source, *place, *url, *raw_title;
	struct ymd date;
	unsigned date_from;   /* enum date_from of date, when the loader set it */
	unsigned source_from; /* enum source_from of source, when the loader set it */
	const struct path_facts *pathf; /* what the file's path says, borrowed; or NULL */
	char **para;
	size_t npara, cappara;
	uint64_t offset, line;
	unsigned flags;
	int web; /* scraped page: apply the site-chrome rules */
	int plain; /* every paragraph is a trimmed line of plain text (load_ctx.plain) */
};

void draft_init(struct draft *d);
void draft_add_para(struct draft *d, const char *s, size_t n);
void draft_free(struct draft *d);

/* Clean a draft into an article (fields sanitized, chrome removed, dateline read).
 * The draft is consumed. Returns 0, or -1 when nothing is left of it. */
int article_build(struct draft *d, struct article *a);
/* Paragraph i of a as pointer and length. */
const char *article_para(const struct article *a, size_t i, size_t *len);
size_t article_chars(const struct article *a);
void article_free(struct article *a);

#endif
