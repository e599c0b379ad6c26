/* The outlet table and the recovery rules over it: names, hosts, folder
 * words, columns, titles. */
#include <stdlib.h>
#include <string.h>

#include "core/outlets.h"
#include "core/recover.h"
#include "tests/tap.h"

static const char *at(const char *s)
{
	size_t k;
	const char *o = outlet_at(s, strlen(s), &k);
	return o ? o : "-";
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

int main(void)
{
	ok(outlets_sorted(), "the names are in byte order, as outlet_at's binary search needs");
	is_str(at("新华社武汉2月5日电"), "新华社", "outlet_at: a dateline's agency");
	is_str(at("中国新闻网北京电"), "中新网", "outlet_at: another name of an outlet gives its canonical one");
	is_str(at("中国日报网消息"), "中国日报网", "outlet_at: the longest name wins (中国日报网 over 中国日报)");
	is_str(at("央视新闻客户端"), "央视新闻", "outlet_at: 央视新闻 over 央视");
	is_str(at("BBC中文网报道"), "BBC中文网", "outlet_at: a name that starts in ASCII");
	is_str(at("滨海日报"), "-", "outlet_at: an unknown paper is no outlet");
	is_str(at("新"), "-", "outlet_at: a cut character is no outlet");
	size_t k;
	ok(outlet_at("", 0, &k) == NULL && k == 0, "outlet_at: nothing at the end of a string");
	is_str(or_dash(outlet_of_host("www.cnr.cn", 10)), "央广网", "a host under a registered domain");
	is_str(or_dash(outlet_of_host("notcnr.cn", 9)), "-", "a host that only ends like one is not it");
	is_str(or_dash(outlet_of_word("CNR", 3)), "央广网", "a folder word, in any case");
	is_str(or_dash(outlet_of_word("人民日报", strlen("人民日报"))), "人民日报", "a folder named in Chinese");
	is_str(or_dash(outlet_of_column("东湖评论：某事", strlen("东湖评论：某事"), &k)), "荆楚网", "a column's outlet");
	char *c = outlet_canonical("环球时报-环球网", strlen("环球时报-环球网"));
	is_str(c, "环球时报", "a source reduced to the outlet it opens with");
	free(c);
	c = outlet_canonical("滨海日报记者 张三", strlen("滨海日报记者 张三"));
	is_str(c, "滨海日报", "an unknown outlet, cut at its byline");
	free(c);

	char *suffix;
	char *t = title_clean("[视频]滨江新增床位 ... - 人民网", &suffix);
	is_str(t, "滨江新增床位", "title: tag, site suffix and truncation mark go");
	is_str(or_dash(suffix), "人民网", "title: the suffix names the site");
	free(t);
	free(suffix);
	t = title_clean("滨江新增床位-800张", &suffix);
	is_str(t, "滨江新增床位-800张", "title: a hyphen inside the title is no site suffix");
	ok(suffix == NULL, "title: and names no site");
	free(t);
	return done_testing();
}
