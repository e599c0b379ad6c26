#include "facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnum.h"
#include "utf8.h"
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

const char *fact_date_format(const struct fact *f, char *buf)
{
	if (!f->date.m || !f->date.d)
		return NULL;
	if (f->date.y)
		return ymd_format(f->date, buf);
	buf[0] = buf[1] = '-';
	buf[2] = (char)('0' + f->date.m / 10);
	buf[3] = (char)('0' + f->date.m % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + f->date.d / 10);
	buf[6] = (char)('0' + f->date.d % 10);
	buf[7] = '\0';
	return buf;
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
/* The three bytes at s + at as one number: a CJK character to compare at once. */
#define BYTES3(s, at)                                                                                  \
	(((uint32_t)(unsigned char)(s)[at] << 16) | ((uint32_t)(unsigned char)(s)[(at) + 1] << 8) |  \
	 (uint32_t)(unsigned char)(s)[(at) + 2])
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

/* Does s[0..n) start with w? The first byte is compared before the rest. */
static inline int starts(const char *s, size_t n, const char *w)
{
	if (!n || s[0] != w[0])
		return w[0] == '\0';
	size_t k = strlen(w);
	return n >= k && !memcmp(s, w, k);
}

/* A word with its length, for tables searched at every figure. */
struct word {
	const char *s;
	size_t len;
};
#define WORD(s) { s, sizeof(s) - 1 }

/* Does s[0..n) start with w? */
static inline int starts_word(const char *s, size_t n, const struct word *w)
{
	return n >= w->len && s[0] == w->s[0] && (w->len < 2 || s[1] == w->s[1]) && !memcmp(s, w->s, w->len);
}

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

/* Does b[start..pos) end with w (last byte compared first)? */
static inline int ends_with_word(const char *b, size_t start, size_t pos, const struct word *w)
{
	return pos >= start + w->len && b[pos - 1] == w->s[w->len - 1] && !memcmp(b + pos - w->len, w->s, w->len);
}

static int ends_with(const char *b, size_t start, size_t pos, const char *w)
{
	struct word ww = { w, strlen(w) };
	return ww.len ? ends_with_word(b, start, pos, &ww) : pos >= start;
}

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

/* ---- the first pass ---------------------------------------------------------- */

/* What one pass over an article's body notes at the start of a character, so that
 * the extractor visits only the characters that can start something. */
enum {
	M_END = 1,    /* a sentence ends: 。！？； ! ? ; or a newline */
	M_NUM = 2,    /* a number may start (cnum_starts) */
	M_ZERO = 4,   /* 无 or 零: a zero in words may start */
	M_REL = 8,    /* 今, 昨 or 当: a relative date may start */
	M_SCOPE = 16, /* a scope word, 我市 or 全省 may start */
	M_PLACE = 32, /* a place name starts: len and place are its longest match */
	M_PAREN = 64, /* a bracket opens or closes: a place inside one stays there */
	M_BODY = 128, /* a place that starts a body's name (湖南医疗队): a last resort */
	M_DEST = 256, /* a word that is a destination itself (援鄂): place is where */
	/* only during the first pass: what may start here, to be looked up */
	M_TRY_SCOPE = 1 << 12, /* a phrase of scope_places (31个省, 中国以外) */
	M_TRY_DEST = 1 << 13,  /* a word of dest_short (援鄂) */
	M_STORED = 0x1FF,      /* the bits a mark keeps */
};

struct mark {
	uint32_t at;
	int32_t place;
	uint16_t len;
	uint16_t what;
};

struct marks {
	struct mark *v;
	size_t n, cap;
};

static unsigned marks_of_cp(uint32_t cp)
{
	switch (cp) {
	case 0x3002: /* 。 */
	case 0xFF01: /* ！ */
	case 0xFF1F: /* ？ */
	case 0xFF1B: /* ； */
		return M_END;
	case 0xFF08: /* （ */
	case 0xFF09: /* ） */
		return M_PAREN;
	case 0x96F6: /* 零 */
		return M_NUM | M_ZERO;
	case 0x65E0: /* 无 */
		return M_ZERO;
	case 0x4ECA: /* 今 */
	case 0x6628: /* 昨 */
	case 0x5F53: /* 当 */
		return M_REL;
	case 0x7D2F: /* 累 */
	case 0x5171: /* 共 */
	case 0x603B: /* 总 */
	case 0x4EE5: /* 以 */
	case 0x65B0: /* 新 */
	case 0x73B0: /* 现 */
	case 0x76EE: /* 目 */
	case 0x5C1A: /* 尚 */
	case 0x6B63: /* 正 */
	case 0x5728: /* 在 */
	case 0x6211: /* 我 */
	case 0x8BE5: /* 该 */
	case 0x672C: /* 本 */
		return M_SCOPE;
	case 0x5168: /* 全 */
		return M_SCOPE | M_TRY_SCOPE;
	case 0x4E2D: /* 中 */
	case 0x9664: /* 除 */
	case 0x56FD: /* 国 */
		return M_TRY_SCOPE;
	case 0x63F4: /* 援 */
	case 0x8D74: /* 赴 */
	case 0x62B5: /* 抵 */
	case 0x6765: /* 来 */
		return M_TRY_DEST;
	}
	return cnum_starts_cp(cp) ? M_NUM : 0;
}

/* Bodies are valid UTF-8 (the sanitizer saw to it): the lead byte gives the length. */
static size_t char_len(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	size_t k = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	return k <= n ? k : n;
}

/* Is the character just before (dir -1) or at (dir 1) byte i a Chinese digit? */
static int chinese_digit_at(const char *b, size_t lim, size_t i, int dir)
{
	if (dir < 0 ? i < lim + 3 : i + 3 > lim)
		return 0;
	const unsigned char *u = (const unsigned char *)b + (dir < 0 ? i - 3 : i);
	return u[0] >= 0xE0 && u[0] < 0xF0 && cnum_chinese_digit(utf8_cp3(u)) >= 0;
}

/* Does b[from..to) hold one of the words? */
static inline unsigned lead_bit(const char *s, size_t n)
{
	uint32_t v = (unsigned char)s[0];
	if (v >= 0x80 && n >= 3)
		v = BYTES3(s, 0);
	return (v * 0x9E3779B1u) >> 26;
}

static int holds_word(const char *b, size_t from, size_t to, const struct word *w, size_t nw)
{
	if (to <= from)
		return 0;
	/* a 64-bit filter of the words' first characters: most characters of the
	 * text start none, and cost one test */
	uint64_t mask = 0;
	for (size_t k = 0; k < nw; k++)
		mask |= 1ull << lead_bit(w[k].s, w[k].len);
	for (size_t i = from; i < to;) {
		size_t cl = char_len(b + i, to - i);
		if ((mask >> lead_bit(b + i, to - i)) & 1)
			for (size_t k = 0; k < nw; k++)
				if (starts_word(b + i, to - i, &w[k]))
					return 1;
		i += cl;
	}
	return 0;
}
#define HOLDS(b, from, to, table) holds_word(b, from, to, table, sizeof table / sizeof *table)

/* The byte n characters before i, not before lo. */
static size_t chars_back(const char *b, size_t lo, size_t i, int n)
{
	while (n-- > 0 && i > lo) {
		i--;
		while (i > lo && ((unsigned char)b[i] & 0xC0) == 0x80)
			i--;
	}
	return i;
}

static size_t chars_on(const char *b, size_t hi, size_t i, int n)
{
	while (n-- > 0 && i < hi)
		i += char_len(b + i, hi - i);
	return i;
}

/* A place name that begins the name of a body, a station or a street is where
 * that body is, not what a sentence is about: 湖南医疗队, 上海南站, 湖北日报. */
static const struct word body_suffixes[] = {
	WORD("有限公司"), WORD("公司"), WORD("集团"), WORD("日报"), WORD("晚报"), WORD("电视台"), WORD("银行"),
	WORD("分行"), WORD("支行"), WORD("商会"), WORD("协会"), WORD("工作组"), WORD("医疗队"), WORD("救援队"),
	WORD("南站"), WORD("北站"), WORD("东站"), WORD("西站"), WORD("火车站"), WORD("机场"), WORD("仓库"),
	WORD("海关"), WORD("报社"), WORD("卫视"), WORD("研究院"), WORD("研究所"), WORD("路"), WORD("大道"),
	WORD("大街"), WORD("时间"), WORD("小组")
};
/* Words that hold a place name but name no place: 北京时间, 中山大学, 电视总台中国之声. */
static const struct word no_place_words[] = { WORD("北京时间"), WORD("美东时间"), WORD("东京时间"),
					      WORD("中山大学"), WORD("中山医院"), WORD("中山公园"), WORD("总台中"),
					      WORD("长江"), WORD("城区"), WORD("郊区"), WORD("矿区"),
					      WORD("新疆生产建设兵团"), WORD("东区"), WORD("西区"), WORD("中区"),
					      WORD("南区"), WORD("北区") };

/* Phrases that name a scope above a province: a national bulletin's opening,
 * the world outside China. */
static const struct {
	struct word w;
	const char *place;
} scope_places[] = { { WORD("31个省"), "全国" },     { WORD("中国以外"), "全球" }, { WORD("中国境外"), "全球" },
		     { WORD("除中国外"), "全球" }, { WORD("全世界"), "全球" },   { WORD("国内外"), "全球" },
		     { WORD("国内"), "全国" } };


/* Short forms that are destinations themselves: 援鄂, 赴汉. */
static const struct {
	struct word w;
	const char *place;
} dest_short[] = { { WORD("援鄂"), "湖北省" }, { WORD("赴鄂"), "湖北省" }, { WORD("援汉"), "武汉市" },
		   { WORD("赴汉"), "武汉市" }, { WORD("抵汉"), "武汉市" }, { WORD("来汉"), "武汉市" } };


/* Does the name [i, i+k) sit inside one of no_place_words? */
/* Words after a place that make it the epidemic's, not where a figure is:
 * 武汉疫情发生后，全市…确定了15所定点医院 is about the article's city. */
static const struct word cause_after[] = { WORD("疫情发生"), WORD("疫情暴发"), WORD("疫情爆发"), WORD("疫情蔓延") };

static int names_no_place(const char *b, size_t n, size_t i, size_t k)
{
	for (size_t w = 0; w < sizeof cause_after / sizeof *cause_after; w++)
		if (starts_word(b + i + k, n - i - k, &cause_after[w]))
			return 1;
	for (size_t w = 0; w < sizeof no_place_words / sizeof *no_place_words; w++) {
		const struct word *x = &no_place_words[w];
		/* the word may start up to 6 bytes before the name */
		for (size_t back = 0; back <= 6 && back <= i; back += 3)
			if (i - back + x->len <= n && x->len >= k + back &&
			    !memcmp(b + i - back, x->s, x->len))
				return 1;
	}
	return 0;
}

/* Is the name that ends at `end` the start of a body's name: a suffix of
 * body_suffixes within 10 characters, before any punctuation, other place name
 * or word of destination? */
/* Can a destination word start with this character (its three bytes)? The
 * first characters of dest_words, as a switch: in_a_name asks at every
 * character after a place name. Keep it in step with dest_words. */
static int dest_may_start(uint32_t ch)
{
	switch (ch) {
	case 0xE68D90: /* 捐 */ case 0xE8BDAC: /* 转 */ case 0xE58886: /* 分 */ case 0xE694AF: /* 支 */
	case 0xE9A9B0: /* 驰 */ case 0xE68FB4: /* 援 */ case 0xE5898D: /* 前 */ case 0xE5A594: /* 奔 */
	case 0xE8B5B6: /* 赶 */ case 0xE9A39E: /* 飞 */ case 0xE58F91: /* 发 */ case 0xE8BF90: /* 运 */
	case 0xE98081: /* 送 */ case 0xE68AB5: /* 抵 */ case 0xE588B0: /* 到 */ case 0xE8BF9B: /* 进 */
	case 0xE8B5B4: /* 赴 */ case 0xE59091: /* 向 */ case 0xE7BB99: /* 给 */ case 0xE887B3: /* 至 */
	case 0xE58EBB: /* 去 */ case 0xE5A29E: /* 增 */ case 0xE69DA5: /* 来 */ case 0xE794A8: /* 用 */
	case 0xE9A9B6: /* 驶 */ case 0xE5BC80: /* 开 */ case 0xE587BA: /* 出 */
		return 1;
	}
	return 0;
}

static int in_a_name(const struct gazetteer *gz, const char *b, size_t n, size_t end)
{
	size_t i = end;
	for (int chars = 0; chars < 10 && i < n; chars++) {
		unsigned char c = (unsigned char)b[i];
		if (c < 0x80 ? !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') : c < 0xE3)
			return 0;
		if (c >= 0x80) {
			if (i + 3 > n)
				return 0;
			uint32_t ch = BYTES3(b, i);
			if (ch == 0xEFBC8C || ch == 0xE38081 || ch == 0xE38082 || ch == 0xEFBC9A || ch == 0xE2809C ||
			    ch == 0xE2809D || ch == 0xEFBC88 || ch == 0xEFBC89)
				return 0; /* ，、。：“”（） */
			for (size_t w = 0; w < sizeof body_suffixes / sizeof *body_suffixes; w++)
				if (starts_word(b + i, n - i, &body_suffixes[w]))
					return 1;
			if (chars && (dest_may_start(ch) || gazetteer_may_start(gz, b + i, n - i))) {
				int p;
				if (dest_may_start(ch) || gazetteer_match(gz, b + i, n - i, &p))
					return 0;
			}
			i += 3;
		} else {
			i++;
		}
	}
	return 0;
}

static void first_pass(const struct article *a, const struct gazetteer *gz, struct marks *mk)
{
	const char *b = a->body;
	size_t n = a->body_len, name_end = 0;
	mk->n = 0;
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)b[i];
		unsigned what = 0;
		size_t cl = 1;
		if (ch < 0x80) {
			if (ch == '\n' || ch == '!' || ch == '?' || ch == ';')
				what = M_END;
			else if (ch == '(' || ch == ')')
				what = M_PAREN;
			else if (ch >= '0' && ch <= '9')
				what = M_NUM;
		} else {
			cl = char_len(b + i, n - i);
			if (cl == 3 && ch >= 0xE3)
				what = marks_of_cp(utf8_cp3((const unsigned char *)b + i));
		}
		struct mark m = { (uint32_t)i, -1, 0, (uint16_t)(what & M_STORED) };
		if ((ch == '3' || (what & M_TRY_SCOPE)) && n - i >= 6)
			for (size_t w = 0; w < sizeof scope_places / sizeof *scope_places; w++)
				if (starts_word(b + i, n - i, &scope_places[w].w) &&
				    (m.place = gazetteer_find(gz, scope_places[w].place)) >= 0) {
					m.what |= M_PLACE;
					m.len = (uint16_t)scope_places[w].w.len;
					break;
				}
		if ((what & M_TRY_DEST) && n - i >= 6)
			for (size_t w = 0; w < sizeof dest_short / sizeof *dest_short; w++)
				if (starts_word(b + i, n - i, &dest_short[w].w) &&
				    (m.place = gazetteer_find(gz, dest_short[w].place)) >= 0) {
					m.what |= M_DEST;
					m.len = (uint16_t)dest_short[w].w.len;
					break;
				}
		/* names do not overlap: 上海南站 is 上海, not 海南 */
		if (!(what & M_END) && !(m.what & M_PLACE) && i >= name_end && gazetteer_may_start(gz, b + i, n - i)) {
			int p;
			size_t k = gazetteer_match(gz, b + i, n - i, &p);
			int body = 0;
			if (k && names_no_place(b, n, i, k))
				k = 0;
			else if (k && (in_a_name(gz, b, n, i + k) || (i >= 6 && !memcmp(b + i - 6, "来自", 6))))
				body = 1; /* a body's name, or where people come from (来自北京) */
			if (k)
				name_end = i + k;
			if (k && k <= UINT16_MAX && body) {
				m.what |= M_BODY;
				m.len = (uint16_t)k;
				m.place = p;
			} else if (k && k <= UINT16_MAX) {
				m.what |= M_PLACE;
				m.len = (uint16_t)k;
				m.place = p;
			}
		}
		if (m.what) {
			mk->v = xgrow(mk->v, &mk->cap, mk->n + 1, sizeof *mk->v);
			mk->v[mk->n++] = m;
		}
		i += cl;
	}
}

