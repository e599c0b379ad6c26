/* The gazetteer: names in running text, hierarchy, short names only where safe. */
#include <string.h>

#include "core/gazetteer.h"
#include "tests/tap.h"

static const char *match(const struct gazetteer *g, const char *s)
{
	int p;
	size_t k = gazetteer_match(g, s, strlen(s), &p);
	return k ? g->v[p].full_name : "";
}

int main(void)
{
	struct gazetteer g;
	gazetteer_init(&g);
	ok(g.n > 3600, "loads the provinces, prefectures, counties and countries (%zu)", g.n);
	is_str(match(&g, "武汉市新增"), "武汉市", "a full prefecture name");
	is_str(match(&g, "武汉新增"), "武汉市", "a short prefecture name");
	is_str(match(&g, "河北省委"), "河北省", "a full province name");
	is_str(match(&g, "固安县发现"), "固安县", "a full county name");
	is_str(match(&g, "新华社电"), "", "county short names are not matched (新华 is not 新华区)");
	is_str(match(&g, "美国累计"), "美国", "countries");
	is_str(match(&g, "北京市"), "北京市", "a municipality");
	int p = gazetteer_find(&g, "固安县");
	is_str(g.v[gazetteer_city(&g, p)].full_name, "廊坊市", "a county's city");
	is_str(g.v[gazetteer_province(&g, p)].full_name, "河北省", "a county's province");
	p = gazetteer_find(&g, "wuhan");
	ok(p >= 0 && !strcmp(g.v[p].full_name, "武汉市"), "found by pinyin");
	ok(gazetteer_find(&g, "新华") < 0, "a county short name is not a place name on its own");
	p = gazetteer_find(&g, "北京");
	ok(p >= 0 && gazetteer_city(&g, p) >= 0, "北京 is a city as well as a province");
	gazetteer_free(&g);
	return done_testing();
}
