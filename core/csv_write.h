/* Writing CSV cells (RFC 4180) that a spreadsheet cannot take for formulas. */
#ifndef EPINEWS_CSV_WRITE_H
#define EPINEWS_CSV_WRITE_H
#include <stddef.h>

#include "strbuf.h"

/* A text cell: quoted when it holds a quote, comma or line end, its quotes
 * doubled; a leading ' when it starts (after any spaces) with = + - @, a tab
 * or a CR, which a spreadsheet would read as a formula. NULL writes nothing. */
void csv_text(struct strbuf *sb, const char *s, size_t n);
/* A number cell, written as it is (-3 stays a number). NULL writes nothing. */
void csv_number(struct strbuf *sb, const char *s);

#endif