/* The city an article names most, first named on a tie: a left-to-right walk that
 * skips the rest of each name it counts. */
static int most_named_city(const struct gazetteer *gz, const struct mark *m, size_t nm)
{
	int best = -1, best_count = 0;
	int seen[64], count[64], ns = 0;
	size_t next = 0;
	for (size_t k = 0; k < nm; k++) {
		if (!(m[k].what & M_PLACE) || m[k].at < next)
			continue;
		next = m[k].at + m[k].len;
		int city = gazetteer_city(gz, m[k].place);
		if (city < 0)
			continue;
		int s;
		for (s = 0; s < ns && seen[s] != city; s++)
			;
		if (s == ns) {
			if (ns == 64)
				continue;
			seen[ns] = city;
			count[ns++] = 0;
		}
		if (++count[s] > best_count) {
			best_count = count[s];
			best = city;
		}
	}
	return best;
}

static int home_city(const struct article *a, const struct gazetteer *gz, const struct marks *mk)
{
	if (a->place) {
		int p = gazetteer_find(gz, a->place);
		int city = p >= 0 ? gazetteer_city(gz, p) : -1;
		if (city >= 0)
			return city;
	}
	return most_named_city(gz, mk->v, mk->n);
}

/* ---- sentence context: scope, place, date ----------------------------------- */

