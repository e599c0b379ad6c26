/* Laying out Chinese text for a terminal: display widths, UAX #14 line breaking with
 * the Chinese rules for punctuation, and no wide character cut at the edge. Pure
 * functions, no curses: tests call them directly. */
#ifndef EPINEWS_TEXTLAYOUT_H
#define EPINEWS_TEXTLAYOUT_H
#include <stddef.h>
#include <stdint.h>

struct text_line {
	uint32_t start, end; /* byte span in the laid-out text */
	int width;           /* cells, including the indent */
	int indent;          /* cells of indent before the text */
};

struct text_layout {
	struct text_line *v;
	size_t n, cap;
};

/* Cells a code point takes: 0, 1 or 2. With `ambiguous_wide`, East Asian ambiguous
 * characters (·, “, …) take two. */
int cell_width(uint32_t cp, int ambiguous_wide);
/* Cells of a UTF-8 string. */
int text_width(const char *s, size_t n, int ambiguous_wide);
/* Append the lines of one paragraph s[0..n) laid out in `width` cells, the first
 * line indented by `indent` cells. Offsets are relative to s. Every line fits in
 * `width` unless a single character is wider than the whole width. */
void layout_paragraph(const char *s, size_t n, int width, int indent, int ambiguous_wide,
		      struct text_layout *out);
void layout_free(struct text_layout *l);

#endif
