#include "dateline.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "xalloc.h"

static const char *const outlets[] = {
	"新华社", "新华网", "中新社", "中新网", "中国新闻网", "人民日报", "人民网", "央视新闻",
	"央视网", "央广网", "中国之声", "中国网", "光明日报", "光明网", "经济日报", "中国日报",
	"中国青年报", "中青网", "中国青年网", "澎湃新闻", "界面新闻", "财新网", "环球时报",
	"环球网", "北京日报", "北京青年报", "北京晚报", "新京报", "解放日报", "文汇报",
	"南方日报", "南方都市报", "羊城晚报", "湖北日报", "长江日报", "楚天都市报", "河北日报",
	"河北新闻网", "河南日报", "大河报", "大河网", "浙江日报", "四川日报", "天津日报",
	"重庆日报", "齐鲁晚报", "大众日报", "新民晚报", "海外网", "荆楚网", "极目新闻",
	"红星新闻", "封面新闻", "上观新闻", "东方网", "南方网", "齐鲁网", "潇湘晨报",
	"华西都市报", "扬子晚报", "现代快报", "钱江晚报", "健康报", "科技日报", "工人日报",
	"法治日报", "法制日报", "农民日报", "中国经济网", "每日经济新闻", "第一财经",
};

static int starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && memcmp(s, w, k) == 0;
}

static int ends(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && memcmp(s + n - k, w, k) == 0;
}

/* A dateline prefix holds no punctuation or spaces. */
static int plain_name(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
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
	for (size_t k = 0; k < sizeof outlets / sizeof *outlets; k++) {
		if (starts(s, n, outlets[k])) {
			size_t ol = strlen(outlets[k]);
			out->source = xstrndup(s, ol);
			const char *p = s + ol;
			size_t pn = n - ol;
			static const char *const tails[] = { "分网", "频道", "分社", "站", "电" };
			for (size_t t = 0; t < sizeof tails / sizeof *tails; t++)
				if (ends(p, pn, tails[t]))
					pn -= strlen(tails[t]);
			if (pn >= 6 && pn <= 30)
				out->place = xstrndup(p, pn);
			return;
		}
	}
	out->source = xstrndup(s, n);
}

/* Skip white space and one parenthetical "(记者 …)" / "（记者…）". */
static size_t skip_byline(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || starts(s + i, n - i, "　")))
		i += s[i] == ' ' ? 1 : 3;
	const char *close = NULL;
	if (i < n && s[i] == '(')
		close = ")";
	else if (starts(s + i, n - i, "（"))
		close = "）";
	if (close) {
		const char *e = memmem(s + i, n - i < 200 ? n - i : 200, close, strlen(close));
		if (e)
			i = (size_t)(e - s) + strlen(close);
	}
	while (i < n && (s[i] == ' ' || starts(s + i, n - i, "　")))
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
	if (find_month_day(s, window, &m, &d, &ms, &me) && ms <= 60 &&
	    (starts(s + me, n - me, "电") || starts(s + me, n - me, "消息") ||
	     starts(s + me, n - me, "讯"))) {
		if (plain_name(s, ms)) {
			if (!starts(s, ms, "本报"))
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
		if (!starts(s, ol, "本报"))
			out->source = xstrndup(s, ol);
		size_t i = skip_byline(s, n, ol + 3);
		size_t rest = n - i < 40 ? n - i : 40;
		if (find_month_day(s + i, rest, &m, &d, &ms, &me) && ms == 0) {
			out->month = m;
			out->day = d;
		}
		return 1;
	}
	/* "M月D日，…" opening the text */
	if (find_month_day(s, window, &m, &d, &ms, &me) && ms == 0) {
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
