#include "widgets/textlayout.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <uniwidth.h>

#include "core/utf8.h"
#include "core/xalloc.h"

int cell_width(uint32_t cp, int ambiguous_wide)
{
	/* libunistring widens ambiguous characters for some CJK encoding names (GBK is one) */
	int w = uc_width(cp, ambiguous_wide ? "GBK" : "UTF-8");
	return w < 0 ? 0 : w;
}

int text_width(const char *s, size_t n, int ambiguous_wide)
{
	int w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		i += k ? k : 1;
		w += cell_width(cp, ambiguous_wide);
	}
	return w;
}

/* Closing punctuation never starts a line (Chinese kinsoku, beyond what UAX #14
 * forbids: it lets · and ～ start one). */
static int no_line_start(uint32_t cp)
{
	switch (cp) {
	case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
	case 0xFF09: case 0x300B: case 0x300D: case 0x300F: case 0x201D: case 0x2019: case 0x3011:
	case 0x3009: case 0x2026: case 0x00B7: case 0xFF5E: case 0x30FB: case 0xFF0E: case 0x2014:
	case ',': case '.': case ';': case ':': case '!': case '?': case ')': case ']': case '}':
		return 1;
	}
	return 0;
}

/* Opening punctuation never ends a line. */
static int no_line_end(uint32_t cp)
{
	switch (cp) {
	case 0xFF08: case 0x300A: case 0x300C: case 0x300E: case 0x201C: case 0x2018: case 0x3010:
	case 0x3008: case '(': case '[': case '{':
		return 1;
	}
	return 0;
}

static void push(struct text_layout *out, size_t start, size_t end, int width, int indent)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = (struct text_line){ (uint32_t)start, (uint32_t)end, width, indent };
}

void layout_paragraph(const char *s, size_t n, int width, int indent, int ambiguous_wide,
		      struct text_layout *out)
{
	if (width < 1)
		width = 1;
	if (indent >= width)
		indent = 0;
	if (n == 0) {
		push(out, 0, 0, indent, indent);
		return;
	}
	/* UAX #14 opportunities: brk[i] says whether a line may break before byte i */
	char *brk = xmalloc(n);
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
	/* characters: offsets, code points, widths */
	size_t cap = n + 1, nc = 0;
	size_t *off = xmalloc(cap * sizeof *off);
	uint32_t *cps = xmalloc(cap * sizeof *cps);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		off[nc] = i;
		cps[nc++] = cp;
		i += k ? k : 1;
	}
	off[nc] = n;
	/* may a line break before character c? */
	/* UAX #14 will not break before “ (QU); in Chinese text it opens a quote and may
	 * start a line after a Chinese character or punctuation. */
	#define CAN_BREAK(c) ((c) > 0 && (c) < nc && !no_line_start(cps[c]) && !no_line_end(cps[(c) - 1]) && \
			      (brk[off[c]] == UC_BREAK_POSSIBLE || \
			       (no_line_end(cps[c]) && is_cjk(cps[(c) - 1]))))
	size_t line_start = 0;
	int line_indent = indent;
	while (line_start < nc) {
		int used = line_indent;
		size_t c = line_start, last_break = 0;
		while (c < nc) {
			int w = cell_width(cps[c], ambiguous_wide);
			if (c > line_start && CAN_BREAK(c))
				last_break = c;
			if (used + w > width && c > line_start)
				break;
			used += w;
			c++;
		}
		size_t end = c;
		if (c < nc) {
			if (last_break > line_start) {
				end = last_break;
			} else {
				/* no opportunity fits: break before the overflowing character,
				 * moving back past any that may not start a line */
				end = c;
				while (end > line_start + 1 && (no_line_start(cps[end]) || no_line_end(cps[end - 1])))
					end--;
			}
		}
		/* spaces at a break are not drawn at the start of the next line */
		int lw = line_indent;
		for (size_t k = line_start; k < end; k++)
			lw += cell_width(cps[k], ambiguous_wide);
		push(out, off[line_start], off[end], lw, line_indent);
		line_start = end;
		while (line_start < nc && cps[line_start] == ' ')
			line_start++;
		line_indent = 0;
	}
	#undef CAN_BREAK
	free(brk);
	free(off);
	free(cps);
}

void layout_free(struct text_layout *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
