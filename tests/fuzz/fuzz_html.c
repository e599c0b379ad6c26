/* Fuzz target: HTML to paragraphs (libxml2's parser and our walk over its tree),
 * as a page and as markup left in a text format. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/html.h"

static void count(void *arg, const char *p, size_t n)
{
	size_t *total = arg;
	/* a paragraph is never empty and never starts or ends with a space */
	if (n == 0 || p[0] == ' ' || p[n - 1] == ' ')
		abort();
	*total += n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t total = 0;
	(void)html_has_markup((const char *)data, size);
	html_paragraphs((const char *)data, size, 0, count, &total);
	html_paragraphs((const char *)data, size, 1, count, &total);
	return 0;
}
