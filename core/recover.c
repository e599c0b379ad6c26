#include "recover.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "dateline.h"
#include "lines.h"
#include "outlets.h"
#include "utf8.h"
#include "xalloc.h"

const char *date_from_name(unsigned v)
{
	static const char *const names[] = { NULL,    "field", "meta", "dateline",  "text",
					     "title", "url",   "path", "neighbours" };
	return v < sizeof names / sizeof *names ? names[v] : NULL;
}

const char *article_date_text(const struct article *a, char *buf)
{
	ymd_format(a->date, buf);
	if (ymd_full(a->date) && ART_GET(a->flags, ART_DATE_FROM_SHIFT) == DATE_FROM_NEIGHBOURS)
		strcat(buf, "~");
	return buf;
}

const char *source_from_name(unsigned v)
{
	static const char *const names[] = { NULL,     "field", "label", "dateline", "byline",
					     "title", "url",   "path",  "meta" };
	return v < sizeof names / sizeof *names ? names[v] : NULL;
}

/* ---- titles ---- */

/* Tags a scraper leaves before a title: [视频], 【图文】, 视频｜ */
static const char *const title_tags[] = { "视频", "图文", "组图", "图片", "直播", "快讯",
					  "独家", "音频", "图解", "原创", "现场", "高清" };

static size_t tag_prefix(const char *s, size_t n)
{
	static const char *const open[] = { "[", "【", "［" }, *const close[] = { "]", "】", "］" };
	static const char *const bars[] = { "｜", "|", " | ", " |", "丨" };
	/* every tag and bracket above opens with '[' or a byte of 0xE3 and up */
	if (n < 4 || (s[0] != '[' && (unsigned char)s[0] < 0xE3))
		return 0;
	size_t b0 = 0;
	for (size_t b = 0; b < 3 && !b0; b++)
		if (has_prefix(s, n, open[b]))
			b0 = b + 1;
	for (size_t t = 0; t < sizeof title_tags / sizeof *title_tags; t++) {
		size_t k = strlen(title_tags[t]);
		if (b0) {
			size_t o = strlen(open[b0 - 1]);
			if (has_prefix(s + o, n - o, title_tags[t]) &&
			    has_prefix(s + o + k, n - o - k, close[b0 - 1]))
				return o + k + strlen(close[b0 - 1]);
		} else if (has_prefix(s, n, title_tags[t])) {
			for (size_t b = 0; b < sizeof bars / sizeof *bars; b++)
				if (has_prefix(s + k, n - k, bars[b]))
					return k + strlen(bars[b]);
		}
	}
	return 0;
}

/* A name a title may end with after a separator: a known outlet, or a name
 * that reads as one. */
static int site_name(const char *s, size_t n)
{
	if (n == 0 || utf8_count_upto(s, n, 16) > 15)
		return 0;
	size_t k;
	if (outlet_at(s, n, &k) && k == n)
		return 1;
	static const char *const tails[] = { "网",   "报",   "社",   "台",
					     "新闻", "在线", "频道", "客户端" };
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
		if (has_suffix(s, n, tails[i]) && n > strlen(tails[i]))
			return !memchr(s, ' ', n) && !memmem(s, n, "，", 3) &&
			       !memmem(s, n, "：", 3);
	return 0;
}

/* Does s[0..n) hold a byte that opens one of title_clean's separators: a
 * space, '-', '_', or the lead of —, ｜, －? Most titles do not. */
static int has_separator(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '-' || c == '_' ||
		    (c == 0xE2 && i + 1 < n && (unsigned char)s[i + 1] == 0x80) ||
		    (c == 0xEF && i + 2 < n &&
		     ((unsigned char)s[i + 1] == 0xBD || (unsigned char)s[i + 2] == 0x8D)))
			return 1;
	}
	return 0;
}