struct when {
	int y, m, d, hour;
	int rel; /* day offset from the article date (今天 0, 昨日 -1), REL_CONTEXT, or 99 */
};
/* 当天 with no date before it in its sentence: the day the paragraph is about */
#define REL_CONTEXT 100

/* Where a figure's place may come from when its sentence names none. */
struct dest {
	size_t at;
	int place;
};

struct ctx {
	const struct article *a;
	const struct gazetteer *gz;
	int file_city;
	int named;    /* the city the article is about (home_city), or -1 */
	int resolved; /* home, province and fallback below are known */
	int home;     /* city, or -1 */
	int province; /* province, or -1 */
	int fallback; /* place when a sentence names none */
	const struct marks *mk;
	size_t m0, m1; /* the current sentence's marks */
	/* what earlier sentences said, for a figure whose own sentence does not */
	int para_place;           /* the paragraph's subject so far, or -1 */
	int para_have, art_have;  /* a date was stated earlier in the paragraph, article */
	struct when para_when, art_when;
	int art_dest;             /* where the article's aid goes, or -1 */
	int art_dest_known;
	struct dest dests[8];     /* the current sentence's destinations */
	size_t ndests;
	int dests_known;
};

/* The first mark from k on at or after byte `at` with one of the bits in `what`,
 * or m1. */
