/* The measure extractor's first pass: one walk over a body that notes where
 * sentences end and where numbers, place names, scope words and destinations
 * start, so that the rest visits only those characters; and the city an
 * article is about. */
#include <stdlib.h>
#include <string.h>

#include "facts_scan.h"
#include "words.h"
#include "xalloc.h"

/* The CJK characters a mark may start at, with what may start there: one table
 * that gives both the switch and a filter that turns most characters away
 * before it. Fullwidth digits (０-９) are a range, tested apart. */
#define MARK_CPS(X, a)                                                                                  \
	X(0x3002, M_END, a) /* 。 */ X(0xFF01, M_END, a) /* ！ */ X(0xFF1F, M_END, a) /* ？ */           \
	X(0xFF1B, M_END, a) /* ； */ X(0xFF08, M_PAREN, a) /* （ */ X(0xFF09, M_PAREN, a) /* ） */      \
	X(0x96F6, M_NUM | M_ZERO, a) /* 零 */ X(0x65E0, M_ZERO, a) /* 无 */                              \
	X(0x4ECA, M_REL, a) /* 今 */ X(0x6628, M_REL, a) /* 昨 */ X(0x5F53, M_REL, a) /* 当 */           \
	X(0x7D2F, M_SCOPE, a) /* 累 */ X(0x5171, M_SCOPE, a) /* 共 */ X(0x603B, M_SCOPE, a) /* 总 */     \
	X(0x4EE5, M_SCOPE, a) /* 以 */ X(0x65B0, M_SCOPE, a) /* 新 */ X(0x73B0, M_SCOPE, a) /* 现 */     \
	X(0x76EE, M_SCOPE, a) /* 目 */ X(0x5C1A, M_SCOPE, a) /* 尚 */ X(0x6B63, M_SCOPE, a) /* 正 */     \
	X(0x5728, M_SCOPE, a) /* 在 */ X(0x6211, M_SCOPE, a) /* 我 */ X(0x8BE5, M_SCOPE, a) /* 该 */     \
	X(0x672C, M_SCOPE, a) /* 本 */ X(0x5168, M_SCOPE | M_TRY_SCOPE, a) /* 全 */                      \
	X(0x4E2D, M_TRY_SCOPE, a) /* 中 */ X(0x9664, M_TRY_SCOPE, a) /* 除 */                            \
	X(0x56FD, M_TRY_SCOPE, a) /* 国 */ X(0x63F4, M_TRY_DEST, a) /* 援 */                             \
	X(0x8D74, M_TRY_DEST, a) /* 赴 */ X(0x62B5, M_TRY_DEST, a) /* 抵 */ X(0x6765, M_TRY_DEST, a) /* 来 */ \
	X(0x3007, M_NUM, a) /* 〇 */ X(0x4E00, M_NUM, a) /* 一 */ X(0x4E8C, M_NUM, a) /* 二 */           \
	X(0x4E24, M_NUM, a) /* 两 */ X(0x4E09, M_NUM, a) /* 三 */ X(0x56DB, M_NUM, a) /* 四 */           \
	X(0x4E94, M_NUM, a) /* 五 */ X(0x516D, M_NUM, a) /* 六 */ X(0x4E03, M_NUM, a) /* 七 */           \
	X(0x516B, M_NUM, a) /* 八 */ X(0x4E5D, M_NUM, a) /* 九 */ X(0x5341, M_NUM, a) /* 十 */

/* Bit (cp mod 4096) of a 4096-bit filter, as word w of 64. */
#define FILTER_BIT(cp, bits, w) | ((((cp) & 4095) >> 6) == (w) ? 1ull << ((cp) & 63) : 0)
#define FW(w) (0 MARK_CPS(FILTER_BIT, w))
#define FW8(w) FW(w), FW(w + 1), FW(w + 2), FW(w + 3), FW(w + 4), FW(w + 5), FW(w + 6), FW(w + 7)
static const uint64_t mark_filter[64] = { FW8(0), FW8(8), FW8(16), FW8(24), FW8(32), FW8(40), FW8(48), FW8(56) };

static inline unsigned marks_of_cp(uint32_t cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF19) /* ０-９ */
		return M_NUM;
	if (!((mark_filter[(cp & 4095) >> 6] >> (cp & 63)) & 1))
		return 0;
	switch (cp) {
#define CASE(cp, bits, a) \
	case cp:          \
		return bits;
		MARK_CPS(CASE, 0)
#undef CASE
	}
	return 0;
}


/* A place name that begins the name of a body, a station or a street is where
 * that body is, not what a sentence is about: 湖南医疗队, 上海南站, 湖北日报. */