char *title_clean(const char *raw, char **suffix)
{
	if (suffix)
		*suffix = NULL;
	const char *s = raw;
	size_t n = strlen(raw), k;
	while ((k = tag_prefix(s, n)) != 0) {
		s += k;
		n -= k;
		while (n && *s == ' ') {
			s++;
			n--;
		}
	}
	/* a site's name after a separator: "… - 人民网", "…--人民网", "…_中国日报网" */
	static const char *const seps[] = { " - ", " — ", " -- ", "--", "——",
					    "_",   " | ", "｜",   " －" };
	int may_split = has_separator(s, n);
	for (size_t i = 0; i < sizeof seps / sizeof *seps && may_split; i++) {
		size_t sl = strlen(seps[i]);
		const char *last = NULL;
		for (const char *p = s; (p = memmem(p, (size_t)(s + n - p), seps[i], sl)) != NULL;
		     p += sl)
			last = p;
		if (!last || last == s)
			continue;
		const char *name = last + sl;
		size_t nn = (size_t)(s + n - name);
		while (nn && name[nn - 1] == ' ')
			nn--;
		if (site_name(name, nn)) {
			if (suffix)
				*suffix = outlet_canonical(name, nn);
			n = (size_t)(last - s);
			break;
		}
	}
	/* a truncation mark */
	for (int again = 1; again;) {
		again = 0;
		while (n && s[n - 1] == ' ')
			n--;
		static const char *const marks[] = { "...", "…", "。。。" };
		for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
			if (has_suffix(s, n, marks[i]) && n > strlen(marks[i])) {
				n -= strlen(marks[i]);
				again = 1;
			}
	}
	while (n && *s == ' ') {
		s++;
		n--;
	}
	return n ? xstrndup(s, n) : xstrdup(raw);
}

/* ---- sources ---- */

/* The bytes of a bracket opening p: "（" 3, "(" 1, else 0. */
static size_t paren_open(const char *p, size_t n)
{
	return has_prefix(p, n, "（") ? 3 : has_prefix(p, n, "(") ? 1 : 0;
}

/* "（央广网 张棉棉）…": the bytes up to and with the closing bracket, found
 * within lim bytes of the opening one, and the span between them; 0 when p
 * opens no bracket or it does not close in time. */
static size_t paren_span(const char *p, size_t n, size_t lim, const char **inner, size_t *inner_n)
{
	size_t o = paren_open(p, n);
	if (!o)
		return 0;
	const char *e = memmem(p + o, n - o < lim ? n - o : lim, o == 1 ? ")" : "）", o);
	if (!e)
		return 0;
	if (inner) {
		*inner = p + o;
		*inner_n = (size_t)(e - (p + o));
	}
	return (size_t)(e - p) + o;
}

/* What may follow an outlet's name in a byline: 记者, 全媒记者 … or a name. */
static int byline_after(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || has_suffix(s, n, "。")))
		n -= s[n - 1] == ' ' ? 1 : 3;
	if (has_prefix(s, n, "+") || has_prefix(s, n, "/") || has_prefix(s, n, "讯") ||
	    has_prefix(s, n, "报道"))
		return 1;
	/* 记者 within a few characters: 全媒记者, 特派记者, 中国交通广播记者, 记者站 */
	const char *x = memmem(s, n < 30 ? n : 30, "记者", 6);
	if (x || has_prefix(s, n, "评论员") || has_prefix(s, n, "通讯员"))
		return !memmem(s, x ? (size_t)(x - s) : 0, "，", 3);
	/* a space, then a person's name and nothing more */
	if (has_prefix(s, n, " ") || has_prefix(s, n, "　")) {
		size_t sp = s[0] == ' ' ? 1 : 3;
		size_t chars = utf8_count_upto(s + sp, n - sp, 12);
		return chars >= 2 && chars <= 10 && !memmem(s + sp, n - sp, "，", 3) &&
		       !memmem(s + sp, n - sp, "。", 3);
	}
	return n == 0;
}

/* A name ending like an outlet's (…报, …网, …社, …在线) right before 记者:
 * "经济参考报记者 …". Unnamed selves (本报, 本网) are not names. */
static char *named_reporter(const char *s, size_t n)
{
	const char *x = memmem(s, n < 45 ? n : 45, "记者", 6);
	if (!x || x == s)
		return NULL;
	size_t k = (size_t)(x - s);
	static const char *const mid[] = { "全媒", "特派", "首席", "融媒体", "见习" };
	for (size_t i = 0; i < sizeof mid / sizeof *mid; i++)
		if (has_suffix(s, k, mid[i]))
			k -= strlen(mid[i]);
	static const char *const tails[] = { "报", "网", "社", "在线" };
	int named = 0;
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
		named |= has_suffix(s, k, tails[i]);
	size_t chars = utf8_count_upto(s, k, 12);
	if (!named || chars < 3 || chars > 10 || has_prefix(s, k, "本") || memchr(s, ' ', k) ||
	    memmem(s, k, "，", 3) || memmem(s, k, "、", 3) || memmem(s, k, "。", 3))
		return NULL;
	for (size_t i = 0; i < k; i++)
		if ((unsigned char)s[i] < 0x80)
			return NULL;
	return xstrndup(s, k);
}

