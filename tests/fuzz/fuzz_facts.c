/* Fuzz target: the measure extractor on an arbitrary article body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/article.h"
#include "core/facts.h"

static struct gazetteer gz;
static int ready;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ready) {
		gazetteer_init(&gz);
		ready = 1;
	}
	struct draft d;
	draft_init(&d);
	d.title = strdup("t");
	/* paragraphs split at newlines, as loaders make them */
	size_t start = 0;
	for (size_t i = 0; i <= size; i++)
		if (i == size || data[i] == '\n') {
			draft_add_para(&d, (const char *)data + start, i - start);
			start = i + 1;
		}
	struct article a;
	if (article_build(&d, &a) != 0)
		return 0;
	struct facts fs = { 0 };
	facts_extract(&a, &gz, -1, &fs);
	for (size_t k = 0; k < fs.n; k++)
		if (fs.v[k].start > fs.v[k].end || fs.v[k].end > a.body_len ||
		    fs.v[k].sent_end > a.body_len || (unsigned)fs.v[k].kind >= KIND_COUNT)
			__builtin_trap();
	facts_free(&fs);
	article_free(&a);
	return 0;
}
