#include "widgets/draw.h"

#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "widgets/textlayout.h"

void draw_row(int y, int x, int width, int indent, const char *s, size_t n, attr_t attr,
	      const struct span *spans, size_t nspans, uint32_t base, int ambiguous_wide)
{
	if (width <= 0)
		return;
	move(y, x);
	attrset(attr);
	int used = 0;
	for (; used < indent && used < width; used++)
		addch(' ');
	/* text cut at the edge ends in "…" (blanks at its end do not count) */
	size_t shown = n;
	while (shown && s[shown - 1] == ' ')
		shown--;
	int ell = cell_width(0x2026, ambiguous_wide), limit = width;
	if (indent + text_width(s, shown, ambiguous_wide) > width && width - indent > ell)
		limit = width - ell;
	else
		shown = n;
	for (size_t i = 0; i < shown;) {
		uint32_t cp;
		size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (!k) {
			cp = 0xFFFD;
			k = 1;
		}
		int w = cell_width(cp, ambiguous_wide);
		if (w == 0 && cp < 0x20) /* never happens after sanitizing; stay safe */
			w = 1, cp = ' ';
		if (used + w > limit)
			break;
		attr_t a = attr;
		uint32_t pos = base + (uint32_t)i;
		for (size_t sidx = 0; sidx < nspans; sidx++)
			if (pos >= spans[sidx].start && pos < spans[sidx].end)
				a = spans[sidx].attr;
		attrset(a);
		if (w == 0) { /* combining marks ride on the previous cell */
			i += k;
			continue;
		}
		cchar_t cc;
		wchar_t wc[2] = { (wchar_t)cp, 0 };
		setcchar(&cc, wc, a, PAIR_NUMBER(a), NULL);
		add_wch(&cc);
		used += w;
		i += k;
	}
	attrset(attr);
	if (limit < width) {
		addwstr(L"\u2026");
		used += ell;
	}
	for (; used < width; used++)
		addch(' ');
	attrset(A_NORMAL);
}

/* Append s to row, cut or padded to exactly `cells` cells, then a gap. What
 * is cut ends in "…". */
void draw_column(struct strbuf *row, const char *s, int cells, int amb)
{
	int used = 0, ell = cell_width(0x2026, amb);
	size_t n = strlen(s), i = 0;
	int total = text_width(s, n, amb);
	int room = total > cells ? cells - ell : cells; /* leave the ellipsis its cells */
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		k = k ? k : 1;
		int w = cell_width(cp, amb);
		if (used + w > room)
			break;
		sb_add(row, s + i, k);
		used += w;
		i += k;
	}
	if (i < n && used + ell <= cells) {
		sb_adds(row, "…");
		used += ell;
	}
	for (; used < cells + 1; used++)
		sb_addc(row, ' ');
}
