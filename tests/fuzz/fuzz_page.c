/* Fuzz target: the readers of saved web pages and raw page dumps (libxml2's
 * HTML parser under them), each article built. */
#include <stdint.h>
#include <stdlib.h>

#include "core/format.h"

static void emit(void *arg, struct draft *d)
{
	size_t *n = arg;
	struct article a;
	if (article_build(d, &a) == 0) {
		for (size_t i = 0; i < a.npara; i++)
			if (a.para[i] > a.body_len)
				abort(); /* a paragraph outside the body */
		article_free(&a);
		++*n;
	}
}

static void quiet(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg, (void)path, (void)line, (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag dg = { quiet, NULL, 0 };
	size_t n = 0;
	struct load_ctx c = { "fuzz.html", &dg, emit, &n, NULL, 0 };
	(void)page_like((const char *)data, size);
	load_page((const char *)data, size, &c);
	load_dump((const char *)data, size, &c);
	return 0;
}
