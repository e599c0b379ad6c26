/* Fuzz target: the JSON loader on its own (lines, objects, arrays, truncation). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/archive.h"
#include "core/format.h"

static void drop(void *arg, struct draft *d)
{
	struct article a;
	(void)arg;
	if (article_build(d, &a) == 0)
		article_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	struct diag dg = { NULL, NULL, 0 };
	struct load_ctx c = { "fuzz", &dg, drop, NULL };
	load_json(s, size, &c);
	free(s);
	return 0;
}