/* Marks and labels that may come before a byline's outlet. The broadcaster's
 * name is one only when a site's name follows ("中央广播电视总台央视网"). */
static size_t byline_lead(const char *s, size_t n)
{
#define LEAD(text, before_outlet) { text, sizeof text - 1, before_outlet }
	static const struct {
		const char *text;
		size_t len;
		int before_outlet; /* a lead only when an outlet's name follows */
	} leads[] = { LEAD("■", 0),	LEAD("●", 0),	  LEAD("▲", 0),	 LEAD("◆", 0),
		      LEAD("整理/", 0), LEAD("整理／", 0), LEAD("文/", 0), LEAD("总台", 1),
		      LEAD("中央广播电视总台", 1) };
#undef LEAD
	for (size_t i = 0; i < sizeof leads / sizeof *leads; i++) {
		size_t k = leads[i].len;
		if (n > k && s[1] == leads[i].text[1] && !memcmp(s, leads[i].text, k) &&
		    (!leads[i].before_outlet || outlet_at(s + k, n - k, NULL)))
			return k;
	}
	return 0;
}

/* A paragraph that is, or opens with, a byline naming an outlet:
 * "湖北日报全媒记者 李剑军", "（楚天都市报记者朱泽）…", "（中国日报山西记者站）".
 * Returns a new string. */
static char *byline_outlet(const char *p, size_t n)
{
	const char *in = p;
	size_t m = n;
	int paren = paren_open(p, n) != 0;
	if (paren) {
		if (!paren_span(p, n, 120, &in, &m))
			return NULL;
	} else if (n > 40 * 4) { /* over 40 characters: 4 bytes a character at most */
		return NULL;
	}
	if (has_suffix(in, m, "摄") || has_suffix(in, m, "供图"))
		return NULL; /* a picture's credit */
	for (size_t lead; (lead = byline_lead(in, m)) != 0;) {
		in += lead;
		m -= lead;
	}
	/* an outlet's name, or 记者 after a name: the cheap tests first */
	size_t k;
	const char *name = outlet_at(in, m, &k);
	if (!name && !memmem(in, m < 45 ? m : 45, "记者", 6))
		return NULL;
	if (!paren && utf8_count_upto(p, n, 41) > 40)
		return NULL;
	if (name)
		return byline_after(in + k, m - k) ? xstrdup(name) : NULL;
	return named_reporter(in, m);
}

/* "《 人民日报 》（ 2020年02月17日 05 版）": the paper and its date. */
static int paper_line(const char *p, size_t n, char **source, struct ymd *date)
{
	if (!has_prefix(p, n, "《") || !has_suffix(p, n, "）") || !memmem(p, n, "版", 3))
		return 0;
	const char *close = memmem(p, n, "》", 3);
	if (!close)
		return 0;
	struct ymd d;
	size_t rest = (size_t)(p + n - close);
	if (find_full_dates(close, rest, &d, NULL, 1) != 1)
		return 0;
	*source = outlet_canonical(p + 3, (size_t)(close - p - 3));
	*date = d;
	return 1;
}

/* "人民网评：…", "【央视快评】…", "解放军报评论员：…": the outlet running the column. */
static const char *column_outlet(const char *t, size_t n)
{
	int tagged = 0;
	if (has_prefix(t, n, "【")) {
		const char *e = memmem(t, n < 40 ? n : 40, "】", 3);
		size_t k;
		/* "【央视快评】…" is the column; "【地评线】南方网评：…" tags it */
		if (e && !outlet_of_column(t + 3, n - 3, &k) && !outlet_at(t + 3, n - 3, &k)) {
			n -= (size_t)(e + 3 - t);
			t = e + 3;
			tagged = 1;
		} else {
			t += 3;
			n -= 3;
		}
	}
	size_t k;
	const char *o = outlet_of_column(t, n, &k);
	if (o)
		return o;
	o = outlet_at(t, n, &k);
	if (!o)
		return NULL;
	static const char *const heads[] = { "评论员", "网评", "时评", "快评", "锐评",
					     "评",     "社论", "观察", "" };
	for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
		if (has_prefix(t + k, n - k, heads[i]) && (heads[i][0] || tagged)) {
			size_t j = k + strlen(heads[i]);
			if (has_prefix(t + j, n - j, "：") || has_prefix(t + j, n - j, ":") ||
			    has_prefix(t + j, n - j, "】") || has_prefix(t + j, n - j, "|") ||
			    has_prefix(t + j, n - j, "｜"))
				return o;
		}
	return NULL;
}

