/* The measure extractor, one behaviour per check: kinds, both word orders, shared
 * scope in lists, qualifiers, ranges, spans, places and as-of dates. */
#include <stdio.h>
#include <string.h>

#include "core/archive.h"
#include "core/facts.h"
#include "tests/tap.h"

static struct gazetteer gz;

/* Load one article from text and extract its facts into fs; returns the
 * article, or NULL when the text holds none. The archive is the caller's to free. */
static const struct article *extract_one(const char *text, struct archive *ar, struct facts *fs)
{
	struct diag dg = { NULL, NULL, 0 };
	archive_init(ar);
	archive_load_buffer(ar, "t.txt", (const unsigned char *)text, strlen(text), &dg);
	memset(fs, 0, sizeof *fs);
	if (!ar->n)
		return NULL;
	facts_extract(&ar->art[0], &gz, -1, fs);
	return &ar->art[0];
}

/* Extract from one article and render each fact as "kind value unit qual scope place date hour [words]". */
static const char *run(const char *text)
{
	static char out[4096];
	struct archive ar;
	struct facts fs;
	const struct article *a = extract_one(text, &ar, &fs);
	out[0] = '\0';
	for (size_t i = 0; a && i < fs.n; i++) {
		const struct fact *f = &fs.v[i];
		char d[16];
		const char *date = fact_date_format(f, d);
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%s %lld", i ? "; " : "", fact_kind_name(f->kind),
			 (long long)f->value);
		len = strlen(out);
		if (f->value_max != f->value)
			snprintf(out + len, sizeof out - len, "-%lld", (long long)f->value_max);
		len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s %s %s %s %s h%d [%.*s]", f->unit,
			 fact_qualifier_name(f->qual) ? fact_qualifier_name(f->qual) : "-",
			 fact_scope_name(f->scope) ? fact_scope_name(f->scope) : "-",
			 f->place >= 0 ? gz.v[f->place].full_name : "-", date ? date : "-", f->hour,
			 (int)(f->end - f->start), a->body + f->start);
	}
	facts_free(&fs);
	archive_free(&ar);
	return out;
}

/* Each fact as "kind value place(where from) date(where from)". */
static const char *where_when(const char *text)
{
	static char out[4096];
	struct archive ar;
	struct facts fs;
	const struct article *a = extract_one(text, &ar, &fs);
	out[0] = '\0';
	for (size_t i = 0; a && i < fs.n; i++) {
		const struct fact *f = &fs.v[i];
		char d[16];
		const char *date = fact_date_format(f, d), *pf = fact_origin_name(f->place_from),
			   *df = fact_origin_name(f->date_from);
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%s %lld %s(%s) %s(%s)", i ? "; " : "", fact_kind_name(f->kind),
			 (long long)f->value, f->place >= 0 ? gz.v[f->place].full_name : "-", pf ? pf : "-",
			 date ? date : "-", df ? df : "-");
	}
	facts_free(&fs);
	archive_free(&ar);
	return out;
}

/* Each measure as "kind value[!rule: note]", for the consistency checks. */
static const char *checks(const char *text)
{
	static char out[4096];
	struct archive ar;
	struct facts fs;
	const struct article *a = extract_one(text, &ar, &fs);
	out[0] = '\0';
	for (size_t i = 0; a && i < fs.n; i++) {
		const struct fact *f = &fs.v[i];
		char note[96];
		const char *n = fact_check_note(f, note, sizeof note);
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%s %lld%s%s%s%s", i ? "; " : "", fact_kind_name(f->kind),
			 (long long)f->value, n ? " !" : "", n ? fact_check_name((enum fact_check)f->check) : "",
			 n ? ": " : "", n ? n : "");
	}
	facts_free(&fs);
	archive_free(&ar);
	return out;
}

