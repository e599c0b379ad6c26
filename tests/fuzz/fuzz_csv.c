/* Fuzz target: the CSV/TSV reader on its own (header detection, quoted cells
 * over lines, ragged rows), each row built into an article. The input is read
 * as given and again under a header that names every column, so the row parser
 * is reached whatever the first line holds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/format.h"

static void emit(void *arg, struct draft *d)
{
	size_t *n = arg;
	struct article a;
	if (article_build(d, &a) == 0) {
		if (a.body_len && a.body[a.body_len - 1] == '\n')
			abort(); /* paragraphs are joined, never ended, by a newline */
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
	static const char *const heads[] = { "title,text,date,source,url\n", "标题\t正文\t日期\t来源\n" };
	struct diag dg = { quiet, NULL, 0 };
	size_t n = 0;
	struct load_ctx c = { "fuzz.csv", &dg, emit, &n, NULL, 0 };
	if (csv_header((const char *)data, size))
		load_csv((const char *)data, size, &c);
	for (int k = 0; k < 2; k++) {
		size_t hl = strlen(heads[k]);
		char *buf = malloc(hl + size);
		if (!buf)
			return 0;
		memcpy(buf, heads[k], hl);
		memcpy(buf + hl, data, size);
		if (!csv_header(buf, hl + size))
			abort(); /* the header alone decides */
		load_csv(buf, hl + size, &c);
		free(buf);
	}
	return 0;
}