static const char *host_outlet(const char *url)
{
	if (!url)
		return NULL;
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	size_t n = strcspn(h, "/:?#");
	return n ? outlet_of_host(h, n) : NULL;
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_alpha(char c)
{
	return is_upper(c) || is_lower(c);
}

/* Split a path's last components into words at punctuation and at changes
 * between letters and digits or lower and upper case ("CNRPage12" -> CNR Page 12). */
static const char *path_outlet(const char *path)
{
	size_t n = strlen(path);
	/* the file name and the two folders above it */
	size_t from = n;
	for (int seps = 0; from > 0; from--)
		if (path[from - 1] == '/' && ++seps == 3)
			break;
	const char *s = path + from;
	size_t len = n - from;
	/* whole components first (a folder named 人民日报 or xinhuanet.com) */
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && s[e] != '/')
			e++;
		size_t stem = e - i;
		const char *dot = memchr(s + i, '.', stem);
		const char *o = outlet_of_word(s + i, stem);
		if (!o && dot)
			o = outlet_of_host(s + i, stem);
		if (!o && dot && e == len) /* the file's name without its extension */
			o = outlet_of_word(s + i, (size_t)(dot - (s + i)));
		if (o)
			return o;
		i = e + 1;
	}
	for (size_t i = 0; i < len;) {
		if (!is_alpha(s[i])) {
			i++;
			continue;
		}
		size_t e = i;
		if (is_upper(s[e])) {
			while (e < len && is_upper(s[e]))
				e++;
			if (e < len && is_lower(s[e]) && e - i > 1)
				e--; /* "CNRPage": the P begins the next word */
			else
				while (e < len && is_lower(s[e]))
					e++;
		} else {
			while (e < len && is_lower(s[e]))
				e++;
		}
		const char *o = outlet_of_word(s + i, e - i);
		if (o)
			return o;
		i = e;
	}
	return NULL;
}

/* ---- dates ---- */

/* A paragraph that is only a picture's caption: the dateline may follow it. */
static int caption(const char *p, size_t n)
{
	if (has_suffix(p, n, "摄）") || has_suffix(p, n, "摄)") || has_suffix(p, n, "供图）") ||
	    has_suffix(p, n, "供图)") || has_suffix(p, n, "摄") || has_prefix(p, n, "图为") ||
	    memmem(p, n, "央广网发", 12))
		return utf8_count_upto(p, n, 121) <= 120;
	return 0;
}

/* A closing "（本报北京、莫斯科…3月12日电 记者…）": its month and day. */
static int closing_dateline(const char *p, size_t n, int *m, int *d)
{
	size_t o = paren_open(p, n);
	if (!o)
		return 0;
	size_t ms, me, lim = n - o < 300 ? n - o : 300;
	if (!find_month_day(p + o, lim, m, d, &ms, &me) || !has_prefix(p + o + me, lim - me, "电"))
		return 0;
	return !memmem(p + o, ms, "，", 3) && !memmem(p + o, ms, "。", 3);
}

/* A whole paragraph that is one full date: a notice's signature line. */
static int date_line(const char *p, size_t n, struct ymd *d)
{
	if (n > 40)
		return 0;
	size_t at;
	if (find_full_dates(p, n, d, &at, 1) != 1 || at != 0)
		return 0;
	/* nothing but the date (and perhaps a weekday) */
	return !memmem(p, n, "，", 3) && !memmem(p, n, "。", 3);
}

/* A full date opening s: it lies in the first 48 bytes (full-width digits
 * take three each), so no more is read. */
static int date_at_start(const char *s, struct ymd *d)
{
	size_t at, n = strnlen(s, 48);
	return find_full_dates(s, n, d, &at, 1) == 1 && at == 0;
}

#define MAX_TEXT_DATES 64

/* The full dates written in the title and text: the years a dateline may take. */
static size_t text_dates(const struct draft *d, struct ymd *out)
{
	size_t k = 0;
	for (size_t i = 0; i <= d->npara && k < MAX_TEXT_DATES; i++) {
		const char *p = i == 0 ? d->title : d->para[i - 1]; /* the title, then the text */
		size_t n = p ? strlen(p) : 0;
		if (n)
			k += find_full_dates(p, n, out + k, NULL, MAX_TEXT_DATES - k);
	}
	return k;
}