/* The start of the period a measure covers is kept apart from its as-of date. */
static void test_since(void)
{
	struct archive ar;
	struct facts fs;
	const struct article *a =
		extract_one("{\"title\":\"t\",\"text\":\"自3月11日全面复工以来，累计出院病例500例。从1月24日到2月3日，共派出医疗队员300名。\",\"date\":\"2020-03-20\"}",
			    &ar, &fs);
	char d[16], s1[16], out[256] = "";
	for (size_t i = 0; a && i < fs.n; i++) {
		const char *date = fact_date_format(&fs.v[i], d), *since = fact_since_format(&fs.v[i], s1);
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%s %s since %s", i ? "; " : "", fact_kind_name(fs.v[i].kind),
			 date ? date : "-", since ? since : "-");
	}
	is_str(out, "discharged 2020-03-20 since 2020-03-11; medical_staff 2020-02-03 since 2020-01-24",
	       "自…以来 and 从…到 give the start of the period; the as-of date is its end");
	facts_free(&fs);
	archive_free(&ar);
}

/* A figure about a list of places keeps all of them, and the place they share. */
static void test_place_lists(void)
{
	struct archive ar;
	struct facts fs;
	const struct article *a = extract_one(">>>t\n拉萨、日喀则、昌都、阿里等地新增确诊病例5例。湖北省武汉市新增确诊病例3例。\n", &ar, &fs);
	char out[512] = "";
	for (size_t i = 0; a && i < fs.n; i++) {
		const struct fact *f = &fs.v[i];
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%s [", i ? "; " : "", f->place >= 0 ? gz.v[f->place].full_name : "-");
		for (int k = 0; k < f->nplaces; k++) {
			len = strlen(out);
			snprintf(out + len, sizeof out - len, "%s%s", k ? " " : "", gz.v[f->places[k]].full_name);
		}
		len = strlen(out);
		snprintf(out + len, sizeof out - len, "]");
	}
	is_str(out, "西藏自治区 [拉萨市 日喀则市 昌都市 阿里地区]; 武汉市 [武汉市]",
	       "a list keeps its members and their lowest common parent; a run (湖北省武汉市) is its last");
	facts_free(&fs);
	archive_free(&ar);
}

/* Parts and totals that disagree are flagged, the rest left alone. The texts
 * are written for this test. */
static void test_checks(void)
{
	is_str(checks(">>>t\n2月9日0—24时，新增确诊病例12例，其中本土8例、境外输入3例。\n"),
	       "new_confirmed 12 !parts_sum: its parts add up to 11, the total is 12; "
	       "new_confirmed 8 !parts_sum: its parts add up to 11, the total is 12; "
	       "new_confirmed 3 !parts_sum: its parts add up to 11, the total is 12",
	       "本土 and 境外输入 that do not add up to their total flag all three");
	is_str(checks(">>>t\n新增确诊病例12例，其中本土9例、境外输入3例。新增确诊病例12例，其中武汉10例。\n"),
	       "new_confirmed 12; new_confirmed 9; new_confirmed 3; new_confirmed 12; new_confirmed 10",
	       "parts that add up, and a part no larger than its total, are not flagged");
	is_str(checks(">>>t\n新增确诊病例5例，其中武汉8例。口罩98万只，其中手套6.2万副、防护服100万套。\n"),
	       "new_confirmed 5 !part_exceeds: a part (8) is larger than its total (5); "
	       "new_confirmed 8 !part_exceeds: a part (8) is larger than its total (5); "
	       "supplies 980000; supplies 62000; supplies 1000000",
	       "a part larger than its total is flagged; lists of goods are not parts");
	is_str(checks(">>>t\n截至2月9日24时，湖北省累计确诊病例1000例，累计治愈出院病例300例，累计死亡病例50例，现有确诊病例640例。\n"),
	       "confirmed 1000 !balance: cured + deaths + current = 990, the cumulative total is 1000; "
	       "discharged 300 !balance: cured + deaths + current = 990, the cumulative total is 1000; "
	       "deaths 50 !balance: cured + deaths + current = 990, the cumulative total is 1000; "
	       "confirmed 640 !balance: cured + deaths + current = 990, the cumulative total is 1000",
	       "cured, deaths and current cases that do not make the cumulative total are flagged");
	is_str(checks(">>>t\n截至2月9日24时，湖北省累计确诊病例1000例，累计治愈出院病例300例，累计死亡病例50例，现有确诊病例650例。\n"),
	       "confirmed 1000; discharged 300; deaths 50; confirmed 650", "a balance that holds is not flagged");
}

/* Where a measure's place and date come from: its sentence, the place its aid
 * goes to, the paragraph before it, the dateline. The texts are written for
 * this test. */
static void test_where_and_when(void)
{
	is_str(where_when(">>>t\n新华社武汉1月6日电 截至1月5日24时，全市现有确诊病例100例；当日新增确诊病例6例。累计治愈出院病例30例。\n下一段新增疑似病例2例。\n"),
	       "confirmed 100 武汉市(sentence) --01-05(sentence); new_confirmed 6 武汉市(paragraph) --01-05(paragraph); "
	       "discharged 30 武汉市(paragraph) --01-05(paragraph); suspected 2 武汉市(dateline) --01-06(dateline)",
	       "a date carries past ； and 。 to the end of its paragraph; 当日 is that date; 治愈出院病例 is a discharge");
	is_str(where_when(">>>t\n1月10日0—24时，31个省（自治区、直辖市）和新疆生产建设兵团报告新增确诊病例12例。\n"),
	       "new_confirmed 12 全国(sentence) --01-10(sentence)",
	       "a national bulletin's opening is national, not 新疆");
	is_str(where_when(">>>t\n3月2日，江苏省第五批医疗队120名队员从南京出发，驰援武汉。\n"),
	       "medical_staff 120 武汉市(destination) --03-02(sentence)",
	       "a team is counted where it goes, not where it leaves from");
	is_str(where_when(">>>t\n湖北日报记者获悉，广州某某有限公司捐赠口罩5万只，送往黄冈。\n"),
	       "supplies 50000 黄冈市(destination) -(-)",
	       "goods are counted where they go; a newspaper's and a firm's names name no place");
	is_str(where_when(">>>t\n湖北新增确诊病例5例（武汉3例），新增疑似病例2例。\n"),
	       "new_confirmed 5 湖北省(sentence) -(-); new_confirmed 3 武汉市(sentence) -(-); suspected 2 湖北省(sentence) -(-)",
	       "a place in brackets stays in them; a bracketed count shares its list's kind");
	is_str(where_when("{\"title\":\"t\",\"text\":\"5日，美国报告新增确诊病例1200例。\",\"date\":\"2020-03-06\"}"),
	       "new_confirmed 1200 美国(sentence) 2020-03-05(sentence)",
	       "a bare day before a comma is a date in the article's month and year");
	is_str(where_when(">>>t\n1月21日报告病例1例，22日新增8例，23日新增6例。\n"),
	       "confirmed 1 -(-) --01-21(sentence); new_confirmed 8 -(-) --01-22(sentence); new_confirmed 6 -(-) --01-23(sentence)",
	       "each item of a list of days takes its own day");
	is_str(where_when(">>>t\n印度卫生部12日通报疫情。该国新增确诊病例300例。\n"),
	       "new_confirmed 300 印度(sentence) -(-)",
	       "该国 is the country the paragraph is about");
	is_str(where_when(">>>t\n央广网呼和浩特2月9日消息 截至2月9日9时，全区累计确诊病例54例。\n"),
	       "confirmed 54 内蒙古自治区(sentence) --02-09(sentence)",
	       "全区 in an autonomous region is the region, not the dateline's city");
	is_str(where_when(">>>t\n截至当天24时，国内累计报告确诊病例291例。全球除中国外共有153例确诊病例。\n"),
	       "confirmed 291 全国(sentence) -(-); confirmed 153 全球(sentence) -(-)",
	       "国内 is national; 除中国外 is the world, not 国外 read inside 中国外");
	is_str(where_when(">>>t\n老挝是继日本之后病例较多的国家。截至2月6日，共确诊25例。\n"),
	       "confirmed 25 老挝(paragraph) --02-06(sentence)",
	       "a sentence that opens with a place is about it, not about the last place it names");
	is_str(where_when(">>>t\n美团向1200多名河南省援助湖北医护人员捐款。\n"),
	       "medical_staff 1200 湖北省(destination) -(-)",
	       "a destination inside the figure's own words is where the staff are");
	is_str(where_when(">>>t\n新华社济南电 武汉疫情发生后，全市确定了15所定点医院。\n"),
	       "hospitals 15 济南市(sentence) -(-)",
	       "a place whose epidemic is named is not where the figure is");
	is_str(where_when(">>>t\n专家从上海南站出发，随车运输防疫物资1015件。\n"),
	       "supplies 1015 上海市(sentence) -(-)",
	       "place names do not overlap: 上海南站 is not 海南");
	is_str(where_when("{\"title\":\"t\",\"text\":\"1日12时50分，装载6100公斤洗手液的列车驶往武汉。\",\"date\":\"2020-02-03\"}"),
	       "supplies 6100 武汉市(destination) 2020-02-01(sentence)",
	       "a bare day followed by its hour is a date");
}

/* Figures with a count's shape that are no measure, and the kinds and word
 * orders real bulletins use. The texts are written for this test. */
static void test_kinds_and_non_counts(void)
{
	is_str(where_when(">>>t\n山火造成3人死亡。全球每年流感导致65万例死亡。\n"), "",
	       "other events and diseases give no epidemic measure");
	is_str(where_when(">>>t\n蔬菜包每份售价10元。该公司营业收入90亿元。每家企业最高补贴100万元。\n"), "",
	       "prices, revenue and caps are not funds");
	is_str(where_when(">>>t\n某企业向武汉捐赠资金100万元。\n"), "funds 1000000 武汉市(destination) -(-)",
	       "money given is funds");
	is_str(where_when(">>>t\n需要两三名护士一起翻身。该厂口罩日产量达到100万只。\n"), "",
	       "\"a few\" and production are not counts");
	is_str(where_when(">>>t\n当日转为确诊病例2例。住院病例12例。累计报告接种新冠病毒疫苗350万剂次。日检测能力达10万管。已建成3家方舱医院。\n"),
	       "converted_to_confirmed 2 -(-) -(-); hospitalised 12 -(-) -(-); vaccinations 3500000 -(-) -(-); "
	       "test_capacity 100000 -(-) -(-); hospitals 3 -(-) -(-)",
	       "conversions, people in hospital, vaccine doses, test capacity and designated hospitals");
	is_str(where_when(">>>t\n增派的医疗力量中有7000多名重症专业的医护人员。收治55名重症患者。\n"),
	       "medical_staff 7000 -(-) -(-); severe 55 -(-) -(-)",
	       "the person noun that ends the phrase is what is counted");
	is_str(where_when(">>>t\n青岛市共确诊新型冠状病毒感染的肺炎病例10例，其中男性7例，女性3例。今晨又确诊3例。\n"),
	       "confirmed 10 青岛市(sentence) -(-); confirmed 7 青岛市(sentence) -(-); confirmed 3 青岛市(sentence) -(-); "
	       "new_confirmed 3 青岛市(paragraph) -(-)",
	       "确诊 before a long noun phrase confirms its 病例; men and women continue the list; 又确诊 is new");
	is_str(where_when(">>>t\n当天新增确诊暴增至13436例，累计确诊也达到32994例。新增确诊病例首次为0，危重5例，仍在治疗49例，无人死亡。\n"),
	       "new_confirmed 13436 -(-) -(-); confirmed 32994 -(-) -(-); deaths 0 -(-) -(-); new_confirmed 0 -(-) -(-); "
	       "severe 5 -(-) -(-); hospitalised 49 -(-) -(-)",
	       "verbs between noun and number; a zero needs no unit; 危重, 仍在治疗, 无人死亡");
	is_str(where_when(">>>t\n基金会宣布捐赠2亿人民币。她拿出100块钱捐款。农户捐献10万斤萝卜到武汉。\n"),
	       "funds 200000000 武汉市(article) -(-); funds 100 武汉市(article) -(-); supplies 100000 武汉市(destination) -(-)",
	       "人民币 and 块钱 are yuan; a weight of goods given is supplies whatever the goods");
	is_str(where_when(">>>t\n小伙子将几十盒鸡蛋搬上车。企业每天生产口罩3万个。承担了十余万套防护服紧急生产任务。人均保障额度50万元。\n"), "",
	       "vague numbers, goods made and insurance cover are no measure");
	is_str(where_when(">>>t\n设置酒店等三处集中隔离观察点。为全省检测7.7万余例样本。募集30万人份检测试剂盒。\n"),
	       "isolation_sites 3 -(-) -(-); tests_done 77000 -(-) -(-); supplies 300000 -(-) -(-)",
	       "isolation sites named 观察点; tests counted in 例; kits counted in 人份");
	is_str(where_when(">>>t\n新增新型冠状病毒感染的肺炎病例数为731人。方舱医院扩容至11家。已收治近500名患者。\n"),
	       "new_confirmed 731 -(-) -(-); hospitals 11 -(-) -(-); hospitalised 500 -(-) -(-)",
	       "新增 and 收治 before a generic noun say what it counts; 数为 and 扩容至 between noun and number");
	is_str(where_when(">>>t\n捐赠两批共47台价值565万元的成像仪。该支援队累计出动车辆100余台。每间病房有3张床位。车站设立了两个体温检测点。这7位护士都是一线人员。\n"),
	       "supplies 47 -(-) -(-); funds 5650000 -(-) -(-)",
	       "pieces of goods given count whatever the goods; a team's vehicles, a room's beds, temperature checks "
	       "and a reference back do not");
	is_str(where_when(">>>t\n100多名患者中已有十几名治愈出院。转出22名符合出院标准的患者。武汉新增确诊病例为零。多省份新增病例为零。\n"),
	       "discharged 10 武汉市(article) -(-); new_confirmed 0 武汉市(sentence) -(-)",
	       "the verb after two counts is the later one's; meeting discharge criteria is not discharge; "
	       "a zero in words, but not for a vague subject");
	is_str(where_when("{\"title\":\"t\",\"text\":\"医院在神龙大道58号。武汉市有来自北京的136名医护人员。\",\"date\":\"2020-01-29\"}"),
	       "medical_staff 136 武汉市(sentence) 2020-01-29(dateline)",
	       "where people come from (来自) is not where they are; an address number is not a day");
	is_str(where_when(">>>t\n海外侨胞捐赠物资驰援武汉。\n美国湖北同乡会捐赠口罩1万个，捐款美金10万元，筹措价值7万多美元的医护用品。\n"),
	       "supplies 10000 武汉市(article) -(-)",
	       "aid from a country abroad goes where the article's aid goes; money in dollars counts nothing");
	is_str(where_when(">>>t\n全国医务人员确诊新冠肺炎人数已达1716例，有6位医务人员不幸逝世。\n"),
	       "confirmed 1716 全国(sentence) -(-); deaths 6 全国(sentence) -(-)",
	       "staff who died are deaths; 确诊新冠肺炎 before the number");
	is_str(where_when(">>>t\n全国确诊病例超过65万。援鄂的10多万医护人员。\n"),
	       "confirmed 650000 全国(sentence) -(-); medical_staff 100000 湖北省(destination) -(-)",
	       "a 万 figure needs no unit; 援鄂 is a destination");
}

/* The paper's own city: the one most of a page's newspaper articles are about,
 * the first named on a tie; articles that are not newspaper text do not count. */
static void test_file_city(void)
{
	static const char *const places[] = { "武汉", "成都", "成都", "武汉", "北京", "北京", "北京" };
	struct article a[7];
	memset(a, 0, sizeof a);
	for (int i = 0; i < 7; i++) {
		a[i].title = (char *)"t";
		a[i].body = (char *)"";
		a[i].place = (char *)places[i];
		a[i].flags = i < 4 ? ART_NEWSPAPER : 0;
	}
	int wuhan = gazetteer_city(&gz, gazetteer_find(&gz, "武汉")),
	    chengdu = gazetteer_city(&gz, gazetteer_find(&gz, "成都"));
	is_int(facts_file_city(a, 4, &gz), wuhan, "file city: a tie (2 and 2) goes to the city named first");
	is_int(facts_file_city(a + 1, 3, &gz), chengdu, "file city: the city most articles are about");
	is_int(facts_file_city(a, 7, &gz), wuhan, "file city: articles that are not newspaper text do not count");
	is_int(facts_file_city(a + 4, 3, &gz), -1, "file city: none when no article is newspaper text");
}

int main(void)
{
	gazetteer_init(&gz);
	const char *t = facts_tables_disagree();
	is_str(t ? t : "", "", "the first pass's first-character tests cover every word of their tables");
	test_file_city();
	test_checks();
	test_since();
	test_place_lists();
	test_where_and_when();
	test_kinds_and_non_counts();
	is_str(run(">>>t\n新华社武汉2月5日电 截至4日24时，武汉已设置132个集中隔离点，床位12571张。\n"),
	       "isolation_sites 132个 - - 武汉市 --02-04 h24 [132个集中隔离点]; beds 12571张 - - 武汉市 --02-04 h24 [床位12571张]",
	       "count before and after its noun, as-of 截至4日24时 from the dateline month");
	is_str(run("{\"title\":\"t\",\"text\":\"1月12日0至12时，石家庄市新增确诊病例21例、无症状感染者12例。\",\"date\":\"2021-01-13\"}"),
	       "new_confirmed 21例 - new 石家庄市 2021-01-12 h12 [新增确诊病例21例]; asymptomatic 12例 - new 石家庄市 2021-01-12 h12 [无症状感染者12例]",
	       "新增 is shared by a list joined with 、; the hour range gives its end");
	is_str(run(">>>t\n全省累计报告本土确诊病例523例,本土无症状感染者320例。\n"),
	       "confirmed 523例 - cumulative - - h-1 [确诊病例523例]; asymptomatic 320例 - cumulative - - h-1 [无症状感染者320例]",
	       "累计 is shared by a list joined with a comma; 本土 between trigger and count");
	is_str(run(">>>t\n1月14日，12例确诊病例治愈出院，3例由无症状感染者转为确诊，无死亡病例。\n"),
	       "deaths 0例 - - - --01-14 h-1 [无死亡病例]; discharged 12例 - - - --01-14 h-1 [12例确诊病例]; converted_to_confirmed 3例 - - - --01-14 h-1 [3例由无症状感染者]",
	       "what happened to cases changes the kind; 无死亡病例 is deaths = 0; the opening 1月14日 dates them");
	is_str(run(">>>t\n近20万只口罩，超过300个采样点，不足10家检测机构，50余名医务人员，20万只左右防护服。\n"),
	       "supplies 200000只 approx - - - h-1 [近20万只口罩]; sampling_sites 300个 over - - - h-1 [超过300个采样点]; test_labs 10家 under - - - h-1 [不足10家检测机构]; medical_staff 50名 over - - - h-1 [50余名医务人员]; supplies 200000只 approx - - - h-1 [20万只左右防护服]",
	       "qualifiers before and after the count are kept and included in the span");
	is_str(run(">>>t\n目前有疑似患者30至40人。\n"), "suspected 30-40人 - current - - h-1 [疑似患者30至40人]",
	       "a range keeps both ends; 目前 is the current scope");
	is_str(run(">>>t\n第二十三场发布会，电话68052995，24小时开通，完成四轮检测，14天观察，占比1/3，62岁，16号楼，2021年。\n"), "",
	       "ordinals, phones, durations, rounds, fractions, ages, addresses and years are not measures");
	is_str(run(">>>t\n美国累计确诊病例超过3000万例。\n"),
	       "confirmed 30000000例 over cumulative 美国 - h-1 [确诊病例超过3000万例]", "a country is a place");
	is_str(run(">>>t\n江城医院今天开放床位2000张。\n"), "beds 2000张 - - - - h-1 [床位2000张]",
	       "今天 without an article date leaves the date unknown, never invented");
	is_str(run("{\"title\":\"t\",\"text\":\"昨日全市新增床位300张。\",\"date\":\"2020-03-01\"}"),
	       "beds 300张 - new - 2020-02-29 h-1 [床位300张]", "昨日 is the day before the article date");
	is_str(run(">>>t\n本报讯 我市完成全员核酸检测。培训采样医务人员和志愿者4000人。\n"), "",
	       "a count of two kinds joined by 和 is not reported as either");
	is_str(run(">>>t\n市财政拨付资金 20 万元。\n"), "funds 200000元 - - - - h-1 [20 万元]",
	       "spaces inside 20 万元 are read");
	struct fact f = { 0 };
	char b[16];
	f.date.m = 2;
	f.date.d = 4;
	is_str(fact_date_format(&f, b), "--02-04", "a date without a year is written --MM-DD");
	is_int(fact_kind_from_name("beds"), KIND_BEDS, "kinds are found by their machine name");
	is_int(fact_kind_from_name("bed"), -1, "an unknown kind name gives -1");
	gazetteer_free(&gz);
	return done_testing();
}
