/* Body cleaning shared by every loader: site chrome, editor lines, disclaimers,
 * repeated titles and repeated paragraphs. */
#ifndef EPINEWS_CLEAN_H
#define EPINEWS_CLEAN_H

#include "article.h"

/* Remove chrome from d's (already sanitized) paragraphs; what it carries (the
 * original title, the source) moves into d's fields when they are empty. */
void clean_draft(struct draft *d);
/* Drop later exact copies of a paragraph (short ones are kept). */
void drop_repeated_paragraphs(struct draft *d);

#endif
