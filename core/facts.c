#include "facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnum.h"
#include "facts_scan.h"
#include "fold.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

/* ---- names ------------------------------------------------------------------ */

static const char *const kind_names[] = {
#define X(e, name, words) name,
	FACT_KINDS(X)
#undef X
};

static const char *const kind_words[] = {
#define X(e, name, words) words,
	FACT_KINDS(X)
#undef X
};

const char *fact_kind_name(enum fact_kind k)
{
	return (unsigned)k < KIND_COUNT ? kind_names[k] : "?";
}

const char *fact_kind_words(enum fact_kind k)
{
	return (unsigned)k < KIND_COUNT ? kind_words[k] : "?";
}

int fact_kind_from_name(const char *name)
{
	for (int k = 0; k < KIND_COUNT; k++)
		if (!strcmp(kind_names[k], name))
			return k;
	return -1;
}

const char *fact_qualifier_name(enum fact_qualifier q)
{
	static const char *const n[] = { NULL, "approx", "over", "under" };
	return n[q];
}

const char *fact_scope_name(enum fact_scope s)
{
	static const char *const n[] = { NULL, "cumulative", "new", "current" };
	return n[s];
}

const char *fact_origin_name(enum fact_origin o)
{
	static const char *const names[FROM_COUNT] = { NULL, "sentence", "destination", "paragraph", "article",
						       "dateline" };
	return (unsigned)o < FROM_COUNT ? names[o] : NULL;
}

static const char *format_md(struct ymd v, char *buf)
{
	if (!v.m || !v.d)
		return NULL;
	if (v.y)
		return ymd_format(v, buf);
	buf[0] = buf[1] = '-';
	buf[2] = (char)('0' + v.m / 10);
	buf[3] = (char)('0' + v.m % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + v.d / 10);
	buf[6] = (char)('0' + v.d % 10);
	buf[7] = '\0';
	return buf;
}

const char *fact_date_format(const struct fact *f, char *buf)
{
	return format_md(f->date, buf);
}

const char *fact_since_format(const struct fact *f, char *buf)
{
	return format_md(f->since, buf);
}

