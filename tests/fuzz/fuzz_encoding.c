/* Fuzz target: encoding detection and conversion. The result must be valid UTF-8
 * with no CR, and offsets must map back inside the input. */
#include <stdint.h>

#include "core/encoding.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	const char *why;
	if (decode_bytes(data, size, &d, &why) != 0)
		return 0;
	if (utf8_valid_prefix((const unsigned char *)d.text, d.len) != d.len)
		__builtin_trap();
	for (size_t i = 0; i < d.len; i++)
		if (d.text[i] == '\r')
			__builtin_trap();
	if (d.len && decoded_raw_offset(&d, d.len - 1) > size)
		__builtin_trap();
	decoded_free(&d);
	return 0;
}