static size_t next_mark(const struct ctx *c, size_t k, size_t at, unsigned what)
{
	const struct mark *m = c->mk->v;
	while (k < c->m1 && (m[k].at < at || !(m[k].what & what)))
		k++;
	return k;
}

/* The city 我市 means (the file's for a newspaper article that names none), its
 * province, and the place of a figure that names none: worked out the first
 * time a figure needs them. */
static void resolve_home(struct ctx *c)
{
	if (c->resolved)
		return;
	c->resolved = 1;
	const struct article *a = c->a;
	const struct gazetteer *gz = c->gz;
	c->home = c->named;
	if (c->home < 0 && (a->flags & ART_NEWSPAPER))
		c->home = c->file_city;
	int dl = a->place ? gazetteer_find(gz, a->place) : -1;
	c->province = gazetteer_province(gz, c->home >= 0 ? c->home : dl);
	/* A figure with no place of its own is about the article's city, unless the
	 * dateline names somewhere else. */
	c->fallback = c->home;
	if (dl >= 0 && (c->home < 0 || gazetteer_province(gz, dl) != gazetteer_province(gz, c->home)))
		c->fallback = dl;
}

static int fallback_place(struct ctx *c)
{
	resolve_home(c);
	return c->fallback;
}

/* Where a left-to-right scan of one sentence has got to: the last place and scope
 * seen so far, so that each figure only scans the text since the previous one. */
struct scan {
	size_t ss, pos;
	size_t mi; /* no mark before it is at or after pos */
	int place;
	int outer; /* the place before an open bracket, or -2 outside one */
	enum fact_scope scope;
};

static void scan_start(const struct ctx *c, struct scan *sc, size_t ss)
{
	sc->ss = sc->pos = ss;
	sc->mi = c->m0;
	sc->place = -1;
	sc->outer = -2;
	sc->scope = SCOPE_NONE;
}

static enum fact_scope scope_at(const char *b, size_t i, size_t pos, size_t *len)
{
	static const struct {
		const char *w;
		enum fact_scope s;
	} words[] = { { "累计", SCOPE_CUMULATIVE }, { "累积", SCOPE_CUMULATIVE },
		      { "共报告", SCOPE_CUMULATIVE }, { "共计", SCOPE_CUMULATIVE },
		      { "总计", SCOPE_CUMULATIVE }, { "以来", SCOPE_CUMULATIVE },
		      { "新增", SCOPE_NEW }, { "新发现", SCOPE_NEW }, { "新报告", SCOPE_NEW },
		      { "现有", SCOPE_CURRENT }, { "目前", SCOPE_CURRENT }, { "尚有", SCOPE_CURRENT },
		      { "正在", SCOPE_CURRENT }, { "在院", SCOPE_CURRENT }, { "现存", SCOPE_CURRENT } };
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (starts(b + i, pos - i, words[k].w)) {
			*len = strlen(words[k].w);
			return words[k].s;
		}
	return SCOPE_NONE;
}

/* Words that name a place by pointing at it: 全市 is the city the paragraph is
 * about (else the article's), 我市 always the article's; 全区 is a province
 * that is an autonomous region (内蒙古: 全区新冠肺炎累计确诊…) or the district
 * the paragraph is about; 该国 the paragraph's subject. */
enum here_what { HERE_CITY, HERE_PROVINCE, HERE_REGION, HERE_SUBJECT };
static const struct {
	struct word w;
	enum here_what what;
	int own; /* the article's own, whatever the paragraph is about */
} here_words[] = {
	{ WORD("我市"), HERE_CITY, 1 },     { WORD("全市"), HERE_CITY, 0 },     { WORD("本市"), HERE_CITY, 0 },
	{ WORD("我省"), HERE_PROVINCE, 1 }, { WORD("全省"), HERE_PROVINCE, 0 }, { WORD("本省"), HERE_PROVINCE, 0 },
	{ WORD("我区"), HERE_REGION, 1 },   { WORD("全区"), HERE_REGION, 0 },   { WORD("本区"), HERE_REGION, 0 },
	{ WORD("该国"), HERE_SUBJECT, 0 },  { WORD("该市"), HERE_SUBJECT, 0 },  { WORD("该省"), HERE_SUBJECT, 0 },
};

static int is_region(const struct gazetteer *gz, int p)
{
	const char *full = p >= 0 ? gz->v[p].full_name : NULL;
	size_t n = full ? strlen(full) : 0;
	return n > 9 && !strcmp(full + n - 9, "自治区");
}

/* The place a word of here_words at s names (-1 when it cannot be told), given
 * the paragraph's subject so far; *len is the word's length, 0 when none starts
 * at s. */
static int here_place(struct ctx *c, const char *s, size_t n, int subject, size_t *len)
{
	size_t k;
	for (k = 0; k < sizeof here_words / sizeof *here_words; k++)
		if (starts_word(s, n, &here_words[k].w))
			break;
	*len = 0;
	if (k == sizeof here_words / sizeof *here_words)
		return -1;
	*len = here_words[k].w.len;
	const struct gazetteer *gz = c->gz;
	if (here_words[k].what == HERE_SUBJECT)
		return c->para_place;
	resolve_home(c);
	int own = here_words[k].own || subject < 0;
	switch (here_words[k].what) {
	case HERE_CITY: {
		int city = own ? -1 : gazetteer_city(gz, subject);
		return city >= 0 ? city : c->home;
	}
	case HERE_PROVINCE: {
		int prov = own ? -1 : gazetteer_province(gz, subject);
		return prov >= 0 ? prov : c->province;
	}
	case HERE_REGION: {
		if (!own && gz->v[subject].level == PLACE_COUNTY)
			return subject;
		int prov = own ? c->province : gazetteer_province(gz, subject);
		return is_region(gz, prov) ? prov : is_region(gz, c->province) ? c->province : -1;
	}
	case HERE_SUBJECT:
		break;
	}
	return -1;
}

