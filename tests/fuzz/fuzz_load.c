/* Fuzz target: format detection, every loader, cleaning, ids and measures, on
 * arbitrary file contents. */
#include <stdint.h>
#include <stddef.h>

#include "core/archive.h"
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
	struct archive ar;
	struct diag dg = { NULL, NULL, 0 };
	archive_init(&ar);
	archive_load_buffer(&ar, "fuzz", data, size, &dg);
	archive_assign_ids(&ar);
	int fc = facts_file_city(ar.art, ar.n, &gz);
	for (size_t i = 0; i < ar.n; i++) {
		struct facts fs = { 0 };
		facts_extract(&ar.art[i], &gz, fc, &fs);
		for (size_t k = 0; k < fs.n; k++)
			if (fs.v[k].start > fs.v[k].end || fs.v[k].end > ar.art[i].body_len)
				__builtin_trap(); /* a span outside the body */
		facts_free(&fs);
	}
	archive_free(&ar);
	return 0;
}
