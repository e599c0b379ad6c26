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
	T("检测机构", KIND_TEST_LABS, SIDE_L | SIDE_R),
	T("检测实验室", KIND_TEST_LABS, SIDE_L | SIDE_R),
	T("实验室", KIND_TEST_LABS, SIDE_L | SIDE_R),
	T("确诊病例", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("确诊患者", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("确诊", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("新冠肺炎确诊病例", KIND_CONFIRMED, SIDE_L | SIDE_R),
	T("新增确诊病例", KIND_NEW_CONFIRMED, SIDE_L),
	T("新增确诊", KIND_NEW_CONFIRMED, SIDE_L),
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
	T("检测试剂", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("试剂盒", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("呼吸机", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("物资", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("药品", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("测温枪", KIND_SUPPLIES, SIDE_L | SIDE_R),
	T("额温枪", KIND_SUPPLIES, SIDE_L | SIDE_R),
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
	[KIND_TESTS_DONE] = "人|份|人次|管",
	[KIND_TEST_POSITIVE] = "人|例|份|名",
	[KIND_SAMPLING_SITES] = "个|处",
	[KIND_TEST_LABS] = "家|个|所",
	[KIND_CONFIRMED] = "例|人|名",
	[KIND_NEW_CONFIRMED] = "例|人|名",
	[KIND_ASYMPTOMATIC] = "例|人|名",
	[KIND_CONVERTED] = "例|人|名",
	[KIND_SUSPECTED] = "例|人|名",
	[KIND_SEVERE] = "例|人|名",
	[KIND_DISCHARGED] = "例|人|名",
	[KIND_DEATHS] = "例|人|名",
	[KIND_CLOSE_CONTACTS] = "人|名",
	[KIND_SECONDARY_CONTACTS] = "人|名",
	[KIND_LOCKDOWN_ZONES] = "个|处",
	[KIND_CONTROL_ZONES] = "个|处",
	[KIND_EPIDEMIC_FREE_AREAS] = "个",
	[KIND_MEDICAL_STAFF] = "名|人",
	[KIND_VOLUNTEERS] = "名|人|人次",
	[KIND_FUNDS] = "元",
	[KIND_SUPPLIES] = "只|件|套|个|箱|台|吨|瓶|副|双|盒|袋|顶",
	[KIND_PATIENTS] = "例|人|名",
};

/* Counting words, longest first within a shared prefix. */
#define UNITS(X)                                                                                     \
	X("人次") X("万元") X("亿元") X("元") X("人") X("名") X("例") X("个") X("张") X("间") X("份")      \
	X("家") X("处") X("所") X("支") X("只") X("套") X("件") X("箱") X("台") X("吨") X("瓶") X("副") \
	X("双") X("盒") X("袋") X("顶") X("管") X("床")
static const char *const units[] = {
#define NAME(u) u,
	UNITS(NAME)
#undef NAME
};

/* What follows a number that is not a count: dates, times, durations, ages,
 * ordinals, rounds, shares. */
/* Only words that start with a unit need listing: a number followed by anything
 * that is not a unit (年, 月, 日, 时, 天, 岁, 轮, 次, 场, %, …) is never a count. */
static const char *const not_counts[] = { "个月", "个小时", "个百分点", "个工作日", "个星期",
					  "个批次", "个多月", "个多小时", "名次", "家庭", "家属",
					  "家中", "家里", "人民", "人口" };

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
};

struct mark {
	uint32_t at;
	int32_t place;
	uint16_t len;
	uint8_t what;
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
	case 0x5168: /* 全 */
	case 0x672C: /* 本 */
		return M_SCOPE;
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

static void first_pass(const struct article *a, const struct gazetteer *gz, struct marks *mk)
{
	const char *b = a->body;
	size_t n = a->body_len;
	mk->n = 0;
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)b[i];
		unsigned what = 0;
		size_t cl = 1;
		if (ch < 0x80) {
			if (ch == '\n' || ch == '!' || ch == '?' || ch == ';')
				what = M_END;
			else if (ch >= '0' && ch <= '9')
				what = M_NUM;
		} else {
			cl = char_len(b + i, n - i);
			if (cl == 3 && ch >= 0xE3)
				what = marks_of_cp(utf8_cp3((const unsigned char *)b + i));
		}
		struct mark m = { (uint32_t)i, -1, 0, (uint8_t)what };
		if (!(what & M_END) && gazetteer_may_start(gz, b + i, n - i)) {
			int p;
			size_t k = gazetteer_match(gz, b + i, n - i, &p);
			if (k && k <= UINT16_MAX) {
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
	enum fact_scope scope;
};

static void scan_start(const struct ctx *c, struct scan *sc, size_t ss)
{
	sc->ss = sc->pos = ss;
	sc->mi = c->m0;
	sc->place = -1;
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
		k = next_mark(c, k, i, M_PLACE | M_SCOPE);
		if (k == c->m1 || c->mk->v[k].at >= pos)
			break;
		const struct mark *m = &c->mk->v[k];
		i = m->at;
		unsigned char ch = (unsigned char)b[i];
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
		if (starts(b + i, pos - i, "我市") || starts(b + i, pos - i, "全市") ||
		    starts(b + i, pos - i, "本市")) {
			resolve_home(c);
			if (c->home >= 0)
				sc->place = c->home;
			i += 6;
			continue;
		}
		if (starts(b + i, pos - i, "全省") || starts(b + i, pos - i, "我省") ||
		    starts(b + i, pos - i, "本省")) {
			resolve_home(c);
			if (c->province >= 0)
				sc->place = c->province;
			i += 6;
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

struct when {
	int y, m, d, hour;
	int rel; /* day offset from the article date (今天 0, 昨日 -1), or 99 */
};

/* The last date expression in b[ss..pos): 截至4日24时, 1月12日0至12时, 今天, 昨日. */
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
		} rel[] = { { "今天", 0 }, { "今日", 0 }, { "当日", 0 }, { "当天", 0 },
			    { "昨日", -1 }, { "昨天", -1 } };
		int matched = 0;
		for (size_t r = 0; r < sizeof rel / sizeof *rel; r++)
			if (starts(b + i, pos - i, rel[r].word)) {
				memset(w, 0, sizeof *w);
				w->rel = rel[r].rel;
				w->hour = -1;
				found = 1;
				i += strlen(rel[r].word);
				matched = 1;
				break;
			}
		if (matched)
			continue;
		/* each number is read once: a year, then a month, then a day */
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
		if (k && v >= 1 && v <= 31 &&
		    (starts(b + j + k, pos - j - k, "日") || starts(b + j + k, pos - j - k, "号"))) {
			d = v;
			j += k + 3;
			/* a day alone counts only after 截至 ("截至4日24时"); "1月2日以来" is
			 * where a period starts, not the date of a figure */
			int start_of_period = starts(b + j, pos - j, "以来") || starts(b + j, pos - j, "起") ||
					      starts(b + j, pos - j, "开始");
			if (!start_of_period &&
			    (m || (i >= ss + 6 && ends_with(b, ss, i, "截至")) ||
			     (i >= ss + 6 && ends_with(b, ss, i, "截止")))) {
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
		WORD("人数"),     WORD("数量")
	};
	for (size_t k = 0; k < sizeof fillers / sizeof *fillers; k++)
		if (ends_with_word(b, ss, pos, &fillers[k]))
			return pos - fillers[k].len;
	return pos;
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
		if (lt || back == lpos)
			break;
		lpos = back;
	}
	/* 培训采样医务人员和志愿者40161人: two kinds joined, no single count */
	if (lt && (ends_with(b, ss, lpos - strlen(lt->text), "和") ||
		   ends_with(b, ss, lpos - strlen(lt->text), "及")))
		lt = NULL;
	size_t r = ue;
	if (starts(b + r, se - r, "的"))
		r += 3;
	if (starts(b + r, se - r, "本土"))
		r += 6;
	const struct trigger *rt = trigger_starting(b, se, r, 0);
	size_t rpos = r;
	if (!rt) { /* 153名发热门诊医护人员: a person noun a few words on */
		size_t i = r, chars = 0;
		while (i < se && chars < 10 && !is_clause_mark(b, se, i)) {
			if ((rt = trigger_starting(b, se, i, 1)) != NULL) {
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
	if (starts(unit, strlen(unit), "元") || !strcmp(unit, "万元") || !strcmp(unit, "亿元"))
		kind = KIND_FUNDS;
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
	if (i + 3 > se)
		return 0;
	uint32_t c = BYTES3(b, i);
	for (size_t k = 0; k < sizeof units / sizeof *units; k++)
		if (first[k] == c && starts(b + i, se - i, units[k])) {
			/* 3个月, 24个小时, 名次: a unit that starts a longer non-count */
			for (size_t x = 0; x < sizeof not_counts / sizeof *not_counts; x++)
				if (starts(b + i, se - i, not_counts[x]))
					return 0;
			*unit = units[k];
			return (int)strlen(units[k]);
		}
	return 0;
}

static size_t skip_spaces(const char *b, size_t se, size_t i)
{
	while (i < se && b[i] == ' ')
		i++;
	return i;
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
		{ "无新增本土确诊病例", KIND_NEW_CONFIRMED, SCOPE_NEW },
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
			f.place = sc.place >= 0 ? sc.place : fallback_place(c);
			struct when w;
			int have = date_before(c, b, ss, i, &w);
			resolve_date(c->a, &w, have, &f);
			f.start = (uint32_t)i;
			f.end = (uint32_t)(i + strlen(zeros[k].w));
			f.sent_start = (uint32_t)ss;
			f.sent_end = (uint32_t)se;
			push(out, &f);
			adv = strlen(zeros[k].w);
			break;
		}
		i += adv ? adv : char_len(b + i, se - i);
	}
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
		if (starts(b + p, se - p, "余") || starts(b + p, se - p, "多")) {
			qual = QUAL_OVER;
			p += 3;
		}
		const char *unit = NULL;
		int ul = match_unit(b, se, p, &unit);
		if (!ul)
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
		if (kind < 0 && last_kind >= 0 && unit_allowed(last_kind, unit)) {
			/* 口罩138箱，近20万只: a bare count right after a fact shares its kind */
			size_t cs = qs;
			while (cs > ss && b[cs - 1] == ' ')
				cs--;
			size_t mark = cs;
			int clause_start = mark > ss && (ends_with(b, ss, mark, "，") || ends_with(b, ss, mark, "、") ||
							 ends_with(b, ss, mark, ","));
			size_t prev = mark - (ends_with(b, ss, mark, ",") ? 1 : 3);
			int at_end = ue >= se || is_clause_mark(b, se, ue);
			if (clause_start && at_end && prev == last_end) {
				kind = last_kind;
				fd.start = ns;
				fd.end = ue;
			}
		}
		if (kind < 0)
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
		f.place = sc.place >= 0 ? sc.place : fallback_place(c);
		struct when w;
		int have = date_before(c, b, ss, qs < fd.start ? qs : fd.start, &w);
		resolve_date(c->a, &w, have, &f);
		f.start = (uint32_t)(qs < fd.start ? qs : fd.start);
		f.end = (uint32_t)(ue > fd.end ? ue : fd.end);
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
	struct ctx c = { a, gz, file_city, home_city(a, gz, &mk), 0, -1, -1, -1, &mk, 0, 0 };
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
		if (e > ss && (any & (M_NUM | M_ZERO))) {
			c.m0 = m0;
			c.m1 = k;
			sentence(&c, ss, e, out);
		}
		if (k == mk.n)
			break;
		ss = e + ((unsigned char)a->body[e] < 0x80 ? 1 : 3);
		m0 = k + 1;
		any = 0;
	}
	free(mk.v);
	return c.named;
}
