/* Where and when a measure holds: the place and as-of date of a figure, read
 * from its sentence, the paragraph's subject and dates, the places aid goes to,
 * the dateline and the article, and which of them each came from. */
#include <string.h>

#include "date.h"
#include "facts_scan.h"
#include "words.h"

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


static int common_place(const struct gazetteer *gz, int p, int q);

static void list_one(struct place_list *l, int p)
{
	l->n = p >= 0;
	l->v[0] = p;
}

/* Add p to the list whose places share `*shared`. Right after the last member
 * (`run`), p narrows it (湖北省武汉市: 武汉市); after a joiner (、和及) it is
 * another member (武汉、黄石: 湖北省 shared), a member again adding nothing.
 * Returns 0, leaving the list as it was, when p does not continue it. */
static int list_add(const struct gazetteer *gz, struct place_list *l, int *shared, int p, int run)
{
	if (!l->n) {
		list_one(l, p);
		*shared = p;
		return 1;
	}
	int *last = &l->v[l->n - 1];
	if (run) {
		if (!gazetteer_within(gz, p, *last))
			return 0;
		*last = p;
		if (l->n == 1)
			*shared = p;
		return 1;
	}
	for (int k = 0; k < l->n; k++)
		if (gazetteer_within(gz, p, l->v[k]))
			return 1;
	int cp = common_place(gz, *shared, p);
	if (cp < 0)
		return 0;
	if (l->n < FACT_PLACES)
		l->v[l->n++] = p;
	*shared = cp;
	return 1;
}

/* Is b[from..to) only what joins the members of a list? */
static int joins_list(const char *b, size_t from, size_t to)
{
	static const struct word joiners[] = { WORD("、"), WORD("和"), WORD("及"), WORD("与"), WORD("以及") };
	for (size_t k = 0; k < sizeof joiners / sizeof *joiners; k++)
		if (to - from == joiners[k].len && !memcmp(b + from, joiners[k].s, joiners[k].len))
			return 1;
	return 0;
}

void facts_scan_start(const struct ctx *c, struct scan *sc, size_t ss)
{
	sc->ss = sc->pos = ss;
	sc->mi = c->m0;
	sc->place = -1;
	sc->outer = -2;
	sc->scope = SCOPE_NONE;
	sc->list.n = 0;
	sc->place_end = ss;
}

/* The scan has read the place p at [at, at + len): a member of the list before
 * it, or a place of its own. */
static void scan_place(struct ctx *c, const char *b, struct scan *sc, int p, size_t at, size_t len)
{
	int shared = sc->place, run = at == sc->place_end;
	if (!(sc->list.n && sc->place >= 0 && (run || joins_list(b, sc->place_end, at)) &&
	      list_add(c->gz, &sc->list, &shared, p, run))) {
		list_one(&sc->list, p);
		shared = p;
	}
	sc->place = shared;
	sc->place_end = at + len;
}