static const struct word body_suffixes[] = {
	WORD("有限公司"), WORD("公司"), WORD("集团"), WORD("日报"), WORD("晚报"), WORD("电视台"), WORD("银行"),
	WORD("分行"), WORD("支行"), WORD("商会"), WORD("协会"), WORD("工作组"), WORD("医疗队"), WORD("救援队"),
	WORD("南站"), WORD("北站"), WORD("东站"), WORD("西站"), WORD("火车站"), WORD("机场"), WORD("仓库"),
	WORD("海关"), WORD("报社"), WORD("卫视"), WORD("研究院"), WORD("研究所"), WORD("路"), WORD("大道"),
	WORD("大街"), WORD("时间"), WORD("小组"), WORD("大学"), WORD("学院"), WORD("同乡"),
	WORD("社团"), WORD("联合会"), WORD("联谊会"), WORD("侨联")
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
int facts_dest_may_start(uint32_t ch)
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
	uint64_t suffix_leads = 0; /* what body_suffixes start with: most characters start none */
	for (size_t w = 0; w < sizeof body_suffixes / sizeof *body_suffixes; w++)
		suffix_leads |= 1ull << body_suffixes[w].lead;
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
			if ((suffix_leads >> LEAD_BIT(ch)) & 1)
				for (size_t w = 0; w < sizeof body_suffixes / sizeof *body_suffixes; w++)
					if (starts_word(b + i, n - i, &body_suffixes[w]))
						return 1;
			if (chars && (facts_dest_may_start(ch) || gazetteer_may_start(gz, b + i, n - i))) {
				int p;
				if (facts_dest_may_start(ch) || gazetteer_match(gz, b + i, n - i, &p))
					return 0;
			}
			i += 3;
		} else {
			i++;
		}
	}
	return 0;
}

/* Names several places share (桥西区 of 石家庄 and of 张家口): the one in the
 * city, else the province, of the dateline or of the first place named that
 * only one place has. */
static void resolve_names(const struct article *a, const struct gazetteer *gz, struct marks *mk)
{
	int ctx[8], nc = 0;
	int dl = a->place ? gazetteer_find(gz, a->place) : -1;
	if (dl >= 0)
		ctx[nc++] = dl;
	int any = 0;
	for (size_t k = 0; k < mk->n; k++) {
		if (!(mk->v[k].what & (M_PLACE | M_BODY)) || mk->v[k].place < 0)
			continue;
		if (gz->v[mk->v[k].place].same >= 0)
			any = 1;
		else if (nc < 8 && gz->v[mk->v[k].place].level != PLACE_COUNTRY)
			ctx[nc++] = mk->v[k].place;
	}
	if (!any || !nc)
		return;
	for (size_t k = 0; k < mk->n; k++) {
		int p = mk->v[k].place;
		if (!(mk->v[k].what & (M_PLACE | M_BODY)) || p < 0 || gz->v[p].same < 0)
			continue;
		int best = -1;
		for (int c = 0; c < nc && best < 0; c++) /* a city first, then a province */
			best = gazetteer_named_within(gz, p, gazetteer_city(gz, ctx[c]));
		for (int c = 0; c < nc && best < 0; c++)
			best = gazetteer_named_within(gz, p, gazetteer_province(gz, ctx[c]));
		if (best >= 0)
			mk->v[k].place = best;
	}
}

void facts_first_pass(const struct article *a, const struct gazetteer *gz, struct marks *mk)
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
	resolve_names(a, gz, mk);
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

int facts_home_city(const struct article *a, const struct gazetteer *gz, const struct marks *mk)
{
	if (a->place) {
		int p = gazetteer_find(gz, a->place);
		int city = p >= 0 ? gazetteer_city(gz, p) : -1;
		if (city >= 0)
			return city;
	}
	return most_named_city(gz, mk->v, mk->n);
}

static void about_add(int32_t *about, int *n, int p)
{
	if (p < 0 || *n >= FACTS_ABOUT)
		return;
	for (int k = 0; k < *n; k++)
		if (about[k] == p)
			return;
	about[(*n)++] = p;
}

void facts_about(const struct article *a, const struct gazetteer *gz, const struct marks *mk, int32_t *about)
{
	int n = 0;
	for (int k = 0; k < FACTS_ABOUT; k++)
		about[k] = -1;
	if (a->place)
		about_add(about, &n, gazetteer_find(gz, a->place));
	if (a->title && a->title[0]) { /* the title's places, read as a body is */
		struct article t = *a;
		t.body = a->title;
		t.body_len = strlen(a->title);
		struct marks tm = { 0 };
		facts_first_pass(&t, gz, &tm);
		for (size_t k = 0; k < tm.n; k++)
			if (tm.v[k].what & M_PLACE)
				about_add(about, &n, tm.v[k].place);
		free(tm.v);
	}
	/* the body's places named twice or more, most named first */
	int seen[64], count[64], ns = 0;
	for (size_t k = 0; k < mk->n; k++) {
		if (!(mk->v[k].what & M_PLACE))
			continue;
		int p = mk->v[k].place, s;
		for (s = 0; s < ns && seen[s] != p; s++)
			;
		if (s == ns) {
			if (ns == 64)
				continue;
			seen[ns] = p;
			count[ns++] = 0;
		}
		count[s]++;
	}
	while (n < FACTS_ABOUT) {
		int best = -1;
		for (int s = 0; s < ns; s++)
			if (count[s] >= 2 && (best < 0 || count[s] > count[best]))
				best = s;
		if (best < 0)
			break;
		about_add(about, &n, seen[best]);
		count[best] = 0;
	}
}

unsigned facts_marks_of_cp(uint32_t cp)
{
	return marks_of_cp(cp);
}

const char *facts_marks_tables_disagree(void)
{
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
