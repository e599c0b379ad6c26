/* Fuzz target: the reading pane's layout on random UTF-8 and widths 1-300. Every
 * line must fit its width unless it holds a single character, and the lines must
 * cover the text in order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/sanitize.h"
#include "core/utf8.h"
#include "widgets/textlayout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int width = 1 + (data[0] % 300), amb = data[1] & 1;
	char *s = sanitize_field((const char *)data + 2, size - 2);
	if (!s)
		return 0;
	size_t n = strlen(s);
	struct text_layout l = { 0 };
	layout_paragraph(s, n, width, width > 4 ? 2 : 0, amb, &l);
	uint32_t prev_end = 0;
	for (size_t i = 0; i < l.n; i++) {
		const struct text_line *t = &l.v[i];
		if (t->start < prev_end || t->end < t->start || t->end > n)
			__builtin_trap();
		int w = t->indent + text_width(s + t->start, t->end - t->start, amb);
		if (w != t->width)
			__builtin_trap();
		if (w > width && utf8_count(s + t->start, t->end - t->start) > 1)
			__builtin_trap();
		prev_end = t->end;
	}
	layout_free(&l);
	free(s);
	return 0;
}