/* A date in the file's name (20200217.json, 2020-02-17.txt), or a year in a
 * folder's (2020/): *y alone when only the year is known. */
static int path_date(const char *path, struct ymd *full, int *year)
{
	*year = 0;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	for (const char *p = base; *p; p++) {
		if (p > base && p[-1] >= '0' && p[-1] <= '9')
			continue;
		if (date_parse(p, full) && full->y >= 1990)
			return 1;
	}
	/* a folder that is a year: ".../2020/..." */
	for (const char *p = path; (p = strchr(p, '/')) != NULL; p++) {
		const char *q = p + 1;
		if (q[0] >= '1' && q[0] <= '2' && strspn(q, "0123456789") == 4 && q[4] == '/') {
			int y = atoi(q);
			if (y >= 1990 && y <= 2100)
				*year = y;
		}
	}
	return 0;
}

void recover_path(const char *path, struct path_facts *pf)
{
	memset(pf, 0, sizeof *pf);
	if (!path_date(path, &pf->date, &pf->year))
		memset(&pf->date, 0, sizeof pf->date);
	pf->outlet = path_outlet(path);
}

static void set_source(struct draft *d, struct article *a, char *s, unsigned from)
{
	if (!s)
		return;
	if (d->source || !*s) {
		free(s);
		return;
	}
	d->source = s;
	ART_SET(a->flags, ART_SOURCE_FROM_SHIFT, from);
}

static void set_date(struct article *a, struct ymd v, unsigned from)
{
	if (ymd_full(a->date) || !ymd_full(v))
		return;
	a->date = v;
	ART_SET(a->flags, ART_DATE_FROM_SHIFT, from);
}

/* The title cleaned; its site suffix, if any, for the source. */
static char *recover_title(struct draft *d)
{
	char *suffix = NULL;
	if (!d->title)
		return NULL;
	char *t = title_clean(d->title, &suffix);
	if (strcmp(t, d->title)) {
		free(d->raw_title);
		d->raw_title = d->title;
		d->title = t;
	} else {
		free(t);
	}
	return suffix;
}

/* The dateline: in the first paragraph, after a byline in brackets, or in the
 * paragraph after a picture's caption; else a closing "（…3月12日电）". */
static void recover_dateline(struct draft *d, struct article *a)
{
	struct dateline dl;
	int have_dl = 0;
	for (size_t i = 0; i < d->npara && i < 2 && !have_dl; i++) {
		const char *p = d->para[i];
		size_t n = strlen(p);
		if (i == 1 && !caption(d->para[0], strlen(d->para[0])))
			break;
		have_dl = dateline_parse(p, n, &dl);
		if (!have_dl) { /* "（央广网 张棉棉）2月5日，…": the byline is read with the others
				 */
			size_t skip = paren_span(p, n, 120, NULL, NULL);
			if (skip && dateline_parse(p + skip, n - skip, &dl)) {
				have_dl = 1;
				free(dl.source);
				dl.source = NULL;
			}
		}
	}
	if (have_dl) {
		if (dl.source)
			set_source(d, a, outlet_canonical(dl.source, strlen(dl.source)),
				   SOURCE_FROM_DATELINE);
		if (!d->place && dl.place) {
			d->place = dl.place;
			dl.place = NULL;
		}
		a->dateline.m = dl.month;
		a->dateline.d = dl.day;
		dateline_free(&dl);
	}
	const char *last = d->npara ? d->para[d->npara - 1] : NULL;
	int m, dd;
	if (!a->dateline.m && last && closing_dateline(last, strlen(last), &m, &dd)) {
		a->dateline.m = m;
		a->dateline.d = dd;
	}
}

/* The source from the text: a byline under the title (then no subtitle), in
 * the first two or last two paragraphs, a paper's closing line (with its
 * date), a column, the title's site suffix, the URL's host. */
