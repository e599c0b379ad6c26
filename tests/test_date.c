/* Dates from record fields, URLs and Chinese text. */
#include <string.h>

#include "core/date.h"
#include "tests/tap.h"

static void parse(const char *in, const char *want)
{
	struct ymd v = { 0, 0, 0 };
	char buf[16];
	date_parse(in, &v);
	is_str(ymd_format(v, buf), want, "date_parse(\"%s\")", in);
}

static void url(const char *in, const char *want)
{
	struct ymd v = { 0, 0, 0 };
	char buf[16];
	date_from_url(in, &v);
	is_str(ymd_format(v, buf), want, "date_from_url(\"%s\")", in);
}

int main(void)
{
	parse("2020-02-17", "2020-02-17");
	parse("2020-2-7 08:30:00", "2020-02-07");
	parse("2020/02/17", "2020-02-17");
	parse("2020.1.5", "2020-01-05");
	parse("20200217", "2020-02-17");
	parse("2020年2月17日 10:20", "2020-02-17");
	parse("1581897600", "2020-02-17");
	parse("1581897600000", "2020-02-17");
	parse("2020-02-30", "-");
	parse("2021-02-29", "-");
	parse("2020-02-29", "2020-02-29");
	parse("2020-13-01", "-");
	parse("yesterday", "-");
	parse("2020-02", "-");

	url("https://news.example.cn/c/2020-02-17/doc-1.shtml", "2020-02-17");
	url("http://example.cn/n1/20200305/c1.html", "2020-03-05");
	url("http://example.cn/2020/0305/c1.html", "2020-03-05");
	url("http://example.cn/2020/03/05/c1.html", "2020-03-05");
	url("http://example.cn/article/123456789", "-");
	url("http://example.cn/20201399/x", "-");

	int m, d;
	size_t s, e;
	const char *t = "截至１２月５日24时，共";
	ok(find_month_day(t, strlen(t), &m, &d, &s, &e) && m == 12 && d == 5,
	   "find_month_day reads full-width digits");
	t = "新华社武汉2月5日电";
	ok(find_month_day(t, strlen(t), &m, &d, &s, &e) && m == 2 && d == 5 && s == 15 && e == 23,
	   "find_month_day gives the byte span of 2月5日");
	t = "第12345月3日";
	ok(!find_month_day(t, strlen(t), &m, &d, &s, &e), "find_month_day refuses a 5-digit month");

	struct ymd v = { 2020, 2, 29 };
	struct ymd back = ymd_from_days(ymd_days(v));
	ok(back.y == 2020 && back.m == 2 && back.d == 29, "days round trip through a leap day");
	is_int(ymd_days((struct ymd){ 1970, 1, 1 }), 0, "day 0 is 1970-01-01");
	return done_testing();
}