/* Advance the scan to pos: the last place (a gazetteer name, or 我市/全市 for the
 * home city, 全省 for its province) and the last scope word before pos. */
static void scan_to(struct ctx *c, const char *b, struct scan *sc, size_t pos)
{
	if (pos < sc->pos) { /* a trigger reached back past the last figure: rescan */
		size_t ss = sc->ss;
		scan_start(c, sc, ss);
	}
	size_t i = sc->pos, k = sc->mi;
	for (;;) {
		k = next_mark(c, k, i, M_PLACE | M_SCOPE | M_PAREN);
		if (k == c->m1 || c->mk->v[k].at >= pos)
			break;
		const struct mark *m = &c->mk->v[k];
		i = m->at;
		unsigned char ch = (unsigned char)b[i];
		if ((m->what & M_PLACE) && ch < 0x80 && m->at + m->len <= pos) { /* 31个省 */
			sc->place = m->place;
			i += m->len;
			continue;
		}
		if (m->what & M_PAREN) { /* 湖北新增0例（武汉0例），新增疑似…: 湖北 again */
			int open = ch == '(' || starts(b + i, pos - i, "（");
			if (open && sc->outer == -2)
				sc->outer = sc->place;
			else if (!open && sc->outer != -2) {
				sc->place = sc->outer;
				sc->outer = -2;
			}
			i += ch < 0x80 ? 1 : 3;
			continue;
		}
		if (ch < 0xE3 || ch > 0xEF) { /* places and scope words are CJK */
			i++;
			continue;
		}
		int p = -1;
		size_t len = 0;
		if (m->what & M_PLACE) { /* the longest name, unless it runs past pos */
			if (m->at + m->len <= pos) {
				len = m->len;
				p = m->place;
			} else {
				len = gazetteer_match(c->gz, b + i, pos - i, &p);
			}
		}
		if (len) {
			sc->place = p;
			i += len;
			continue;
		}
		if (!(m->what & M_SCOPE)) {
			i += 3;
			continue;
		}
		enum fact_scope scope = scope_at(b, i, pos, &len);
		if (scope != SCOPE_NONE) {
			sc->scope = scope;
			i += len;
			continue;
		}
		size_t hl;
		int here = here_place(c, b + i, pos - i, sc->place >= 0 ? sc->place : c->para_place, &hl);
		if (hl) {
			if (here >= 0)
				sc->place = here;
			i += hl;
			continue;
		}
		i += 3;
	}
	sc->pos = pos;
	sc->mi = k;
}

/* Read 1-2 digits at b[i]; returns bytes used. */
static size_t small_number(const char *b, size_t n, size_t i, int *v)
{
	struct cnum cn;
	if (i >= n || !cnum_parse(b + i, n - i > 12 ? 12 : n - i, &cn) || cn.value > 2100)
		return 0;
	*v = (int)cn.value;
	return cn.len;
}


/* The last date expression in b[ss..pos): 截至4日24时, 1月12日0至12时, 今天, 昨日. */
/* A day with no month is a date when what follows says so: 5日，美国报告…,
 * 22日新增8例, 英国5日公布, 世卫组织18日的最新数据. */
static const struct word day_followers[] = { WORD("，"), WORD(","), WORD("新增"), WORD("报告"), WORD("公布"),
					     WORD("通报"), WORD("发布"), WORD("宣布"), WORD("上午"), WORD("下午"),
					     WORD("晚"), WORD("凌晨"), WORD("中午"), WORD("早"), WORD("当天"),
					     WORD("的最新"), WORD("0时"), WORD("24时"), WORD("零时") };

/* A number after these and before 号 is an address (大道58号), not a day. */
static const struct word address_words[] = { WORD("路"), WORD("道"), WORD("街"), WORD("巷"), WORD("弄"),
					     WORD("里"), WORD("村"), WORD("楼") };

static int day_stands_alone(const char *b, size_t j, size_t pos)
{
	for (size_t k = 0; k < sizeof day_followers / sizeof *day_followers; k++)
		if (starts(b + j, pos - j, day_followers[k].s))
			return 1;
	/* 1日12时50分: a day followed by its hour */
	size_t h = j;
	while (h < pos && h < j + 2 && b[h] >= '0' && b[h] <= '9')
		h++;
	return h > j && (starts(b + h, pos - h, "时") || starts(b + h, pos - h, "点"));
}