static void recover_source(struct draft *d, struct article *a, char *suffix)
{
	if (d->subtitle) {
		char *o = byline_outlet(d->subtitle, strlen(d->subtitle));
		if (o) {
			set_source(d, a, o, SOURCE_FROM_BYLINE);
			d->para = xgrow(d->para, &d->cappara, d->npara + 1, sizeof *d->para);
			memmove(d->para + 1, d->para, d->npara * sizeof *d->para);
			d->para[0] = d->subtitle;
			d->npara++;
			d->subtitle = NULL;
		}
	}
	if (d->source) { /* the rest only finds a source */
		free(suffix);
		return;
	}
	for (size_t i = 0; i < d->npara && !d->source; i++) {
		if (i == 2 && d->npara > 4)
			i = d->npara - 2; /* the first two paragraphs and the last two */
		const char *p = d->para[i];
		size_t n = strlen(p);
		char *src = NULL;
		struct ymd pd;
		if (paper_line(p, n, &src, &pd)) {
			set_source(d, a, src, SOURCE_FROM_BYLINE);
			set_date(a, pd, DATE_FROM_TEXT);
			continue;
		}
		set_source(d, a, byline_outlet(p, n), SOURCE_FROM_BYLINE);
	}
	if (d->title && !d->source) {
		const char *o = column_outlet(d->title, strlen(d->title));
		if (!o && d->raw_title)
			o = column_outlet(d->raw_title, strlen(d->raw_title));
		if (o)
			set_source(d, a, xstrdup(o), SOURCE_FROM_TITLE);
	}
	set_source(d, a, suffix, SOURCE_FROM_TITLE);
	const char *ho = d->source ? NULL : host_outlet(d->url);
	if (ho)
		set_source(d, a, xstrdup(ho), SOURCE_FROM_URL);
}

/* The date from the text, strongest evidence first: the dateline with the
 * year of a full date nearby, a title or lede opening with the date, a
 * closing paper line or signature line, the URL, the path. */
static void recover_date(struct draft *d, struct article *a)
{
	struct ymd td;
	for (size_t i = d->npara > 2 ? d->npara - 2 : 0; i < d->npara && !ymd_full(a->date); i++) {
		char *src = NULL;
		if (paper_line(d->para[i], strlen(d->para[i]), &src, &td)) {
			set_date(a, td, DATE_FROM_TEXT);
			free(src);
		}
	}
	if (!ymd_full(a->date) && a->dateline.m) {
		struct ymd found[MAX_TEXT_DATES];
		size_t nf = text_dates(d, found);
		int y = year_near(a->dateline.m, a->dateline.d, found, nf, RECOVER_SPAN);
		if (y)
			set_date(a, (struct ymd){ y, a->dateline.m, a->dateline.d },
				 DATE_FROM_DATELINE);
	}
	if (!ymd_full(a->date) && d->title && date_at_start(d->title, &td)) /* "2020-3-13 新闻…" */
		set_date(a, td, DATE_FROM_TITLE);
	if (!ymd_full(a->date) && !a->dateline.m && d->npara && date_at_start(d->para[0], &td))
		set_date(a, td, DATE_FROM_TEXT);
	for (size_t i = d->npara > 3 ? d->npara - 3 : 0; i < d->npara && !ymd_full(a->date); i++)
		if (date_line(d->para[i], strlen(d->para[i]), &td))
			set_date(a, td, DATE_FROM_TEXT);
	if (!ymd_full(a->date) && date_from_url(d->url, &td))
		set_date(a, td, DATE_FROM_URL);
	const struct path_facts *pf = d->pathf;
	if (pf && ymd_full(pf->date))
		set_date(a, pf->date, DATE_FROM_PATH);
	else if (pf && pf->year && a->dateline.m &&
		 ymd_valid(pf->year, a->dateline.m, a->dateline.d))
		set_date(a, (struct ymd){ pf->year, a->dateline.m, a->dateline.d }, DATE_FROM_PATH);
	if (!ymd_full(a->date))
		memset(&a->date, 0, sizeof a->date);
}

void recover_draft(struct draft *d, struct article *a)
{
	char *suffix = recover_title(d);
	if (d->source) /* the loader's: the record's field, or a page's meta tag */
		ART_SET(a->flags, ART_SOURCE_FROM_SHIFT, d->source_from ? d->source_from : SOURCE_FROM_FIELD);
	if (ymd_full(d->date))
		set_date(a, d->date, d->date_from ? d->date_from : DATE_FROM_FIELD);
	recover_dateline(d, a);
	recover_source(d, a, suffix);
	recover_date(d, a);
	if (d->pathf && d->pathf->outlet)
		set_source(d, a, xstrdup(d->pathf->outlet), SOURCE_FROM_PATH);
}