void facts_free(struct facts *f)
{
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* ---- the tables ------------------------------------------------------------- */

/* Generic nouns ("患者", "病例") become a fact only when a verb says what happened
 * to them (出院, 死亡). */
#define KIND_PATIENTS KIND_COUNT

enum { SIDE_L = 1, SIDE_R = 2, SIDE_FAR = 4 };

struct trigger {
	const char *text;
	int kind;
	int sides;
	size_t len;
	uint32_t first, last; /* its first and last characters' bytes (all are CJK) */
};
#define T(text, kind, sides) { text, kind, sides, sizeof(text) - 1, BYTES3(text, 0), BYTES3(text, sizeof(text) - 4) }

static const struct trigger triggers[] = {
	T("集中隔离点", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("隔离点", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("集中隔离场所", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("隔离场所", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("隔离酒店", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("医学观察点", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("隔离医学观察点", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("集中隔离观察点", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("隔离观察点", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("集中留观点", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("留观点", KIND_ISOLATION_SITES, SIDE_L | SIDE_R),
	T("隔离房间", KIND_ISOLATION_ROOMS, SIDE_L | SIDE_R),
	T("隔离间", KIND_ISOLATION_ROOMS, SIDE_L | SIDE_R),
	T("床位", KIND_BEDS, SIDE_L | SIDE_R),
	T("病床", KIND_BEDS, SIDE_L | SIDE_R),
	T("集中隔离", KIND_ISOLATED_PEOPLE, SIDE_L | SIDE_R),
	T("集中隔离观察", KIND_ISOLATED_PEOPLE, SIDE_L | SIDE_R),
	T("隔离观察", KIND_ISOLATED_PEOPLE, SIDE_L | SIDE_R),
	T("医学观察", KIND_ISOLATED_PEOPLE, SIDE_L | SIDE_R),
	T("集中医学观察", KIND_ISOLATED_PEOPLE, SIDE_L | SIDE_R),
	T("接受医学观察", KIND_ISOLATED_PEOPLE, SIDE_R),
	T("居家隔离", KIND_ISOLATED_PEOPLE, SIDE_L | SIDE_R),
	T("隔离人员", KIND_ISOLATED_PEOPLE, SIDE_L | SIDE_R),
	T("解除隔离", KIND_QUARANTINE_RELEASED, SIDE_L | SIDE_R),
	T("解除医学观察", KIND_QUARANTINE_RELEASED, SIDE_L | SIDE_R),
	T("解除观察", KIND_QUARANTINE_RELEASED, SIDE_L | SIDE_R),
	T("解除集中隔离", KIND_QUARANTINE_RELEASED, SIDE_L | SIDE_R),
	T("采样", KIND_SAMPLES_COLLECTED, SIDE_L | SIDE_R),
	T("核酸采样", KIND_SAMPLES_COLLECTED, SIDE_L | SIDE_R),
	T("采集样本", KIND_SAMPLES_COLLECTED, SIDE_L | SIDE_R),
	T("检测", KIND_TESTS_DONE, SIDE_L | SIDE_R),
	T("核酸检测", KIND_TESTS_DONE, SIDE_L | SIDE_R),
	T("样本检测", KIND_TESTS_DONE, SIDE_L | SIDE_R),
	T("筛查", KIND_TESTS_DONE, SIDE_L),
	T("检测出阳性", KIND_TEST_POSITIVE, SIDE_L | SIDE_R),
	T("检出阳性", KIND_TEST_POSITIVE, SIDE_L | SIDE_R),
	T("阳性", KIND_TEST_POSITIVE, SIDE_L | SIDE_R),
	T("核酸阳性", KIND_TEST_POSITIVE, SIDE_L | SIDE_R),
	T("检测结果为阳性", KIND_TEST_POSITIVE, SIDE_R),
	T("结果为阳性", KIND_TEST_POSITIVE, SIDE_R),
	T("呈阳性", KIND_TEST_POSITIVE, SIDE_R),
	T("采样点", KIND_SAMPLING_SITES, SIDE_L | SIDE_R),
	T("核酸采样点", KIND_SAMPLING_SITES, SIDE_L | SIDE_R),
	T("检测点", KIND_SAMPLING_SITES, SIDE_L | SIDE_R),
	T("采样点位", KIND_SAMPLING_SITES, SIDE_L | SIDE_R),
	T("检测机构", KIND_TEST_LABS, SIDE_L | SIDE_R | SIDE_FAR),
	T("检测实验室", KIND_TEST_LABS, SIDE_L | SIDE_R),
	T("实验室", KIND_TEST_LABS, SIDE_L | SIDE_R | SIDE_FAR),
	T("确诊病例", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("确诊患者", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("确诊", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("新冠肺炎确诊病例", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("新增确诊病例", KIND_NEW_CONFIRMED, SIDE_L),
	T("新增确诊", KIND_NEW_CONFIRMED, SIDE_L),
	T("又确诊", KIND_NEW_CONFIRMED, SIDE_L),
	T("新确诊", KIND_NEW_CONFIRMED, SIDE_L),
	T("无症状感染者", KIND_ASYMPTOMATIC, SIDE_L | SIDE_R),
	T("无症状", KIND_ASYMPTOMATIC, SIDE_L | SIDE_R),
	T("疑似病例", KIND_SUSPECTED, SIDE_L | SIDE_R),
	T("疑似患者", KIND_SUSPECTED, SIDE_L | SIDE_R),
	T("疑似", KIND_SUSPECTED, SIDE_L | SIDE_R),
	T("重症", KIND_SEVERE, SIDE_L | SIDE_R),
	T("危重症", KIND_SEVERE, SIDE_L | SIDE_R),
	T("重症患者", KIND_SEVERE, SIDE_L | SIDE_R),
	T("危重症患者", KIND_SEVERE, SIDE_L | SIDE_R),
	T("重症病例", KIND_SEVERE, SIDE_L | SIDE_R),
	T("重型", KIND_SEVERE, SIDE_L | SIDE_R),
	T("危重型", KIND_SEVERE, SIDE_L | SIDE_R),
	T("危重", KIND_SEVERE, SIDE_L | SIDE_R),
	T("治愈出院", KIND_DISCHARGED, SIDE_L | SIDE_R),
	T("出院", KIND_DISCHARGED, SIDE_L | SIDE_R),
	T("治愈", KIND_DISCHARGED, SIDE_L),
	T("死亡", KIND_DEATHS, SIDE_L | SIDE_R),
	T("死亡病例", KIND_DEATHS, SIDE_L | SIDE_R),
	T("病亡", KIND_DEATHS, SIDE_L | SIDE_R),
	T("密切接触者", KIND_CLOSE_CONTACTS, SIDE_L | SIDE_R),
	T("密切接触人员", KIND_CLOSE_CONTACTS, SIDE_L | SIDE_R),
	T("密接", KIND_CLOSE_CONTACTS, SIDE_L | SIDE_R),
	T("密接者", KIND_CLOSE_CONTACTS, SIDE_L | SIDE_R),
	T("次密接", KIND_SECONDARY_CONTACTS, SIDE_L | SIDE_R),
	T("次密接者", KIND_SECONDARY_CONTACTS, SIDE_L | SIDE_R),
	T("次密切接触者", KIND_SECONDARY_CONTACTS, SIDE_L | SIDE_R),
	T("密接的密接", KIND_SECONDARY_CONTACTS, SIDE_L | SIDE_R),
	T("封控区", KIND_LOCKDOWN_ZONES, SIDE_L | SIDE_R),
	T("封控区域", KIND_LOCKDOWN_ZONES, SIDE_L | SIDE_R),
	T("封控小区", KIND_LOCKDOWN_ZONES, SIDE_L | SIDE_R),
	T("管控区", KIND_CONTROL_ZONES, SIDE_L | SIDE_R),
	T("管控区域", KIND_CONTROL_ZONES, SIDE_L | SIDE_R),
	T("管控小区", KIND_CONTROL_ZONES, SIDE_L | SIDE_R),
	T("无疫情小区", KIND_EPIDEMIC_FREE_AREAS, SIDE_L | SIDE_R),
	T("无疫情社区", KIND_EPIDEMIC_FREE_AREAS, SIDE_L | SIDE_R),
	T("无疫情村", KIND_EPIDEMIC_FREE_AREAS, SIDE_L | SIDE_R),
	T("无疫情村（大队）", KIND_EPIDEMIC_FREE_AREAS, SIDE_L),
	T("医务人员", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("医护人员", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("医疗队员", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("医务工作者", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("医疗人员", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("医生", KIND_MEDICAL_STAFF, SIDE_R),
	T("医师", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R),
	T("护士", KIND_MEDICAL_STAFF, SIDE_R),
	T("志愿者", KIND_VOLUNTEERS, SIDE_L | SIDE_R | SIDE_FAR),
	T("志愿服务", KIND_VOLUNTEERS, SIDE_L),
	T("口罩", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("防护服", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("护目镜", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("手套", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("隔离衣", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("消毒液", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("消毒剂", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("检测试剂", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("试剂盒", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("洗手液", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("消毒水", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("消毒粉", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("消毒片", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("呼吸机", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("物资", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("药品", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("测温枪", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("额温枪", KIND_SUPPLIES, SIDE_L | SIDE_R),
	/* cases named with what happened to them, and kinds whose noun says it */
	T("确诊新冠肺炎患者", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("确诊新冠肺炎", KIND_CONFIRMED, SIDE_L),
	T("确诊新冠肺炎病例", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("新冠肺炎确诊患者", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("报告病例", KIND_CONFIRMED, SIDE_L),
	T("危重患者", KIND_SEVERE, SIDE_L | SIDE_R),
	T("危重病例", KIND_SEVERE, SIDE_L | SIDE_R),
	T("出院病例", KIND_DISCHARGED, SIDE_L | SIDE_R),
	T("治愈出院病例", KIND_DISCHARGED, SIDE_L | SIDE_R),
	T("治愈病例", KIND_DISCHARGED, SIDE_L | SIDE_R),
	T("出院患者", KIND_DISCHARGED, SIDE_L | SIDE_R),
	T("治愈患者", KIND_DISCHARGED, SIDE_L | SIDE_R),
	T("出院的确诊病例", KIND_DISCHARGED, SIDE_L),
	T("治愈出院的确诊病例", KIND_DISCHARGED, SIDE_L),
	T("转为确诊病例", KIND_CONVERTED, SIDE_L | SIDE_R),
	T("转确诊病例", KIND_CONVERTED, SIDE_L | SIDE_R),
	T("解除医学观察的无症状感染者", KIND_QUARANTINE_RELEASED, SIDE_L),
	T("住院病例", KIND_HOSPITALISED, SIDE_L | SIDE_R),
	T("住院患者", KIND_HOSPITALISED, SIDE_L | SIDE_R),
	T("在院患者", KIND_HOSPITALISED, SIDE_L | SIDE_R),
	T("仍在治疗", KIND_HOSPITALISED, SIDE_L),
	T("住院治疗", KIND_HOSPITALISED, SIDE_L),
	T("在院治疗", KIND_HOSPITALISED, SIDE_L),
	T("方舱医院", KIND_HOSPITALS, SIDE_L | SIDE_R | SIDE_FAR),
	T("定点医院", KIND_HOSPITALS, SIDE_L | SIDE_R | SIDE_FAR),
	T("定点收治医院", KIND_HOSPITALS, SIDE_L | SIDE_R | SIDE_FAR),
	T("定点救治医院", KIND_HOSPITALS, SIDE_L | SIDE_R | SIDE_FAR),
	T("集中收治定点医院", KIND_HOSPITALS, SIDE_L | SIDE_R | SIDE_FAR),
	T("定点医疗机构", KIND_HOSPITALS, SIDE_L | SIDE_R | SIDE_FAR),
	T("应急医院", KIND_HOSPITALS, SIDE_L | SIDE_R | SIDE_FAR),
	T("疫苗", KIND_VACCINATIONS, SIDE_L),
	T("接种", KIND_VACCINATIONS, SIDE_L | SIDE_R),
	T("检测能力", KIND_TEST_CAPACITY, SIDE_L),
	T("日检测能力", KIND_TEST_CAPACITY, SIDE_L),
	/* people sent or working: teams and their members */
	T("医疗队", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("医疗救治队", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("医疗救援队", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("医学救援队", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("医疗队员", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("队员", KIND_MEDICAL_STAFF, SIDE_R | SIDE_FAR),
	T("医护", KIND_MEDICAL_STAFF, SIDE_R | SIDE_FAR),
	T("护理人员", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("专家", KIND_MEDICAL_STAFF, SIDE_L | SIDE_R | SIDE_FAR),
	T("派出", KIND_MEDICAL_STAFF, SIDE_L),
	T("队伍", KIND_MEDICAL_STAFF, SIDE_R | SIDE_FAR),
	T("米面油", KIND_SUPPLIES, SIDE_L | SIDE_R),
	/* goods */
	T("大米", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("面粉", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("面条", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("食用油", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("粮油", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("蔬菜", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("鸡蛋", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("牛奶", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("乳制品", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("猪肉", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("肉", KIND_SUPPLIES, SIDE_L),
	T("酒精", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("柴油", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("食品", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("农副产品", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("救护车", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("净化器", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("电视", KIND_SUPPLIES, SIDE_R | SIDE_FAR),
	T("设备", KIND_SUPPLIES, SIDE_R),
	T("体温计", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("温度计", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("防护用品", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("医疗用品", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("物品", KIND_SUPPLIES, SIDE_L | SIDE_R | SIDE_FAR),
	T("符合出院", KIND_PATIENTS, SIDE_R), /* meeting the criteria, not discharged */
	T("患者", KIND_PATIENTS, SIDE_L | SIDE_R),
	T("病例", KIND_PATIENTS, SIDE_L | SIDE_R),
	T("病人", KIND_PATIENTS, SIDE_L | SIDE_R),
};

/* Units each kind may be counted in. */
static const char *const kind_units[KIND_COUNT + 1] = {
	[KIND_ISOLATION_SITES] = "个|处|家|所",
	[KIND_ISOLATION_ROOMS] = "间|个|套",
	[KIND_BEDS] = "张|个|床",
	[KIND_ISOLATED_PEOPLE] = "人|名|人次",
	[KIND_QUARANTINE_RELEASED] = "人|名",
	[KIND_SAMPLES_COLLECTED] = "人|份|人次|管",
	[KIND_TESTS_DONE] = "人|份|人次|管|例",
	[KIND_TEST_POSITIVE] = "人|例|份|名",
	[KIND_SAMPLING_SITES] = "个|处",
	[KIND_TEST_LABS] = "家|个|所",
	[KIND_CONFIRMED] = "例|人|名",
	[KIND_NEW_CONFIRMED] = "例|人|名",
	[KIND_ASYMPTOMATIC] = "例|人|名",
	[KIND_CONVERTED] = "例|人|名",
	[KIND_SUSPECTED] = "例|人|名",
	[KIND_SEVERE] = "例|人|名",
	[KIND_DISCHARGED] = "例|人|名|位",
	[KIND_DEATHS] = "例|人|名",
	[KIND_CLOSE_CONTACTS] = "人|名",
	[KIND_SECONDARY_CONTACTS] = "人|名",
	[KIND_LOCKDOWN_ZONES] = "个|处",
	[KIND_CONTROL_ZONES] = "个|处",
	[KIND_EPIDEMIC_FREE_AREAS] = "个",
	[KIND_MEDICAL_STAFF] = "名|人|位",
	[KIND_VOLUNTEERS] = "名|人|人次|位",
	[KIND_FUNDS] = "元",
	[KIND_SUPPLIES] = "只|件|套|个|箱|台|吨|瓶|副|双|盒|袋|顶|辆|斤|公斤|千克|桶|提|份|升|人份",
	[KIND_HOSPITALS] = "家|座|所|个",
	[KIND_HOSPITALISED] = "例|人|名",
	[KIND_VACCINATIONS] = "剂次|剂|人次|人",
	[KIND_TEST_CAPACITY] = "管|份|人份|人次",
	[KIND_PATIENTS] = "例|人|名",
};

/* Counting words, longest first within a shared prefix. */
#define UNITS(X)                                                                                     \
	X("人次") X("人份") X("人民币") X("块钱") X("万元") X("亿元") X("元") X("人") X("名") X("例") X("个") X("张") X("间")  \
	X("份") X("家") X("处") X("所") X("支") X("只") X("套") X("件") X("箱") X("台") X("吨") X("瓶")   \
	X("副") X("双") X("盒") X("袋") X("顶") X("管") X("床") X("辆") X("斤") X("公斤") X("千克")       \
	X("桶") X("提") X("升") X("位") X("座") X("剂次") X("剂")
static const char *const units[] = {
#define NAME(u) u,
	UNITS(NAME)
#undef NAME
};


/* What follows a number that is not a count: dates, times, durations, ages,
 * ordinals, rounds, shares. */
/* Only words that start with a unit need listing: a number followed by anything
 * that is not a unit (年, 月, 日, 时, 天, 岁, 轮, 次, 场, %, …) is never a count. */
static const struct word not_counts[] = {
	WORD("个月"), WORD("个小时"), WORD("个百分点"), WORD("个工作日"), WORD("个星期"), WORD("个批次"),
	WORD("个多月"), WORD("个多小时"), WORD("名次"), WORD("家庭"), WORD("家属"), WORD("家中"),
	WORD("家里"), WORD("人民"), WORD("人口"), WORD("人一间"), WORD("人一室"), WORD("人一组"),
	WORD("位于"), WORD("位置"), WORD("座谈"), WORD("座位"), WORD("提出"), WORD("提供"),
	WORD("提高"), WORD("提升"), WORD("提前"), WORD("升级"), WORD("剂量"), WORD("剂型")
};


static int unit_allowed(int kind, const char *unit)
{
	const char *list = kind_units[kind];
	size_t k = strlen(unit);
	for (const char *p = list; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == k && !memcmp(p, unit, k))
			return 1;
		if (!bar)
			break;
		p = bar + 1;
	}
	return 0;
}

/* ---- the extractor ---------------------------------------------------------- */


/* Words that may stand between a trigger and its number: 集中隔离各类人员5425人.
 * Strips one filler; returns pos unchanged when none ends there. */
static size_t skip_filler_back(const char *b, size_t ss, size_t pos)
{
	static const struct word fillers[] = {
		WORD("各类人员"), WORD("人员"), WORD("各类"), WORD("累计报告"), WORD("累计"), WORD("共计"),
		WORD("总计"),     WORD("共"),   WORD("已"),   WORD("达到"),     WORD("达"),   WORD("为"),
		WORD("有"),       WORD("报告"), WORD("本土"), WORD("新增"),     WORD("现有"), WORD("了"),
		WORD("的"),       WORD(" "),    WORD("超过"), WORD("约"),       WORD("近"),   WORD("逾"),
		WORD("不到"),     WORD("不足"), WORD("大约"), WORD("将近"),     WORD("接近"), WORD("总数"),
		WORD("人数"),     WORD("数量"),     WORD("超"),       WORD("等"),       WORD("合计"),
		WORD("增至"),     WORD("升至"),     WORD("突破"),     WORD("首次"),     WORD("已经"),
		WORD("达到了"),   WORD("都在"),     WORD("扩充到"),   WORD("增加到"),   WORD("扩大到"),
		WORD("扩充至"),   WORD("增加至"),   WORD("暴增至"),   WORD("降至"),     WORD("回落到"),
		WORD("回落至"),   WORD("下降到"),   WORD("下降至"),   WORD("上升到"),   WORD("上升至"),
		WORD("增长到"),   WORD("增长至"),   WORD("也"),       WORD("连续"),     WORD("数"),
		WORD("扩容至"),   WORD("扩容到")
	};
	size_t best = 0; /* the longest: 暴增至, not 增至 */
	for (size_t k = 0; k < sizeof fillers / sizeof *fillers; k++)
		if (fillers[k].len > best && ends_with_word(b, ss, pos, &fillers[k]))
			best = fillers[k].len;
	return pos - best;
}

/* 物资1912批次4714吨, 343批、10683件: a count of batches before the amount. */
static size_t skip_batches_back(const char *b, size_t ss, size_t pos)
{
	size_t p = pos;
	if (ends_with(b, ss, p, "、"))
		p -= 3;
	if (ends_with(b, ss, p, "批次"))
		p -= 6;
	else if (ends_with(b, ss, p, "批"))
		p -= 3;
	else
		return pos;
	size_t d = p;
	while (d > ss && b[d - 1] >= '0' && b[d - 1] <= '9')
		d--;
	return d < p ? d : pos;
}

/* The longest trigger ending exactly at pos. */
static const struct trigger *trigger_ending(const char *b, size_t ss, size_t pos)
{
	const struct trigger *best = NULL;
	if (pos < ss + 3)
		return NULL;
	uint32_t last = BYTES3(b, pos - 3);
	for (size_t k = 0; k < sizeof triggers / sizeof *triggers; k++) {
		const struct trigger *t = &triggers[k];
		/* the last character first: most triggers fail there */
		if (t->last == last && (t->sides & SIDE_L) && (!best || t->len > best->len) && pos >= ss + t->len &&
		    !memcmp(b + pos - t->len, t->text, t->len))
			best = t;
	}
	return best;
}

/* The longest trigger starting exactly at pos. */
static const struct trigger *trigger_starting(const char *b, size_t se, size_t pos, int far_only)
{
	const struct trigger *best = NULL;
	if (pos + 3 > se)
		return NULL;
	uint32_t first = BYTES3(b, pos);
	for (size_t k = 0; k < sizeof triggers / sizeof *triggers; k++) {
		const struct trigger *t = &triggers[k];
		/* the first character first: most triggers fail there */
		if (t->first != first || !(t->sides & SIDE_R) || (far_only && !(t->sides & SIDE_FAR)))
			continue;
		if ((!best || t->len > best->len) && se - pos >= t->len && !memcmp(b + pos, t->text, t->len))
			best = t;
	}
	return best;
}

/* What the rest of the clause says happened: 治愈出院, 转为确诊, 死亡. */
static int clause_modifier(const char *b, size_t from, size_t se)
{
	size_t i = from;
	while (i < se && !is_clause_mark(b, se, i)) {
		/* 100多名患者中已有十几名治愈出院: the verb is the later count's */
		if ((b[i] >= '0' && b[i] <= '9') ||
		    (i > from && i + 3 <= se && (unsigned char)b[i] >= 0xE0 && (unsigned char)b[i] < 0xF0 &&
		     cnum_starts_cp(utf8_cp3((const unsigned char *)b + i))))
			return -1;
		if (starts(b + i, se - i, "符合出院") || starts(b + i, se - i, "达到出院")) {
			i += 12; /* meeting the criteria is not being discharged */
			continue;
		}
		if (starts(b + i, se - i, "转为确诊") || starts(b + i, se - i, "转确诊"))
			return KIND_CONVERTED;
		if (starts(b + i, se - i, "出院"))
			return KIND_DISCHARGED;
		if (starts(b + i, se - i, "死亡") || starts(b + i, se - i, "病亡"))
			return KIND_DEATHS;
		i += char_len(b + i, se - i);
	}
	return -1;
}

/* Counts stay far below this, so scaling by 万 or 亿 cannot overflow. */
#define MAX_COUNT ((int64_t)1 << 62)

static void push(struct facts *out, const struct fact *f)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = *f;
}

struct found {
	int kind;
	size_t start, end; /* the words of the fact */
};

static int is_money_unit(const char *unit)
{
	return starts(unit, strlen(unit), "元") || !strcmp(unit, "万元") || !strcmp(unit, "亿元") ||
	       !strcmp(unit, "人民币") || !strcmp(unit, "块钱");
}

/* Units only goods are counted in. */
static int is_goods_unit(const char *unit)
{
	static const char *const goods[] = { "箱", "台", "套", "瓶", "件", "盒", "袋", "副", "双", "顶", "桶" };
	for (size_t k = 0; k < sizeof goods / sizeof *goods; k++)
		if (!strcmp(unit, goods[k]))
			return 1;
	return 0;
}

static int is_weight_unit(const char *unit)
{
	return !strcmp(unit, "吨") || !strcmp(unit, "斤") || !strcmp(unit, "公斤") || !strcmp(unit, "千克");
}

/* Verbs of giving or carrying goods: a weight after one is of goods given. */
static const struct word give_words[] = { WORD("捐赠"), WORD("捐献"), WORD("捐助"), WORD("捐出"), WORD("援助"),
					  WORD("支援"), WORD("驰援"), WORD("调拨"), WORD("调运"), WORD("运送"),
					  WORD("运往"), WORD("发往"), WORD("送往"), WORD("装载"), WORD("筹集"),
					  WORD("募集") };


/* Is one of give_words in b[from..to) used as a verb (捐赠, not 支援队)? */
static int gives_in(const char *b, size_t from, size_t to)
{
	static const struct word nouns_after[] = { WORD("队"), WORD("团"), WORD("组"), WORD("者") };
	for (size_t i = from; i < to; i += char_len(b + i, to - i))
		for (size_t k = 0; k < sizeof give_words / sizeof *give_words; k++)
			if (starts_word(b + i, to - i, &give_words[k])) {
				size_t e = i + give_words[k].len;
				if (!HOLDS(b, e, chars_on(b, to, e, 1), nouns_after))
					return 1;
			}
	return 0;
}

/* Verbs that say what the people a generic noun counts are, looked for earlier
 * in the noun's clause; the first listed that is there wins. */
static const struct {
	struct word w;
	int kind;
} patient_verbs[] = { { WORD("确诊"), KIND_CONFIRMED },
		      { WORD("新增"), KIND_CONFIRMED }, /* the scope makes it new */
		      { WORD("收治"), KIND_HOSPITALISED } };

/* The kind a verb earlier in the clause ending at `at` gives, else `kind`. */
static int verb_before(const char *b, size_t ss, size_t at, int kind)
{
	size_t cs = at;
	while (cs > ss) {
		size_t p = cs - 1;
		while (p > ss && ((unsigned char)b[p] & 0xC0) == 0x80)
			p--;
		if (is_clause_mark(b, at, p))
			break;
		cs = p;
	}
	for (size_t k = 0; k < sizeof patient_verbs / sizeof *patient_verbs; k++)
		if (holds_word(b, cs, at, &patient_verbs[k].w, 1))
			return patient_verbs[k].kind;
	return kind;
}

/* Decide what the number at [ns, ne) with unit ending at ue counts. */
static int classify(const char *b, size_t ss, size_t se, size_t ns, size_t ue, const char *unit,
		    struct found *fd)
{
	/* the nearest trigger, looking back over filler words one at a time */
	size_t lpos = ns;
	const struct trigger *lt;
	for (;;) {
		lt = trigger_ending(b, ss, lpos);
		size_t back = skip_filler_back(b, ss, lpos);
		if (back == lpos)
			back = skip_batches_back(b, ss, lpos);
		if (lt || back == lpos)
			break;
		lpos = back;
	}
	/* 培训采样医务人员和志愿者40161人: two kinds joined, no single count */
	if (lt && lt->kind != KIND_SUPPLIES &&
	    (ends_with(b, ss, lpos - strlen(lt->text), "和") || ends_with(b, ss, lpos - strlen(lt->text), "及")))
		lt = NULL;
	size_t r = ue;
	if (starts(b + r, se - r, "的"))
		r += 3;
	if (starts(b + r, se - r, "本土"))
		r += 6;
	if (starts(b + r, se - r, "“")) /* 3家“方舱医院” */
		r += 3;
	const struct trigger *rt = trigger_starting(b, se, r, 0);
	size_t rpos = r;
	if (!rt) { /* 153名发热门诊医护人员: a person noun a few words on; 100万只医用口罩:
		  * any noun within four */
		size_t i = r, chars = 0;
		while (i < se && chars < 10 && !is_clause_mark(b, se, i)) {
			if ((rt = trigger_starting(b, se, i, chars >= 4)) != NULL) {
				rpos = i;
				break;
			}
			i += char_len(b + i, se - i);
			chars++;
		}
	}
	/* 7000多名重症专业的医护人员, 50名重症护士: the person noun at the end is
	 * what is counted, the words before it say which */
	if (rt && rt->kind != KIND_MEDICAL_STAFF && rt->kind != KIND_VOLUNTEERS &&
	    (!strcmp(unit, "名") || !strcmp(unit, "人") || !strcmp(unit, "位"))) {
		size_t i = rpos + rt->len, chars = 0;
		while (i < se && chars < 8 && !is_clause_mark(b, se, i)) {
			const struct trigger *h = trigger_starting(b, se, i, 0);
			if (h && (h->kind == KIND_MEDICAL_STAFF || h->kind == KIND_VOLUNTEERS)) {
				rt = h;
				rpos = i;
				break;
			}
			i += char_len(b + i, se - i);
			chars++;
		}
	}
	int kind = -1;
	fd->start = ns;
	fd->end = ue;
	/* 物资的10辆卡车: a noun joined by 的 describes what the count is of */
	if (lt && lpos < ns && ends_with(b, ss, ns, "的") && ue < se && !is_clause_mark(b, se, ue) &&
	    (unsigned char)b[ue] >= 0xE3)
		lt = NULL;
	int lk = lt && unit_allowed(lt->kind, unit) ? lt->kind : -1;
	int rk = rt && unit_allowed(rt->kind, unit) ? rt->kind : -1;
	int l_adjacent = lt && lpos == ns;
	if (lk >= 0 && (l_adjacent || rk < 0)) {
		kind = lk;
		fd->start = lpos - strlen(lt->text);
	} else if (rk >= 0) {
		kind = rk;
		fd->end = rpos + strlen(rt->text);
	}
	if (is_money_unit(unit))
		kind = KIND_FUNDS;
	/* 向武汉捐赠10吨…, 捐赠两批共47台价值565万元的成像仪: a weight or a number of
	 * pieces of goods given, whatever the goods */
	if (kind < 0 && is_weight_unit(unit) && HOLDS(b, ss, ns, give_words))
		kind = KIND_SUPPLIES;
	if (kind < 0 && is_goods_unit(unit)) {
		size_t lim = chars_back(b, ss, ns, 12), cs = ns;
		while (cs > lim) { /* within 12 characters, in the count's own clause */
			size_t p = chars_back(b, ss, cs, 1);
			if (is_clause_mark(b, ns, p))
				break;
			cs = p;
		}
		if (gives_in(b, cs, ns))
			kind = KIND_SUPPLIES;
	}
	/* 共确诊新型冠状病毒感染的肺炎病例10例, 已收治近500名患者: the verb before
	 * the noun says what they are */
	if (kind == KIND_PATIENTS)
		kind = verb_before(b, ss, fd->start, KIND_PATIENTS);
	/* what happened to them, said after the count */
	int mod = clause_modifier(b, ue, se);
	if (mod >= 0 && (kind == KIND_CONFIRMED || kind == KIND_ASYMPTOMATIC || kind == KIND_PATIENTS ||
			 kind == KIND_SEVERE || kind == KIND_SUSPECTED)) {
		if (!(mod == KIND_CONVERTED && kind != KIND_PATIENTS && kind != KIND_CONFIRMED &&
		      kind != KIND_ASYMPTOMATIC))
			kind = mod;
	}
	/* 其中3例由无症状感染者转为确诊: the verb alone says what they are */
	if (kind < 0 && mod >= 0 && !strcmp(unit, "例"))
		kind = mod;
	if (kind == KIND_PATIENTS)
		kind = -1;
	fd->kind = kind;
	return kind;
}

static int match_unit(const char *b, size_t se, size_t i, const char **unit)
{
	/* every unit starts with a CJK character: compare those three bytes first */
	static const uint32_t first[] = {
#define FIRST(u) BYTES3(u, 0),
		UNITS(FIRST)
#undef FIRST
	};
	static const uint8_t ulen[] = {
#define LEN(u) sizeof(u) - 1,
		UNITS(LEN)
#undef LEN
	};
	if (i + 3 > se)
		return 0;
	uint32_t c = BYTES3(b, i);
	for (size_t k = 0; k < sizeof units / sizeof *units; k++)
		if (first[k] == c && se - i >= ulen[k] && !memcmp(b + i, units[k], ulen[k])) {
			/* 3个月, 24个小时, 名次: a unit that starts a longer non-count */
			for (size_t x = 0; x < sizeof not_counts / sizeof *not_counts; x++)
				if (not_counts[x].len > ulen[k] && starts_word(b + i, se - i, &not_counts[x]))
					return 0;
			*unit = units[k];
			return ulen[k];
		}
	return 0;
}


/* ---- figures that have a count's shape but are no measure ------------------ */

/* Money counts as epidemic funds only with a word of giving, raising or
 * allocating near it: prices, revenue and caps have none. */
static const struct word funds_words[] = {
	WORD("捐"),   WORD("款"),   WORD("资金"), WORD("拨"),   WORD("投入"), WORD("筹"),
	WORD("援"),   WORD("专项"), WORD("价值"), WORD("补助"), WORD("救助"), WORD("经费"),
	WORD("慰问"), WORD("奖励"), WORD("基金"), WORD("预算"), WORD("投资"), WORD("用于"),
	WORD("下达"), WORD("资助"), WORD("支出"), WORD("物资"), WORD("追加"), WORD("赠"),
	WORD("党费"), WORD("配套"), WORD("匹配")
};
/* Words that make money a cap or a rate, not a sum given. */
static const struct word funds_not_words[] = { WORD("最高"), WORD("每人"), WORD("每家"), WORD("每户"),
						WORD("每个"), WORD("收入"), WORD("贷款"), WORD("保额"),
						WORD("额度"), WORD("按照") };
/* Money after which these come is a loan, a payment or a fine. */
static const struct word funds_not_after[] = { WORD("贷款"), WORD("的贷款"), WORD("货款"), WORD("利息"),
					       WORD("保费"), WORD("罚款"), WORD("罚金"), WORD("营业额") };
/* Goods counted per person are a ration, not supplies given. */
static const struct word per_unit_words[] = { WORD("每个"), WORD("每人"), WORD("每名"), WORD("每户"),
					      WORD("每位"), WORD("每家"), WORD("每间"), WORD("每张") };
/* People counted at a ceremony are not staff sent or working. */
static const struct word ceremony_words[] = { WORD("入党"), WORD("宣誓"), WORD("预备党员"), WORD("党旗") };
/* Staff who are infected are cases (10名医护人员确诊). */
static const struct word infected_words[] = { WORD("确诊"), WORD("感染") };
/* Goods produced or producible are capacity, not supplies given or held. */
static const struct word production_words[] = { WORD("日产"), WORD("产量"), WORD("产能"), WORD("生产能力"),
						 WORD("月产"), WORD("年产"), WORD("生产线"), WORD("每天生产"),
						 WORD("日生产"), WORD("累计生产"), WORD("已生产"), WORD("共生产"),
						 WORD("生产了") };
/* ...and so are goods a firm is tasked to make (十余万套防护服紧急生产任务). */
static const struct word production_after[] = { WORD("生产任务"), WORD("的生产") };
/* Subjects too vague for a figure to be about (多省份新增病例为零). */
static const struct word vague_subjects[] = { WORD("多省"), WORD("多地"), WORD("部分"), WORD("一些"), WORD("多个"),
					      WORD("各地") };
/* Temperature checks are not tests for the virus. */
static const struct word temperature_words[] = { WORD("体温"), WORD("测温"), WORD("温度") };
/* Other diseases and events: their figures are not this epidemic's. */
static const struct word other_events[] = {
	WORD("流感"), WORD("猴痘"), WORD("登革热"), WORD("艾滋"), WORD("结核"), WORD("疟疾"),
	WORD("非典"), WORD("SARS"), WORD("甲流"), WORD("H1N1"), WORD("埃博拉"), WORD("鼠疫"),
	WORD("手足口"), WORD("诺如"), WORD("麻疹"), WORD("狂犬"), WORD("山火"), WORD("地震"),
	WORD("车祸"), WORD("火灾"), WORD("洪水"), WORD("台风"), WORD("交通事故")
};
static const struct word this_epidemic[] = { WORD("新冠"), WORD("新型冠状"), WORD("新型肺炎") };
static const struct word medical_words[] = { WORD("医"), WORD("护"), WORD("专家") };
/* Money in another currency keeps out of the yuan figures. */
static const struct word other_currencies[] = { WORD("港币"), WORD("美元"), WORD("日元"), WORD("欧元"),
						 WORD("英镑"), WORD("卢布"), WORD("澳元"), WORD("加元"), WORD("美金"),
						 WORD("韩元"), WORD("新台币") };
/* Staff who died are deaths (6位医务人员不幸逝世). */
static const struct word died_words[] = { WORD("逝世"), WORD("去世"), WORD("殉职"), WORD("牺牲"), WORD("死亡"),
					  WORD("病亡"), WORD("离世") };



/* Does the clause go on to say the people counted are infected? */
static int infected_after(const char *b, size_t se, size_t from)
{
	size_t ce = from;
	while (ce < se && !is_clause_mark(b, se, ce))
		ce += char_len(b + ce, se - ce);
	return HOLDS(b, from, chars_on(b, ce, from, 8), infected_words);
}

static int died_after(const char *b, size_t se, size_t from)
{
	size_t ce = from;
	while (ce < se && !is_clause_mark(b, se, ce))
		ce += char_len(b + ce, se - ce);
	return HOLDS(b, from, chars_on(b, ce, from, 8), died_words);
}

/* Whether a figure of this kind at [ns, ue) in the sentence [ss, se) is one. */
static int plausible(const char *b, size_t ss, size_t se, size_t ns, size_t ue, int kind)
{
	size_t cs = ns, ce = ue;
	while (cs > ss && !is_clause_mark(b, se, chars_back(b, ss, cs, 1)))
		cs = chars_back(b, ss, cs, 1);
	while (ce < se && !is_clause_mark(b, se, ce))
		ce += char_len(b + ce, se - ce);
	size_t ev = chars_back(b, ss, ns, 8);
	if (ev < cs)
		ev = cs;
	if (HOLDS(b, ev, ce, other_events) && !HOLDS(b, cs, ce, this_epidemic))
		return 0;
	/* people sent are medical when the sentence says so */
	if (kind == KIND_MEDICAL_STAFF && !HOLDS(b, ss, se, medical_words))
		return 0;
	size_t near = chars_back(b, ss, ns, 12), after = chars_on(b, se, ue, 6);
	if (kind == KIND_FUNDS) {
		if (HOLDS(b, ue, chars_on(b, se, ue, 2), other_currencies) ||
		    HOLDS(b, ue, chars_on(b, se, ue, 3), funds_not_after))
			return 0;
		if (HOLDS(b, chars_back(b, ss, ns, 6), ns, funds_not_words))
			return 0;
		return HOLDS(b, near, after, funds_words);
	}
	if (kind == KIND_SUPPLIES)
		return !HOLDS(b, chars_back(b, ss, ns, 15), ns, production_words) &&
		       !HOLDS(b, ue, chars_on(b, se, ue, 10), production_after) &&
		       !HOLDS(b, near, ns, per_unit_words);
	if ((kind == KIND_SAMPLING_SITES || kind == KIND_TESTS_DONE) && HOLDS(b, near, after, temperature_words))
		return 0; /* 两个体温检测点: temperature checks, not tests */
	if (kind == KIND_BEDS) /* 每间病房有3张床位: a room's beds */
		return !HOLDS(b, near, ns, per_unit_words);
	if (kind == KIND_MEDICAL_STAFF || kind == KIND_VOLUNTEERS)
		return !HOLDS(b, cs, ce, ceremony_words);
	return 1;
}

static size_t skip_spaces(const char *b, size_t se, size_t i)
{
	while (i < se && b[i] == ' ')
		i++;
	return i;
}

static void zero_facts(struct ctx *c, const char *b, size_t ss, size_t se, struct facts *out)
{
	static const struct {
		const char *w;
		int kind;
		enum fact_scope scope;
	} zeros[] = {
		{ "无新增死亡病例", KIND_DEATHS, SCOPE_NEW },
		{ "无死亡病例", KIND_DEATHS, SCOPE_NONE },
		{ "无新增死亡", KIND_DEATHS, SCOPE_NEW },
		{ "零死亡", KIND_DEATHS, SCOPE_NONE },
		{ "无人死亡", KIND_DEATHS, SCOPE_NONE },
		{ "无新增本土确诊病例", KIND_NEW_CONFIRMED, SCOPE_NEW },
		{ "无新增本土疑似病例", KIND_SUSPECTED, SCOPE_NEW },
		{ "无新增本土无症状感染者", KIND_ASYMPTOMATIC, SCOPE_NEW },
		{ "无新增确诊病例", KIND_NEW_CONFIRMED, SCOPE_NEW },
		{ "无新增疑似病例", KIND_SUSPECTED, SCOPE_NEW },
		{ "无新增无症状感染者", KIND_ASYMPTOMATIC, SCOPE_NEW },
	};
	struct scan sc;
	facts_scan_start(c, &sc, ss);
	size_t mk = c->m0;
	for (size_t i = ss; i < se;) {
		size_t adv = 0;
		mk = next_mark(c, mk, i, M_ZERO);
		if (mk == c->m1)
			break;
		i = c->mk->v[mk].at;
		for (size_t k = 0; k < sizeof zeros / sizeof *zeros; k++) {
			if (!starts(b + i, se - i, zeros[k].w))
				continue;
			struct fact f;
			memset(&f, 0, sizeof f);
			f.kind = zeros[k].kind;
			strcpy(f.unit, "例");
			f.scope = zeros[k].scope;
			facts_scan_to(c, b, &sc, i);
			f.start = (uint32_t)i;
			f.end = (uint32_t)(i + strlen(zeros[k].w));
			facts_figure_place(c, ss, se, &sc, &f);
			facts_figure_date(c, b, ss, se, f.start, f.end, &f);
			f.sent_start = (uint32_t)ss;
			f.sent_end = (uint32_t)se;
			push(out, &f);
			adv = strlen(zeros[k].w);
			break;
		}
		i += adv ? adv : char_len(b + i, se - i);
	}
}

/* Words that may open the next item of a list of figures. */
static const struct word list_words[] = { WORD("新增"), WORD("累计"), WORD("现有"), WORD("新发现"), WORD("其中"),
					  WORD("达到"), WORD("达"), WORD("共"), WORD("另有"), WORD("还有"),
					  WORD("本土"), WORD("境外输入"), WORD("当日"), WORD("当天"), WORD("男性"),
					  WORD("女性"), WORD("男"), WORD("女") };

/* Is the count at [qs, ue) the next item of a list whose last figure ended at
 * `last`: a comma, 、 or bracket, then only days, places and list words (and,
 * in a list of goods, a short name), and the count ends its clause? */
static int continues_list(struct ctx *c, const char *b, size_t se, size_t last, size_t qs, size_t ue,
			  int last_kind)
{
	size_t i = last;
	if (starts(b + i, se - i, "，") || starts(b + i, se - i, "、") || starts(b + i, se - i, "（"))
		i += 3;
	else if (i < se && (b[i] == ',' || b[i] == '('))
		i++;
	else
		return 0;
	int noun = 0;
	while (i < qs) {
		size_t k;
		int p, v;
		if (b[i] == ' ') {
			i++;
			continue;
		}
		if ((k = small_number(b, qs, i, &v)) &&
		    (starts(b + i + k, qs - i - k, "日") || starts(b + i + k, qs - i - k, "号") ||
		     starts(b + i + k, qs - i - k, "月"))) {
			i += k + 3;
			continue;
		}
		if ((k = gazetteer_match(c->gz, b + i, qs - i, &p))) {
			i += k;
			continue;
		}
		size_t w;
		for (w = 0; w < sizeof list_words / sizeof *list_words; w++)
			if (starts(b + i, qs - i, list_words[w].s))
				break;
		if (w < sizeof list_words / sizeof *list_words) {
			i += list_words[w].len;
			continue;
		}
		/* 医用防护服8320套、大米18360袋、烘干机280台 */
		if (last_kind == KIND_SUPPLIES && noun < 8 && !is_clause_mark(b, qs, i) && (unsigned char)b[i] >= 0xE3) {
			noun++;
			i += 3;
			continue;
		}
		return 0;
	}
	return i == qs && (ue >= se || is_clause_mark(b, se, ue) || starts(b + ue, se - ue, "）") ||
			   b[ue] == ')');
}

static void sentence(struct ctx *c, size_t ss, size_t se, struct facts *out)
{
	const char *b = c->a->body;
	size_t i = ss;
	struct scan sc;
	facts_scan_start(c, &sc, ss);
	int last_kind = -1;
	size_t last_end = 0;
	zero_facts(c, b, ss, se, out);
	size_t mk = c->m0;
	while (i < se) {
		mk = next_mark(c, mk, i, M_NUM);
		if (mk == c->m1)
			break;
		i = c->mk->v[mk].at;
		size_t ns = i;
		struct cnum cn;
		if (!cnum_parse(b + i, se - i, &cn)) {
			i += char_len(b + i, se - i);
			continue;
		}
		size_t ne = i + cn.len;
		i = ne;
		if (cn.overflow)
			continue;
		/* ordinals, and numbers glued to Latin letters (COVID-19, GOLD3) */
		if (ends_with(b, ss, ns, "第") ||
		    (ns > ss && ((b[ns - 1] >= 'A' && b[ns - 1] <= 'Z') || (b[ns - 1] >= 'a' && b[ns - 1] <= 'z') ||
				 b[ns - 1] == '-' || b[ns - 1] == '/' || b[ns - 1] == '.')))
			continue;
		int64_t value = cn.value, value_max = cn.value;
		size_t p = skip_spaces(b, se, ne);
		/* 3至5人, 3-5人 */
		if (starts(b + p, se - p, "至") || starts(b + p, se - p, "到") ||
		    (p < se && (b[p] == '-' || b[p] == '~')) || starts(b + p, se - p, "～")) {
			size_t q = p + (b[p] == '-' || b[p] == '~' ? 1 : 3);
			struct cnum hi;
			if (q < se && cnum_parse(b + q, se - q, &hi) && !hi.overflow && hi.value > value) {
				value_max = hi.value;
				p = skip_spaces(b, se, q + hi.len);
				i = p;
			}
		}
		/* 20 万元: a multiplier after a space */
		if (starts(b + p, se - p, "万") && !starts(b + p, se - p, "万众") && value_max < MAX_COUNT / 10000) {
			size_t q = p + 3;
			const char *u;
			if (match_unit(b, se, skip_spaces(b, se, q), &u) || starts(b + q, se - q, "余") ||
			    starts(b + q, se - q, "多")) {
				value *= 10000;
				value_max *= 10000;
				p = skip_spaces(b, se, q);
			}
		}
		enum fact_qualifier qual = QUAL_NONE;
		int wan_after = 0;
		/* 十几名, 40余名, 530多万件 */
		if (starts(b + p, se - p, "余") || starts(b + p, se - p, "多") || starts(b + p, se - p, "几")) {
			qual = QUAL_OVER;
			p += 3;
			if (starts(b + p, se - p, "万") && value_max < MAX_COUNT / 10000) {
				value *= 10000;
				value_max *= 10000;
				p += 3;
				wan_after = 1;
			}
		}
		const char *unit = NULL;
		int ul = match_unit(b, se, p, &unit);
		int bare = 0; /* 确诊病例超过65万。10多万医护人员: 万 with no unit */
		if (!ul && !cn.chinese && (wan_after || ends_with(b, ns, ne, "万") || ends_with(b, ns, ne, "亿"))) {
			if (starts(b + p, se - p, "余") || starts(b + p, se - p, "多")) {
				qual = QUAL_OVER;
				p += 3;
			}
			bare = 1;
			unit = "例";
		} else if (!ul && (starts(b + p, se - p, "万") || starts(b + p, se - p, "亿")) && !cn.chinese) {
			int64_t m = starts(b + p, se - p, "万") ? 10000 : 100000000;
			if (value_max < MAX_COUNT / m) {
				value *= m;
				value_max *= m;
				p += 3;
				if (starts(b + p, se - p, "余") || starts(b + p, se - p, "多")) {
					qual = QUAL_OVER;
					p += 3;
				}
				bare = 1;
				unit = "例";
			}
		}
		/* 新增确诊病例首次为0，: a zero needs no unit */
		if (!ul && !bare && cn.value == 0 && (p >= se || is_clause_mark(b, se, p)) &&
		    !HOLDS(b, chars_back(b, ss, ns, 12), ns, vague_subjects)) {
			bare = 1;
			unit = "例";
		}
		if (!ul && !bare)
			continue;
		size_t ue = p + (size_t)ul;
		i = ue;
		if ((!strcmp(unit, "万元") && value_max >= MAX_COUNT / 10000) ||
		    (!strcmp(unit, "亿元") && value_max >= MAX_COUNT / 100000000))
			continue; /* not a sum any article reports */
		if (!strcmp(unit, "万元")) {
			value *= 10000;
			value_max *= 10000;
			unit = "元";
		} else if (!strcmp(unit, "亿元")) {
			value *= 100000000;
			value_max *= 100000000;
			unit = "元";
		}
		if (starts(b + ue, se - ue, "左右")) {
			qual = QUAL_APPROX;
			ue += 6;
		} else if (starts(b + ue, se - ue, "以上") || starts(b + ue, se - ue, "多")) {
			qual = QUAL_OVER;
			ue += starts(b + ue, se - ue, "多") ? 3 : 6;
		}
		/* "一名", "一批": an article, not a count */
		if (cn.chinese && value == 1)
			continue;
		/* 这7位护士, 该2名患者: a reference back to people already counted */
		if (ends_with(b, ss, ns, "这") || ends_with(b, ss, ns, "那") || ends_with(b, ss, ns, "该") ||
		    ends_with(b, ss, ns, "这些") || ends_with(b, ss, ns, "上述"))
			continue;
		/* 两三名, 三五天, 几十盒, 数百人: "a few", not a count */
		if (cn.chinese && (chinese_digit_at(b, ss, ns, -1) || chinese_digit_at(b, se, ne, 1) ||
				   ends_with(b, ss, ns, "几") || ends_with(b, ss, ns, "数")))
			continue;
		size_t qs = ns;
		static const struct {
			struct word w;
			enum fact_qualifier q;
		} pre[] = { { WORD("将近"), QUAL_APPROX }, { WORD("接近"), QUAL_APPROX },
			    { WORD("大约"), QUAL_APPROX }, { WORD("近"), QUAL_APPROX },
			    { WORD("约"), QUAL_APPROX },   { WORD("超过"), QUAL_OVER },
			    { WORD("逾"), QUAL_OVER },     { WORD("超"), QUAL_OVER },
			    { WORD("不到"), QUAL_UNDER },  { WORD("不足"), QUAL_UNDER },
			    { WORD("少于"), QUAL_UNDER } };
		size_t back = ns;
		while (back > ss && b[back - 1] == ' ')
			back--;
		for (size_t k = 0; k < sizeof pre / sizeof *pre; k++)
			if (ends_with_word(b, ss, back, &pre[k].w)) {
				qual = pre[k].q;
				qs = back - pre[k].w.len;
				break;
			}
		struct found fd;
		int kind = classify(b, ss, se, ns, ue, unit, &fd);
		if (bare && kind < 0) {
			unit = "人";
			kind = classify(b, ss, se, ns, ue, unit, &fd);
		}
		if (kind == KIND_FUNDS && is_money_unit(unit))
			unit = "元"; /* 2亿人民币, 100块钱 */
		if (bare && (kind == KIND_FUNDS || kind == KIND_SUPPLIES))
			kind = -1; /* a sum or an amount of goods says what it counts */
		/* 7万多美元的医护用品, 美金10万元: money in another currency counts nothing */
		if (HOLDS(b, ue, chars_on(b, se, ue, 2), other_currencies) ||
		    HOLDS(b, chars_back(b, ss, qs, 2), qs, other_currencies) ||
		    (bare && HOLDS(b, p, chars_on(b, se, p, 2), other_currencies)))
			continue;
		if ((kind == KIND_MEDICAL_STAFF || kind == KIND_VOLUNTEERS) && died_after(b, se, fd.end))
			kind = KIND_DEATHS; /* 6位医务人员不幸逝世 */
		else if ((kind == KIND_MEDICAL_STAFF || kind == KIND_VOLUNTEERS) && infected_after(b, se, fd.end))
			kind = KIND_CONFIRMED; /* 2000名医务人员确诊感染 */
		if (kind < 0 && last_kind >= 0 && unit_allowed(last_kind, unit) &&
		    continues_list(c, b, se, last_end, qs, ue, last_kind)) {
			/* 口罩138箱，近20万只; 22日新增8例，23日新增6例; 0例（武汉0例） */
			kind = last_kind;
			fd.start = ns;
			fd.end = ue;
		}
		if (kind < 0 || !plausible(b, ss, se, ns, ue, kind))
			continue;
		struct fact f;
		memset(&f, 0, sizeof f);
		f.kind = (enum fact_kind)kind;
		f.value = value;
		f.value_max = value_max;
		size_t unit_len = strlen(unit); /* units are short: this never cuts one */
		if (unit_len >= sizeof f.unit)
			unit_len = sizeof f.unit - 1;
		memcpy(f.unit, unit, unit_len); /* f was zeroed: the unit ends there */
		f.qual = qual;
		facts_scan_to(c, b, &sc, qs < fd.start ? qs : fd.start);
		f.scope = sc.scope;
		if (f.kind == KIND_CONFIRMED && f.scope == SCOPE_NEW)
			f.kind = KIND_NEW_CONFIRMED;
		if (f.kind == KIND_NEW_CONFIRMED)
			f.scope = SCOPE_NEW;
		f.start = (uint32_t)(qs < fd.start ? qs : fd.start);
		f.end = (uint32_t)(ue > fd.end ? ue : fd.end);
		facts_figure_place(c, ss, se, &sc, &f);
		facts_figure_date(c, b, ss, se, f.start, f.end, &f);
		f.sent_start = (uint32_t)ss;
		f.sent_end = (uint32_t)se;
		push(out, &f);
		last_kind = kind;
		last_end = f.end;
		if (f.end > i)
			i = f.end;
	}
}

int article_home_city(const struct article *a, const struct gazetteer *gz)
{
	struct marks mk = { 0 };
	facts_first_pass(a, gz, &mk);
	int city = facts_home_city(a, gz, &mk);
	free(mk.v);
	return city;
}

struct home_at {
	int city;
	size_t at;
};

static int by_city_then_at(const void *x, const void *y)
{
	const struct home_at *a = x, *b = y;
	if (a->city != b->city)
		return a->city < b->city ? -1 : 1;
	return (a->at > b->at) - (a->at < b->at);
}

int facts_file_city(const struct article *arts, size_t n, const struct gazetteer *gz)
{
	/* the city most articles are about; on a tie, the one named first */
	struct home_at *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t nv = 0;
	for (size_t i = 0; i < n; i++) {
		int city = (arts[i].flags & ART_NEWSPAPER) ? article_home_city(&arts[i], gz) : -1;
		if (city >= 0)
			v[nv++] = (struct home_at){ city, i };
	}
	qsort(v, nv, sizeof *v, by_city_then_at);
	int best = -1;
	size_t best_n = 0, best_at = 0;
	for (size_t i = 0; i < nv;) {
		size_t e = i;
		while (e < nv && v[e].city == v[i].city)
			e++;
		if (e - i > best_n || (e - i == best_n && v[i].at < best_at)) {
			best_n = e - i;
			best_at = v[i].at;
			best = v[i].city;
		}
		i = e;
	}
	free(v);
	return best;
}

int facts_extract(const struct article *a, const struct gazetteer *gz, int file_city,
		  struct facts *out)
{
	return facts_extract_about(a, gz, file_city, out, NULL);
}

static int extract(const struct article *a, const struct gazetteer *gz, int file_city, struct facts *out,
		   int32_t *about);

int facts_extract_about(const struct article *a, const struct gazetteer *gz, int file_city, struct facts *out,
			int32_t *about)
{
	if (!(a->flags & ART_TRADITIONAL))
		return extract(a, gz, file_city, out, about);
	/* 床位100張, 確診: read in Simplified; the offsets are the same bytes */
	struct article s = *a;
	char *body = fold_t2s_copy(a->body, a->body_len), *title = fold_t2s_copy(a->title, strlen(a->title));
	s.body = body;
	s.title = title;
	int home = extract(&s, gz, file_city, out, about);
	free(body);
	free(title);
	return home;
}

static int extract(const struct article *a, const struct gazetteer *gz, int file_city, struct facts *out,
		   int32_t *about)
{
	struct marks mk = { 0 };
	facts_first_pass(a, gz, &mk);
	struct ctx c = { 0 };
	c.a = a;
	c.gz = gz;
	c.file_city = file_city;
	c.named = facts_home_city(a, gz, &mk);
	c.home = c.province = c.fallback = -1;
	c.mk = &mk;
	c.para_place = c.art_dest = -1;
	size_t first = out->n;
	/* sentences between the end marks; only those with a number or 无/零 can
	 * state a figure */
	size_t ss = 0, m0 = 0;
	unsigned any = 0;
	for (size_t k = 0; k <= mk.n; k++) {
		if (k < mk.n && !(mk.v[k].what & M_END)) {
			any |= mk.v[k].what;
			continue;
		}
		size_t e = k < mk.n ? mk.v[k].at : a->body_len;
		c.m0 = m0;
		c.m1 = k;
		c.ndests = 0;
		c.dests_known = 0;
		if (e > ss && (any & (M_NUM | M_ZERO)))
			sentence(&c, ss, e, out);
		if (e > ss && (any & (M_NUM | M_REL | M_PLACE | M_DEST)))
			facts_remember(&c, ss, e, any);
		if (k == mk.n)
			break;
		if (a->body[e] == '\n') { /* a new paragraph: its subject and date are its own */
			c.para_place = -1;
			c.para_have = 0;
		}
		ss = e + ((unsigned char)a->body[e] < 0x80 ? 1 : 3);
		m0 = k + 1;
		any = 0;
	}
	if (about)
		facts_about(a, gz, &mk, about);
	free(mk.v);
	if (out->n > first) /* out->v is NULL before the first fact */
		facts_check(a->body, out->v + first, out->n - first);
	return c.named;
}

const char *facts_tables_disagree(void)
{
	const char *t = facts_marks_tables_disagree();
	return t ? t : facts_where_tables_disagree();
}
