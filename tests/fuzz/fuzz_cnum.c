/* Fuzz target: the Chinese number parser never reads past its input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/cnum.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1);
	memcpy(s, data, size);
	struct cnum c;
	if (cnum_parse(s, size, &c) && (c.len == 0 || c.len > size || c.value < 0))
		__builtin_trap();
	cnum_starts(s, size);
	free(s);
	return 0;
}
