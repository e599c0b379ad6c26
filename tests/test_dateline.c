/* Source, place and date from the dateline that opens an article. */
#include <string.h>

#include "core/dateline.h"
#include "tests/tap.h"

static void check(const char *in, const char *src, const char *place, int m, int d)
{
	struct dateline dl;
	dateline_parse(in, strlen(in), &dl);
	is_str(dl.source, src, "source of \"%.30s\"", in);
	is_str(dl.place, place, "place of \"%.30s\"", in);
	ok(dl.month == m && dl.day == d, "date of \"%.30s\" is %d/%d (got %d/%d)", in, m, d, dl.month,
	   dl.day);
	dateline_free(&dl);
}

int main(void)
{
	check("新华社南昌3月2日电（记者某某）南昌市今天宣布……", "新华社", "南昌", 3, 2);
	check("央广网江西分网4月8日消息（记者 某某）近日……", "央广网", "江西", 4, 8);
	check("江城日报讯 （记者某某）3月28日，全市召开……", "江城日报", NULL, 3, 28);
	check("滨海新闻网讯(滨海日报记者某某)1月14日,记者从……", "滨海新闻网", NULL, 1, 14);
	check("本报讯(记者 某某)1月12日,我市举行……", NULL, NULL, 1, 12);
	check("本报讯 近日，我市……", NULL, NULL, 0, 0);
	check("3月6日，市防控指挥部公示……", NULL, NULL, 3, 6);
	check("今天下午，市防控指挥部召开……", NULL, NULL, 0, 0);
	check("据了解，截至2月5日，全市……", NULL, NULL, 0, 0);
	return done_testing();
}
