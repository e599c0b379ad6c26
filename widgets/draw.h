/* Drawing one screen row of UTF-8 text: exactly `width` cells, padded, never a
 * wide character cut at the edge, attributes by byte span. */
#ifndef EPINEWS_DRAW_H
#define EPINEWS_DRAW_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stddef.h>
#include <stdint.h>

struct span {
	uint32_t start, end; /* bytes, in the same coordinates as the text's `base` */
	attr_t attr;
};

/* Draw s[0..n) at (y, x) in `width` cells with attribute `attr`; bytes that fall in
 * a span get that span's attribute (the last matching span wins). `base` is the
 * offset of s[0] in span coordinates. `indent` blank cells come first. */
void draw_row(int y, int x, int width, int indent, const char *s, size_t n, attr_t attr,
	      const struct span *spans, size_t nspans, uint32_t base, int ambiguous_wide);

struct strbuf;
/* Append s to row cut or padded to exactly `cells` cells, then one blank; what
 * is cut ends in "…". */
void draw_column(struct strbuf *row, const char *s, int cells, int amb);

#endif
