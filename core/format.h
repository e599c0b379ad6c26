/* Archive formats: detection from content, and one loader per format. Each loader
 * turns text into drafts and hands them to ctx->emit; problems go to ctx->diag. */
#ifndef EPINEWS_FORMAT_H
#define EPINEWS_FORMAT_H
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "diag.h"

enum format { FMT_EMPTY, FMT_BLOCKS, FMT_JSON, FMT_PAPER, FMT_WEB, FMT_PLAIN, FMT_DUMP, FMT_CSV, FMT_PAGE };

struct field_map;

struct load_ctx {
	const char *path;
	struct diag *diag;
	/* Receives each draft; it takes over the draft's contents. */
	void (*emit)(void *arg, struct draft *d);
	void *arg;
	const struct field_map *map; /* where the user says JSON fields are, or NULL */
	int plain; /* the text is plain (struct decoded): its trimmed lines need no sanitizing */
};

enum format format_detect(const char *s, size_t n);
const char *format_name(enum format f);

/* ">>>title" blocks separated by "=====NEXT NEWS=====" lines. */
void load_blocks(const char *s, size_t n, struct load_ctx *c);
/* Articles separated by a recurring line of only '*' (or 5+ of - = # ~ _),
 * title first, HTML in the body read as HTML. */
void load_dump(const char *s, size_t n, struct load_ctx *c);
/* A line of only one symbol: "*", "-----", "=====". */
int is_symbol_line(const char *s, size_t n);
/* Is this a saved web page: <!doctype html, <html, or at least three
 * block-level tags in the first 4 KB? */
int page_like(const char *s, size_t n);
/* A saved web page reduced to its article. */
void load_page(const char *s, size_t n, struct load_ctx *c);
/* Is the first line a CSV or TSV header naming a title or a text column? */
int csv_header(const char *s, size_t n);
/* CSV or TSV rows under that header, one article a row. */
void load_csv(const char *s, size_t n, struct load_ctx *c);
/* JSON Lines, one object, an array of objects, or a truncated mix of them. */
void load_json(const char *s, size_t n, struct load_ctx *c);
/* One article: title line, optional subtitle, body. `web` strips site chrome. */
void load_plain(const char *s, size_t n, struct load_ctx *c, int web);
/* A newspaper page holding several articles. */
void load_paper(const char *s, size_t n, struct load_ctx *c);

/* Shared by the text loaders: a short line that reads as a heading, not a sentence. */
int is_heading_line(const char *s, size_t n);
/* A paragraph that opens a newspaper article: 本报讯, 本报X讯, (上接第一版). */
int is_paper_start(const char *s, size_t n);
/* A "=== NEXT NEWS ===" separator line. */
int is_next_news(const char *s, size_t n);

#endif
