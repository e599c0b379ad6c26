#include "dateline.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "lines.h"
#include "outlets.h"
#include "xalloc.h"

/* A dateline prefix holds no punctuation or spaces. */
static int plain_name(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-'))
			return 0;
	}
	static const char *const punct[] = { "，", "。", "、", "（", "(", "：", "“", "《", " " };
	for (size_t k = 0; k < sizeof punct / sizeof *punct; k++)
		if (memmem(s, n, punct[k], strlen(punct[k])))
			return 0;
	return 1;
}

static void split_outlet(const char *s, size_t n, struct dateline *out)
{
	size_t ol;
	const char *name = outlet_at(s, n, &ol);
	if (!name) {
		out->source = xstrndup(s, n);
		return;
	}
	out->source = xstrdup(name);
	const char *p = s + ol;
	size_t pn = n - ol;
	/* "经济日报-中国经济网武汉": a second outlet after a hyphen */
	size_t k;
	while (pn && *p == '-') {
		p++;
		pn--;
		if (outlet_at(p, pn, &k)) {
			p += k;
			pn -= k;
		}
	}
	static const char *const tails[] = { "分网", "频道", "分社", "站", "电" };
	for (size_t t = 0; t < sizeof tails / sizeof *tails; t++)
		if (has_suffix(p, pn, tails[t]))
			pn -= strlen(tails[t]);
	if (pn >= 6 && pn <= 30)
		out->place = xstrndup(p, pn);
}

/* Skip white space and one parenthetical "(记者 …)" / "（记者…）". */
static size_t skip_byline(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || has_prefix(s + i, n - i, "　")))
		i += s[i] == ' ' ? 1 : 3;
	const char *close = NULL;
	if (i < n && s[i] == '(')
		close = ")";
	else if (has_prefix(s + i, n - i, "（"))
		close = "）";
	if (close) {
		const char *e = memmem(s + i, n - i < 200 ? n - i : 200, close, strlen(close));
		if (e)
			i = (size_t)(e - s) + strlen(close);
	}
	while (i < n && (s[i] == ' ' || has_prefix(s + i, n - i, "　")))
		i += s[i] == ' ' ? 1 : 3;
	return i;
}

int dateline_parse(const char *s, size_t n, struct dateline *out)
{
	memset(out, 0, sizeof *out);
	int m, d;
	size_t ms, me;
	size_t window = n < 120 ? n : 120;

	/* "<outlet><place>M月D日电" or "…M月D日消息" / "…M月D日讯" */
	int have_md = find_month_day(s, window, &m, &d, &ms, &me);
	if (have_md && ms <= 60 &&
	    (has_prefix(s + me, n - me, "电") || has_prefix(s + me, n - me, "消息") ||
	     has_prefix(s + me, n - me, "讯") || has_prefix(s + me, n - me, "（记者") ||
	     has_prefix(s + me, n - me, "(记者"))) {
		if (plain_name(s, ms)) {
			if (!has_prefix(s, ms, "本报"))
				split_outlet(s, ms, out);
			out->month = m;
			out->day = d;
			return 1;
		}
	}
	/* "<outlet>讯（记者…）M月D日" */
	const char *xun = memmem(s, window < 45 ? window : 45, "讯", 3);
	if (xun && plain_name(s, (size_t)(xun - s))) {
		size_t ol = (size_t)(xun - s);
		if (!has_prefix(s, ol, "本报"))
			out->source = xstrndup(s, ol);
		size_t i = skip_byline(s, n, ol + 3), ds, de;
		size_t rest = n - i < 40 ? n - i : 40;
		if (find_month_day(s + i, rest, &m, &d, &ds, &de) && ds == 0) {
			out->month = m;
			out->day = d;
		}
		return 1;
	}
	/* "央视网消息：…", "央视网消息（焦点访谈）：…": an outlet, no date */
	size_t ol;
	const char *name = outlet_at(s, window, &ol);
	if (name && (has_prefix(s + ol, n - ol, "消息：") || has_prefix(s + ol, n - ol, "消息（") ||
		     has_prefix(s + ol, n - ol, "消息:") || has_prefix(s + ol, n - ol, "消息 "))) {
		out->source = xstrdup(name);
		return 1;
	}
	/* "M月D日，…" opening the text (the first month and day found above) */
	if (have_md && ms == 0) {
		out->month = m;
		out->day = d;
		return 1;
	}
	return 0;
}

void dateline_free(struct dateline *dl)
{
	free(dl->source);
	free(dl->place);
	memset(dl, 0, sizeof *dl);
}