static int date_before(const struct ctx *c, const char *b, size_t ss, size_t pos, struct when *w)
{
	int found = 0;
	size_t i = ss, mk = c->m0;
	while (i < pos) {
		/* dates start with a digit, or 今/昨/当 */
		mk = next_mark(c, mk, i, M_NUM | M_REL);
		if (mk == c->m1 || c->mk->v[mk].at >= pos)
			break;
		i = c->mk->v[mk].at;
		static const struct {
			const char *word;
			int rel;
		} rel[] = { { "今天", 0 }, { "今日", 0 }, { "当日", REL_CONTEXT }, { "当天", REL_CONTEXT },
			    { "昨日", -1 }, { "昨天", -1 } };
		int matched = 0;
		for (size_t r = 0; r < sizeof rel / sizeof *rel; r++)
			if (starts(b + i, pos - i, rel[r].word)) {
				i += strlen(rel[r].word);
				matched = 1;
				/* 2月3日当天: the day just named */
				if (rel[r].rel == REL_CONTEXT && found)
					break;
				memset(w, 0, sizeof *w);
				w->rel = rel[r].rel;
				w->hour = -1;
				found = 1;
				break;
			}
		if (matched)
			continue;
		/* each number is read once: a year, then a month, then a day; the
		 * tail of a longer number (神龙大道58号: not the 8th) is none */
		if (i > ss && b[i - 1] >= '0' && b[i - 1] <= '9') {
			i++;
			continue;
		}
		int y = 0, m = 0, d = 0, v = 0;
		size_t j = i, k = small_number(b, pos, j, &v);
		if (k && v >= 1900 && starts(b + j + k, pos - j - k, "年")) {
			y = v;
			j += k + 3;
			k = small_number(b, pos, j, &v);
		}
		if (k && v >= 1 && v <= 12 && starts(b + j + k, pos - j - k, "月")) {
			m = v;
			j += k + 3;
			k = small_number(b, pos, j, &v);
		}
		/* 1月21日…，22日新增: a day alone is in the month named before it */
		int prev_y = found && w->rel == 99 ? w->y : 0, prev_m = found && w->rel == 99 ? w->m : 0;
		if (k && v >= 1 && v <= 31 &&
		    (starts(b + j + k, pos - j - k, "日") ||
		     (starts(b + j + k, pos - j - k, "号") && !HOLDS(b, chars_back(b, ss, j, 1), j, address_words)))) {
			d = v;
			j += k + 3;
			/* a day alone counts only after 截至 ("截至4日24时"); "1月2日以来" is
			 * where a period starts, not the date of a figure */
			int start_of_period = starts(b + j, pos - j, "以来") || starts(b + j, pos - j, "起") ||
					      starts(b + j, pos - j, "开始") || starts(b + j, pos - j, "至今");
			if (!start_of_period &&
			    (m || (i >= ss + 6 && ends_with(b, ss, i, "截至")) ||
			     (i >= ss + 6 && ends_with(b, ss, i, "截止")) || day_stands_alone(b, j, pos))) {
				if (!m) {
					y = prev_y;
					m = prev_m;
				}
				memset(w, 0, sizeof *w);
				w->y = y;
				w->m = m;
				w->d = d;
				w->hour = -1;
				w->rel = 99;
				found = 1;
				/* an hour: 24时, 12时, or a range 0至12时 / 0-10时 (its end) */
				size_t h = j, kh;
				int hv;
				if ((kh = small_number(b, pos, h, &hv))) {
					size_t e = h + kh;
					if (starts(b + e, pos - e, "至") || starts(b + e, pos - e, "到")) {
						e += 3;
						if ((kh = small_number(b, pos, e, &hv)))
							e += kh;
					} else if (e < pos && (b[e] == '-' || starts(b + e, pos - e, "—"))) {
						e += b[e] == '-' ? 1 : 3;
						if ((kh = small_number(b, pos, e, &hv)))
							e += kh;
					}
					if (starts(b + e, pos - e, "时") && hv <= 24) {
						w->hour = hv;
						j = e + 3;
					}
				}
				i = j;
				continue;
			}
		}
		i += char_len(b + i, pos - i);
	}
	return found;
}

static void resolve_date(const struct article *a, const struct when *w, int have, struct fact *f)
{
	struct ymd base = ymd_full(a->date) ? a->date : a->dateline;
	f->hour = -1;
	if (!have) {
		f->date = base;
		return;
	}
	if (w->rel != 99) {
		if (ymd_full(a->date)) {
			f->date = ymd_from_days(ymd_days(a->date) + w->rel);
		} else if (base.m && base.d && w->rel == 0) {
			f->date = base;
		} else {
			memset(&f->date, 0, sizeof f->date);
		}
		return;
	}
	f->hour = w->hour;
	f->date.d = w->d;
	f->date.m = w->m ? w->m : base.m;
	if (!w->m && base.m && base.d && w->d > base.d) /* 截至30日 in an article of the 2nd */
		f->date.m = base.m == 1 ? 12 : base.m - 1;
	f->date.y = w->y;
	if (!f->date.y && base.y) {
		f->date.y = base.y;
		if (f->date.m > base.m + 1) /* December figures in a January article */
			f->date.y--;
	}
	if (!f->date.m)
		memset(&f->date, 0, sizeof f->date);
	else if (f->date.y && !ymd_valid(f->date.y, f->date.m, f->date.d))
		f->date.y = 0;
}

/* ---- the extractor ---------------------------------------------------------- */

/* A mark that ends a clause: ，、：（）,:()“” or a sentence end. */
static int is_clause_mark(const char *b, size_t n, size_t i)
{
	unsigned char c = (unsigned char)b[i];
	if (c < 0x80)
		return c == ',' || c == ':' || c == '(' || c == ')' || c == '\n' || c == '!' || c == '?' || c == ';';
	if (i + 3 > n)
		return 0;
	switch (BYTES3(b, i)) {
	case 0xEFBC8C: /* ， */
	case 0xE38081: /* 、 */
	case 0xEFBC9A: /* ： */
	case 0xEFBC88: /* （ */
	case 0xEFBC89: /* ） */
	case 0xE2809C: /* “ */
	case 0xE2809D: /* ” */
	case 0xE38082: /* 。 */
	case 0xEFBC81: /* ！ */
	case 0xEFBC9F: /* ？ */
	case 0xEFBC9B: /* ； */
		return 1;
	}
	return 0;
}

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
						 WORD("英镑"), WORD("卢布"), WORD("澳元") };



