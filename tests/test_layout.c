/* The reading pane's layout: widths, UAX #14 breaks with the Chinese punctuation
 * rules, and wide characters at the edge. */
#include <stdio.h>
#include <string.h>

#include "tests/tap.h"
#include "widgets/textlayout.h"

/* Lines of s laid out in `width`, joined by '|'. */
static const char *lines(const char *s, int width, int indent)
{
	static char out[2048];
	struct text_layout l = { 0 };
	layout_paragraph(s, strlen(s), width, indent, 0, &l);
	out[0] = '\0';
	for (size_t i = 0; i < l.n; i++) {
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%.*s", i ? "|" : "", (int)(l.v[i].end - l.v[i].start),
			 s + l.v[i].start);
	}
	layout_free(&l);
	return out;
}

static int max_width(const char *s, int width, int indent)
{
	struct text_layout l = { 0 };
	layout_paragraph(s, strlen(s), width, indent, 0, &l);
	int m = 0;
	for (size_t i = 0; i < l.n; i++) {
		int w = l.v[i].indent + text_width(s + l.v[i].start, l.v[i].end - l.v[i].start, 0);
		if (w != l.v[i].width)
			return -1;
		if (w > m)
			m = w;
	}
	layout_free(&l);
	return m;
}

int main(void)
{
	is_int(text_width("武汉abc", strlen("武汉abc"), 0), 7, "Han characters take two cells, ASCII one");
	is_int(text_width("“", 3, 0), 1, "an ambiguous-width quote takes one cell by default");
	is_int(text_width("“", 3, 1), 2, "and two when ambiguous-width is wide");
	is_int(text_width("e\xcc\x81", 3, 0), 1, "a combining accent takes no cell");
	is_str(lines("武汉市新增床位", 6, 0), "武汉市|新增床|位", "Han text breaks between characters");
	is_str(lines("床位，一万张。", 4, 0), "床|位，|一万|张。",
	       "a comma never starts a line: the character before it moves down with it");
	is_str(lines("他说：“我们", 6, 0), "他说：|“我们",
	       "an opening quote never ends a line; a run that overflows still breaks (说：“我)");
	is_str(lines("一·二～三", 4, 0), "一·|二～|三", "· and ～ never start a line (libunistring allows it)");
	is_str(lines("new beds opened", 9, 0), "new beds |opened", "Latin words break at spaces");
	is_str(lines("武汉", 1, 0), "武|汉", "a wide character wider than the pane gets a line of its own");
	is_str(lines("武汉市新增床位", 8, 2), "武汉市|新增床位", "the first line's indent counts against the width");
	const char *para = "新华社武汉2月5日电（记者喻珮、梁建强）武汉作为疫情防控的重中之重，病患数与病床数之间的供需矛盾依然突出。截至4日24时，武汉已设置132个集中隔离点，床位12571张。";
	int ok_all = 1;
	for (int w = 1; w <= 300; w++) {
		int m = max_width(para, w, w > 4 ? 2 : 0);
		if (m < 0 || (w >= 2 && m > w))
			ok_all = 0;
	}
	ok(ok_all, "at every width from 1 to 300, no line is wider than the pane and widths add up");
	struct text_layout l = { 0 };
	layout_paragraph("", 0, 10, 2, 0, &l);
	is_int((long long)l.n, 1, "an empty paragraph is one empty line");
	layout_free(&l);
	return done_testing();
}