/* The scan's place was set by other means (全市, a bracket closing): a list of one. */
static void scan_set(struct scan *sc, int p)
{
	sc->place = p;
	list_one(&sc->list, p);
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
void facts_scan_to(struct ctx *c, const char *b, struct scan *sc, size_t pos)
{
	if (pos < sc->pos) { /* a trigger reached back past the last figure: rescan */
		size_t ss = sc->ss;
		facts_scan_start(c, sc, ss);
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
			scan_set(sc, m->place);
			i += m->len;
			continue;
		}
		if (m->what & M_PAREN) { /* 湖北新增0例（武汉0例），新增疑似…: 湖北 again */
			int open = ch == '(' || starts(b + i, pos - i, "（");
			if (open && sc->outer == -2)
				sc->outer = sc->place;
			else if (!open && sc->outer != -2) {
				scan_set(sc, sc->outer);
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
			scan_place(c, b, sc, p, i, len);
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
				scan_set(sc, here);
			i += hl;
			continue;
		}
		i += 3;
	}
	sc->pos = pos;
	sc->mi = k;
}



/* The last date expression in b[ss..pos): 截至4日24时, 1月12日0至12时, 今天, 昨日. */
/* A day with no month is a date when what follows says so: 5日，美国报告…,
 * 22日新增8例, 英国5日公布, 世卫组织18日的最新数据. */
static const struct word day_followers[] = { WORD("，"), WORD(","), WORD("新增"), WORD("报告"), WORD("公布"),
					     WORD("通报"), WORD("发布"), WORD("宣布"), WORD("上午"), WORD("下午"),
					     WORD("晚"), WORD("凌晨"), WORD("中午"), WORD("早"), WORD("当天"),
					     WORD("的最新"), WORD("0时"), WORD("24时"), WORD("零时") };

/* 自3月11日, 从1月24日: a date that opens a period (自…以来, 从…到…) is where
 * it starts, not the day a figure holds. */
static int opens_period(const char *b, size_t ss, size_t i)
{
	return ends_with(b, ss, i, "自") || ends_with(b, ss, i, "从") || ends_with(b, ss, i, "自从");
}

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

static int date_before(const struct ctx *c, const char *b, size_t ss, size_t pos, struct when *w,
		       struct when *since)
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
					      starts(b + j, pos - j, "开始") || starts(b + j, pos - j, "至今") ||
					      opens_period(b, ss, i);
			if (start_of_period && since && (m || prev_m)) { /* 自3月11日…以来: kept as since */
				memset(since, 0, sizeof *since);
				since->y = m ? y : prev_y;
				since->m = m ? m : prev_m;
				since->d = d;
				since->hour = -1;
				since->rel = 99;
			}
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

/* 全国 and 全球: scopes the country list holds, not foreign countries. */
static int is_scope(const struct gazetteer *gz, int p)
{
	return !strcmp(gz->v[p].full_name, "全国") || !strcmp(gz->v[p].full_name, "全球") ||
	       !strcmp(gz->v[p].full_name, "国外");
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
static int places_at(const struct gazetteer *gz, const char *b, size_t i, size_t se, struct place_list *l)
{
	int best = -1, joined = 0;
	l->n = 0;
	for (int n = 0; n < 6 && i < se; n++) {
		int p;
		size_t k = gazetteer_match(gz, b + i, se - i, &p);
		if (!k || !list_add(gz, l, &best, p, !joined))
			break;
		i += k;
		joined = starts(b + i, se - i, "、") || starts(b + i, se - i, "和") || starts(b + i, se - i, "及");
		if (joined)
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
		      void (*fn)(void *arg, size_t at, int place, const struct place_list *l), void *arg)
{
	const char *b = c->a->body;
	const struct mark *m = c->mk->v;
	for (size_t k = m0; k < m1; k++) {
		struct place_list l;
		if (m[k].what & M_DEST) {
			list_one(&l, m[k].place);
			fn(arg, m[k].at, m[k].place, &l);
			continue;
		}
		if (!(m[k].what & (M_PLACE | M_BODY)))
			continue;
		size_t w = dest_word_before(b, lo, m[k].at);
		if (w == m[k].at)
			continue;
		int p = places_at(c->gz, b, m[k].at, se, &l);
		if (p >= 0)
			fn(arg, w, p, &l);
		/* skip the rest of the run or list this destination read */
		while (k + 1 < m1 && m[k + 1].at < m[k].at + m[k].len)
			k++;
	}
}

static void add_dest(void *arg, size_t at, int place, const struct place_list *l)
{
	struct ctx *c = arg;
	if (c->ndests < sizeof c->dests / sizeof *c->dests)
		c->dests[c->ndests++] = (struct dest){ at, place, *l };
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

static void count_dest(void *arg, size_t at, int place, const struct place_list *l)
{
	(void)at;
	(void)l;
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
 * sentence scan so far has found `sentence_place`, standing for the list *list
 * (set only when the place comes from a list). */
static int place_of(struct ctx *c, size_t ss, size_t se, size_t fs, size_t fe, int kind, const struct scan *sc,
		    uint8_t *from, const struct place_list **list)
{
	int sentence_place = sc->place;
	*list = NULL;
	if (is_aid(kind)) {
		find_dests(c, ss, se);
		int before = -1, inside = -1;
		const struct place_list *lb = NULL, *li = NULL, *la = NULL;
		/* one inside the figure's words (1200名援助湖北医护人员); else the nearest
		 * after it, or one inside that (援助湖北医疗队，赶往武汉); else the last
		 * before it */
		int after = -1;
		for (size_t k = 0; k < c->ndests; k++) {
			int p = c->dests[k].place;
			const struct place_list *l = &c->dests[k].list;
			if (c->dests[k].at >= fs && c->dests[k].at < fe && inside < 0) {
				inside = p;
				li = l;
			}
			if (c->dests[k].at >= fe && (after < 0 || gazetteer_within(c->gz, p, after))) {
				after = p;
				la = l;
			}
			if (c->dests[k].at < fs) {
				before = p;
				lb = l;
			}
		}
		if (inside >= 0) {
			after = inside;
			la = li;
		}
		if (after >= 0) {
			*from = FROM_DESTINATION;
			*list = la;
			return after;
		}
		if (before >= 0) {
			*from = FROM_DESTINATION;
			*list = lb;
			return before;
		}
	}
	/* aid named with a foreign country is from there (美国…侨团捐赠): it goes
	 * where the article's aid goes, if the article says */
	if (is_aid(kind) && sentence_place >= 0 && c->gz->v[sentence_place].level == PLACE_COUNTRY &&
	    !is_scope(c->gz, sentence_place) && article_dest(c) >= 0) {
		*from = FROM_ARTICLE;
		return article_dest(c);
	}
	if (sentence_place >= 0) {
		*from = FROM_SENTENCE;
		*list = &sc->list;
		return sentence_place;
	}
	/* the reporter's city (央广网长沙…消息) is not where aid goes */
	if (is_aid(kind) && c->para_place >= 0 && c->a->place && c->para_place == gazetteer_find(c->gz, c->a->place) &&
	    article_dest(c) >= 0) {
		*from = FROM_ARTICLE;
		return article_dest(c);
	}
	if (is_aid(kind) && c->para_place >= 0 && c->gz->v[c->para_place].level == PLACE_COUNTRY &&
	    !is_scope(c->gz, c->para_place) && article_dest(c) >= 0) { /* the donors' country, as above */
		*from = FROM_ARTICLE;
		return article_dest(c);
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

void facts_figure_place(struct ctx *c, size_t ss, size_t se, const struct scan *sc, struct fact *f)
{
	const struct place_list *l;
	f->place = place_of(c, ss, se, f->start, f->end, (int)f->kind, sc, &f->place_from, &l);
	f->nplaces = 0;
	if (l && l->n > 1) { /* a list: all its members, the place they share */
		for (int k = 0; k < l->n; k++)
			f->places[f->nplaces++] = l->v[k];
	} else if (f->place >= 0) {
		f->places[f->nplaces++] = f->place;
	}
}

/* The date of a figure at [fs, fe) of the sentence [ss, se): the last date before
 * it in its sentence, else one after it in its clause (于1月27日), else the
 * paragraph's, else (in an article with no date of its own) the article's, else
 * the article's date. */
static void figure_date_from(struct ctx *c, const char *b, size_t ss, size_t se, size_t fs, size_t fe,
			     struct fact *f);

void facts_figure_date(struct ctx *c, const char *b, size_t ss, size_t se, size_t fs, size_t fe, struct fact *f)
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
	struct when since;
	memset(&since, 0, sizeof since);
	int have = date_before(c, b, ss, fs, &w, &since);
	if (since.m) { /* the start of the period the figure covers */
		struct fact tmp;
		resolve_date(a, &since, 1, &tmp);
		f->since = tmp.date;
	}
	if (have) {
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
	if (date_before(c, b, fe, ce, &w, NULL)) {
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
void facts_remember(struct ctx *c, size_t ss, size_t se, unsigned any)
{
	const char *b = c->a->body;
	struct when w;
	if ((any & (M_NUM | M_REL)) && date_before(c, b, ss, se, &w, NULL) && w.rel != REL_CONTEXT) {
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

const char *facts_where_tables_disagree(void)
{
	for (size_t k = 0; k < sizeof dest_words / sizeof *dest_words; k++)
		if (!facts_dest_may_start(BYTES3(dest_words[k].s, 0)))
			return "dest_words";
	for (size_t k = 0; k < sizeof here_words / sizeof *here_words; k++)
		if (!(facts_marks_of_cp(utf8_cp3((const unsigned char *)here_words[k].w.s)) & M_SCOPE))
			return "here_words";
	return NULL;
}
