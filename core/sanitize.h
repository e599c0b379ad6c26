/* Make untrusted text safe to show: no control characters, no terminal escape
 * sequences, no BiDi overrides or zero-width characters, valid UTF-8 only. */
#ifndef EPINEWS_SANITIZE_H
#define EPINEWS_SANITIZE_H
#include <stddef.h>

#include "strbuf.h"

/* Append the safe form of s[0..n) to out. Tabs become spaces; line breaks become
 * spaces as well when `oneline`, and '\n' otherwise. Leading and trailing white
 * space (ASCII and U+3000) is trimmed. */
void sanitize_append(struct strbuf *out, const char *s, size_t n, int oneline);
/* Newly allocated safe single-line copy, or NULL when s is NULL or only white space. */
char *sanitize_field(const char *s, size_t n);

/* Is s[0..n) its own safe single-line form already (not empty, nothing to
 * drop, replace or trim)? A quick test that lets most paragraphs be kept as
 * they are; false may still mean sanitize_field would change nothing. */
int sanitize_is_clean(const char *s, size_t n);

/* Append s[0..n) with every control character shown, not obeyed: ^[ for ESC
 * (^A.. for the others, ^? for DEL), \x9b for a C1 control, <U+202E> for a
 * BiDi control, \xNN for a byte that is not UTF-8; tab and newline too
 * (\t, \n) when `columns` (the text goes into tab-separated columns or one
 * line). For names and messages on their way to a terminal: a file called
 * a<ESC>]0;x<BEL> is shown as a^[]0;x^G. */
void sanitize_visible(struct strbuf *out, const char *s, size_t n, int columns);
/* The same into a malloc'd string. */
char *sanitize_visible_dup(const char *s);

#endif
