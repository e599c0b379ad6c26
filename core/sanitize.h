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

#endif
