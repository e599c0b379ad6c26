/* Dates from record fields, URLs and Chinese text. */
#include <stdio.h>
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

/* Every full date find_full_dates sees in s, as "YYYY-MM-DD@offset;". */
static const char *dates_in(const char *s, char *buf, size_t size)
{
	struct ymd v[8];
	size_t at[8], k = find_full_dates(s, strlen(s), v, at, 8);
	buf[0] = 0;
	for (size_t i = 0; i < k; i++) {
		char d[16];
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s@%zu;", ymd_format(v[i], d), at[i]);
	}
	return buf;
}

static void full_dates(void)
{
	char buf[256], text[128];
	is_str(dates_in("截至2020年2月5日24时，另见2019-12-31和2020/1/2。", buf, sizeof buf),
	       "2020-02-05@6;2019-12-31@35;2020-01-02@48;", "full dates: 年月日, dashes and slashes, with offsets");
	is_str(dates_in("１２０２０年1月1日 与 ２０２０年２月３日", buf, sizeof buf), "2020-02-03@31;",
	       "full dates: full-width digits; a five-digit run is no year");
	is_str(dates_in("3月5日、12020年、202年3月4日、2020年13月1日、2020年2月30日", buf, sizeof buf), "",
	       "full dates: no year without four digits, no invalid month or day");
	/* the same date at every offset of an eight-byte word, after text that holds
	 * no digit, and after text full of short numbers */
	int bad = 0;
	for (int lead = 0; lead < 24; lead++) {
		for (int digits = 0; digits < 2; digits++) {
			size_t n = 0;
			for (int i = 0; i < lead; i++)
				text[n++] = digits ? (char)('0' + i % 10) : 'x';
			text[n++] = ' ';
			strcpy(text + n, "2020年3月4日完");
			struct ymd v;
			size_t at;
			if (find_full_dates(text, strlen(text), &v, &at, 1) != 1 || at != n ||
			    ymd_days(v) != ymd_days((struct ymd){ 2020, 3, 4 }))
				bad++;
		}
	}
	is_int(bad, 0, "full dates: found at every offset, after letters or digits");
	/* a full-width digit, or a comma, before the year at every offset: the skip
	 * ahead of the year must not land inside the digit's three bytes */
	int wrong = 0;
	for (int lead = 0; lead < 24; lead++) {
		for (int wide = 0; wide < 2; wide++) {
			size_t n = 0;
			for (int i = 0; i < lead; i++)
				n += (size_t)snprintf(text + n, sizeof text - n, "%s", i % 2 ? "中" : "，");
			snprintf(text + n, sizeof text - n, "%s2020/5/5", wide ? "０" : "，");
			struct ymd v;
			size_t at;
			if (find_full_dates(text, strlen(text), &v, &at, 1) != (size_t)!wide)
				wrong++;
		}
	}
	is_int(wrong, 0, "full dates: a year right after a full-width digit is none, after a comma one");
	is_int(year_near(1, 5, (struct ymd[]){ { 2019, 12, 31 } }, 1, 62), 2020, "year near: across the new year");
	is_int(year_near(9, 1, (struct ymd[]){ { 2020, 2, 1 } }, 1, 62), 0, "year near: none past the span");
}

int main(void)
{
	full_dates();
	parse("2020-02-17", "2020-02-17");
	/* found by the load fuzzer: a time cut after its minutes' colon read past the end */
	parse("2020-02-16 20:30:", "2020-02-16");
	parse("2020-02-16T20:30:00Z", "2020-02-17");
	parse("2020-02-16T20:30:00.5-05:00", "2020-02-17");
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