/* Does the clause go on to say the people counted are infected? */
static int infected_after(const char *b, size_t se, size_t from)
{
	size_t ce = from;
	while (ce < se && !is_clause_mark(b, se, ce))
		ce += char_len(b + ce, se - ce);
	return HOLDS(b, from, chars_on(b, ce, from, 8), infected_words);
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

/* ---- where and when: a figure's place and date, and where each came from ----- */

/* Words after which a place is where aid goes: teams, goods and money. */
static const struct word dest_words[] = {
	WORD("捐赠给"), WORD("捐赠至"), WORD("转递给"), WORD("分配给"), WORD("支援"), WORD("驰援"), WORD("援助"),
	WORD("前往"),   WORD("奔赴"),   WORD("赶赴"),   WORD("赶往"),   WORD("飞赴"), WORD("发往"), WORD("运往"),
	WORD("运抵"),   WORD("送往"),   WORD("送抵"),   WORD("抵达"),   WORD("到达"), WORD("进驻"), WORD("捐给"),
	WORD("捐至"),   WORD("送到"),   WORD("运到"),   WORD("发到"),   WORD("捐送"), WORD("送给"), WORD("增援"),
	WORD("援"),     WORD("赴"),     WORD("向"),
	WORD("给"),     WORD("至"),     WORD("去"),     WORD("到"),     WORD("支持"), WORD("用于"),
	WORD("驶往"),   WORD("开往"),   WORD("飞往"),   WORD("出征")
};
static int is_aid(int kind)
{
	return kind == KIND_MEDICAL_STAFF || kind == KIND_SUPPLIES || kind == KIND_FUNDS || kind == KIND_VOLUNTEERS;
}

/* The place two places share (湖北省 for 武汉市 and 黄石市), or -1. */
static int common_place(const struct gazetteer *gz, int p, int q)
{
	for (int a = p; a >= 0; a = gz->v[a].parent)
		if (gazetteer_within(gz, q, a))
			return a;
	return -1;
}

/* The places named at b[i..): a run (湖北省武汉市) gives its last, a list
 * (武汉、黄石) what its members share. -1 when no place starts at i. */
static int places_at(const struct gazetteer *gz, const char *b, size_t i, size_t se)
{
	int best = -1;
	for (int n = 0; n < 6 && i < se; n++) {
		int p;
		size_t k = gazetteer_match(gz, b + i, se - i, &p);
		if (!k)
			break;
		if (best < 0 || gazetteer_within(gz, p, best))
			best = p;
		else if (!gazetteer_within(gz, best, p)) {
			int cp = common_place(gz, best, p);
			if (cp < 0)
				break;
			best = cp;
		}
		i += k;
		if (starts(b + i, se - i, "、") || starts(b + i, se - i, "和") || starts(b + i, se - i, "及"))
			i += 3;
	}
	return best;
}

/* A destination word or short form at i: the place it names, or -1; *len its length. */
/* A destination word ending at byte `at` (支援武汉: 支援 before 武汉): its start, or `at`. */
static size_t dest_word_before(const char *b, size_t lo, size_t at)
{
	size_t best = at;
	for (size_t k = 0; k < sizeof dest_words / sizeof *dest_words; k++)
		if (ends_with_word(b, lo, at, &dest_words[k]) && at - dest_words[k].len < best)
			best = at - dest_words[k].len;
	return best;
}

/* Destinations among the marks [m0, m1) of the text ending at se: a place after
 * a destination word, or a word that is one (援鄂). Calls fn for each. */
static void each_dest(const struct ctx *c, size_t lo, size_t se, size_t m0, size_t m1,
		      void (*fn)(void *arg, size_t at, int place), void *arg)
{
	const char *b = c->a->body;
	const struct mark *m = c->mk->v;
	for (size_t k = m0; k < m1; k++) {
		if (m[k].what & M_DEST) {
			fn(arg, m[k].at, m[k].place);
			continue;
		}
		if (!(m[k].what & (M_PLACE | M_BODY)))
			continue;
		size_t w = dest_word_before(b, lo, m[k].at);
		if (w == m[k].at)
			continue;
		int p = places_at(c->gz, b, m[k].at, se);
		if (p >= 0)
			fn(arg, w, p);
		/* skip the rest of the run or list this destination read */
		while (k + 1 < m1 && m[k + 1].at < m[k].at + m[k].len)
			k++;
	}
}

static void add_dest(void *arg, size_t at, int place)
{
	struct ctx *c = arg;
	if (c->ndests < sizeof c->dests / sizeof *c->dests)
		c->dests[c->ndests++] = (struct dest){ at, place };
}

/* The destinations of the sentence [ss, se), found the first time a figure needs them. */
static void find_dests(struct ctx *c, size_t ss, size_t se)
{
	if (c->dests_known)
		return;
	c->dests_known = 1;
	each_dest(c, ss, se, c->m0, c->m1, add_dest, c);
}

struct dest_count {
	int seen[16], count[16], n, best, best_n;
};

static void count_dest(void *arg, size_t at, int place)
{
	(void)at;
	struct dest_count *d = arg;
	int k;
	for (k = 0; k < d->n && d->seen[k] != place; k++)
		;
	if (k == d->n) {
		if (d->n == 16)
			return;
		d->seen[d->n] = place;
		d->count[d->n++] = 0;
	}
	if (++d->count[k] > d->best_n) {
		d->best_n = d->count[k];
		d->best = place;
	}
}

/* Where the article's aid goes: the destination it names most, first on a tie. */
static int article_dest(struct ctx *c)
{
	if (c->art_dest_known)
		return c->art_dest;
	c->art_dest_known = 1;
	struct dest_count d = { .best = -1 };
	each_dest(c, 0, c->a->body_len, 0, c->mk->n, count_dest, &d);
	return c->art_dest = d.best;
}

/* The place of a figure of `kind` at [fs, fe) of the sentence [ss, se), whose
 * sentence scan so far has found `sentence_place`. */
static int figure_place(struct ctx *c, size_t ss, size_t se, size_t fs, size_t fe, int kind, int sentence_place,
			uint8_t *from)
{
	if (is_aid(kind)) {
		find_dests(c, ss, se);
		int before = -1, inside = -1;
		/* one inside the figure's words (1200名援助湖北医护人员); else the nearest
		 * after it, or one inside that (援助湖北医疗队，赶往武汉); else the last
		 * before it */
		int after = -1;
		for (size_t k = 0; k < c->ndests; k++) {
			int p = c->dests[k].place;
			if (c->dests[k].at >= fs && c->dests[k].at < fe && inside < 0)
				inside = p;
			if (c->dests[k].at >= fe && (after < 0 || gazetteer_within(c->gz, p, after)))
				after = p;
			if (c->dests[k].at < fs)
				before = p;
		}
		if (inside >= 0)
			after = inside;
		if (after >= 0) {
			*from = FROM_DESTINATION;
			return after;
		}
		if (before >= 0) {
			*from = FROM_DESTINATION;
			return before;
		}
	}
	if (sentence_place >= 0) {
		*from = FROM_SENTENCE;
		return sentence_place;
	}
	if (c->para_place >= 0) {
		*from = FROM_PARAGRAPH;
		return c->para_place;
	}
	int d = is_aid(kind) ? article_dest(c) : -1;
	if (d >= 0) {
		*from = FROM_ARTICLE;
		return d;
	}
	/* 台江县某公司捐赠…: the body's place, when nothing else names one */
	for (size_t k = c->m1; k > c->m0; k--) {
		const struct mark *m = &c->mk->v[k - 1];
		if ((m->what & M_BODY) && m->at < fs) {
			*from = FROM_SENTENCE;
			return m->place;
		}
	}
	int p = fallback_place(c);
	const struct article *a = c->a;
	*from = p < 0 ? FROM_NONE : a->place && p == gazetteer_find(c->gz, a->place) ? FROM_DATELINE : FROM_ARTICLE;
	return p;
}

/* The date of a figure at [fs, fe) of the sentence [ss, se): the last date before
 * it in its sentence, else one after it in its clause (于1月27日), else the
 * paragraph's, else (in an article with no date of its own) the article's, else
 * the article's date. */
static void figure_date_from(struct ctx *c, const char *b, size_t ss, size_t se, size_t fs, size_t fe,
			     struct fact *f);

static void figure_date(struct ctx *c, const char *b, size_t ss, size_t se, size_t fs, size_t fe, struct fact *f)
{
	figure_date_from(c, b, ss, se, fs, fe, f);
	if (!f->date.m)
		f->date_from = FROM_NONE;
}

static void figure_date_from(struct ctx *c, const char *b, size_t ss, size_t se, size_t fs, size_t fe,
			     struct fact *f)
{
	struct when w;
	const struct article *a = c->a;
	if (date_before(c, b, ss, fs, &w)) {
		if (w.rel == REL_CONTEXT && (c->para_have || c->art_have)) {
			resolve_date(a, c->para_have ? &c->para_when : &c->art_when, 1, f);
			f->date_from = c->para_have ? FROM_PARAGRAPH : FROM_ARTICLE;
			return;
		}
		if (w.rel == REL_CONTEXT)
			w.rel = 0;
		resolve_date(a, &w, 1, f);
		f->date_from = FROM_SENTENCE;
		return;
	}
	size_t ce = fe;
	while (ce < se && !is_clause_mark(b, se, ce))
		ce += char_len(b + ce, se - ce);
	if (date_before(c, b, fe, ce, &w)) {
		resolve_date(a, &w, 1, f);
		f->date_from = FROM_SENTENCE;
		return;
	}
	int dated = ymd_full(a->date) || (a->dateline.m && a->dateline.d);
	if (c->para_have || (!dated && c->art_have)) {
		resolve_date(a, c->para_have ? &c->para_when : &c->art_when, 1, f);
		f->date_from = c->para_have ? FROM_PARAGRAPH : FROM_ARTICLE;
		return;
	}
	resolve_date(a, &w, 0, f);
	f->date_from = f->date.m ? FROM_DATELINE : FROM_NONE;
}

/* After a sentence: the subject and date it leaves for the sentences after it. */
static void remember(struct ctx *c, size_t ss, size_t se, unsigned any)
{
	const char *b = c->a->body;
	struct when w;
	if ((any & (M_NUM | M_REL)) && date_before(c, b, ss, se, &w) && w.rel != REL_CONTEXT) {
		c->para_when = c->art_when = w;
		c->para_have = c->art_have = 1;
	}
	find_dests(c, ss, se);
	if (c->ndests) {
		c->para_place = c->dests[c->ndests - 1].place;
		return;
	}
	/* 泰国是…继日本之后…的国家: a sentence that opens with a place is about it */
	size_t lead = ss;
	while (lead < se && (b[lead] == ' ' || b[lead] == '\t'))
		lead++;
	if (c->m0 < c->m1 && (c->mk->v[c->m0].what & M_PLACE) && c->mk->v[c->m0].at == lead) {
		c->para_place = c->mk->v[c->m0].place;
		return;
	}
	for (size_t k = c->m1; k > c->m0; k--)
		if (c->mk->v[k - 1].what & M_PLACE) {
			c->para_place = c->mk->v[k - 1].place;
			return;
		}
}

/* Sentences that state a zero in words: 无死亡病例, 无新增确诊病例. */
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
	scan_start(c, &sc, ss);
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
			scan_to(c, b, &sc, i);
			f.start = (uint32_t)i;
			f.end = (uint32_t)(i + strlen(zeros[k].w));
			f.place = figure_place(c, ss, se, f.start, f.end, f.kind, sc.place, &f.place_from);
			figure_date(c, b, ss, se, f.start, f.end, &f);
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
	scan_start(c, &sc, ss);
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
		if ((kind == KIND_MEDICAL_STAFF || kind == KIND_VOLUNTEERS) && infected_after(b, se, fd.end))
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
		scan_to(c, b, &sc, qs < fd.start ? qs : fd.start);
		f.scope = sc.scope;
		if (f.kind == KIND_CONFIRMED && f.scope == SCOPE_NEW)
			f.kind = KIND_NEW_CONFIRMED;
		if (f.kind == KIND_NEW_CONFIRMED)
			f.scope = SCOPE_NEW;
		f.start = (uint32_t)(qs < fd.start ? qs : fd.start);
		f.end = (uint32_t)(ue > fd.end ? ue : fd.end);
		f.place = figure_place(c, ss, se, f.start, f.end, kind, sc.place, &f.place_from);
		figure_date(c, b, ss, se, f.start, f.end, &f);
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
	first_pass(a, gz, &mk);
	int city = home_city(a, gz, &mk);
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
	struct marks mk = { 0 };
	first_pass(a, gz, &mk);
	struct ctx c = { 0 };
	c.a = a;
	c.gz = gz;
	c.file_city = file_city;
	c.named = home_city(a, gz, &mk);
	c.home = c.province = c.fallback = -1;
	c.mk = &mk;
	c.para_place = c.art_dest = -1;
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
			remember(&c, ss, e, any);
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
	free(mk.v);
	return c.named;
}

const char *facts_tables_disagree(void)
{
	for (size_t k = 0; k < sizeof dest_words / sizeof *dest_words; k++)
		if (!dest_may_start(BYTES3(dest_words[k].s, 0)))
			return "dest_words";
	for (size_t k = 0; k < sizeof here_words / sizeof *here_words; k++)
		if (!(marks_of_cp(utf8_cp3((const unsigned char *)here_words[k].w.s)) & M_SCOPE))
			return "here_words";
	for (size_t k = 0; k < sizeof scope_places / sizeof *scope_places; k++) {
		const char *w = scope_places[k].w.s;
		if ((unsigned char)w[0] < 0x80 ? w[0] != '3' : !(marks_of_cp(utf8_cp3((const unsigned char *)w)) & M_TRY_SCOPE))
			return "scope_places";
	}
	for (size_t k = 0; k < sizeof dest_short / sizeof *dest_short; k++)
		if (!(marks_of_cp(utf8_cp3((const unsigned char *)dest_short[k].w.s)) & M_TRY_DEST))
			return "dest_short";
	return NULL;
}
