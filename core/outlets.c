#include "outlets.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* name: the canonical name. also: other spellings that open a dateline or a
 * byline, '|'-separated. hosts: the sites' registered domains and the words a
 * folder or file of the outlet's pages is named with, '|'-separated. */
struct outlet {
	const char *name, *also, *hosts;
};

static const struct outlet outlets[] = {
	{ "新华社", "新华通讯社", "" },
	{ "新华网", "", "xinhuanet.com|news.cn|xinhua|xinhuanet" },
	{ "中新社", "中国新闻社", "" },
	{ "中新网", "中国新闻网", "chinanews.com|chinanews.com.cn|chinanews" },
	{ "人民日报", "", "paper.people.com.cn" },
	{ "人民网", "", "people.com.cn|people.cn|people" },
	{ "央视新闻", "", "" },
	{ "央视网", "央视", "cctv.com|cntv.cn|cctv" },
	{ "央广网", "央广|中国之声|经济之声|中国交通广播|中华之声|中央人民广播电台", "cnr.cn|cnr" },
	{ "国际在线", "", "cri.cn" },
	{ "经济参考报", "", "jjckb.cn" },
	{ "中央广播电视总台", "", "" },
	{ "中国网", "", "china.com.cn" },
	{ "光明日报", "", "" },
	{ "光明网", "", "gmw.cn|gmw" },
	{ "经济日报", "", "" },
	{ "中国经济网", "", "ce.cn" },
	{ "中国日报", "", "" },
	{ "中国日报网", "", "chinadaily.com.cn|chinadaily" },
	{ "中国青年报", "", "" },
	{ "中国青年网", "中青网", "youth.cn" },
	{ "澎湃新闻", "", "thepaper.cn|thepaper" },
	{ "界面新闻", "", "jiemian.com|jiemian" },
	{ "财新网", "", "caixin.com|caixin" },
	{ "环球时报", "", "" },
	{ "环球网", "", "huanqiu.com|huanqiu" },
	{ "解放军报", "", "81.cn" },
	{ "北京日报", "", "" },
	{ "北京青年报", "", "ynet.com" },
	{ "北京晚报", "", "" },
	{ "新京报", "", "bjnews.com.cn|bjnews" },
	{ "解放日报", "", "" },
	{ "文汇报", "", "whb.cn" },
	{ "南方日报", "", "" },
	{ "南方都市报", "", "oeeee.com" },
	{ "南方网", "", "southcn.com|southcn" },
	{ "羊城晚报", "", "" },
	{ "金羊网", "", "ycwb.com" },
	{ "湖北日报", "", "hubeidaily.net" },
	{ "长江日报", "", "cjrbapp.cjn.cn" },
	{ "楚天都市报", "", "" },
	{ "荆楚网", "", "cnhubei.com|cnhubei" },
	{ "极目新闻", "", "ctdsb.net" },
	{ "河北日报", "", "" },
	{ "河北新闻网", "", "hebnews.cn" },
	{ "河南日报", "", "" },
	{ "大河报", "", "" },
	{ "大河网", "", "dahe.cn|dahe" },
	{ "浙江日报", "", "" },
	{ "四川日报", "", "" },
	{ "天津日报", "", "" },
	{ "重庆日报", "", "" },
	{ "齐鲁晚报", "", "" },
	{ "大众日报", "", "dzwww.com" },
	{ "新民晚报", "", "xinmin.cn" },
	{ "海外网", "", "haiwainet.cn" },
	{ "红星新闻", "", "" },
	{ "封面新闻", "", "thecover.cn" },
	{ "上观新闻", "", "jfdaily.com" },
	{ "东方网", "", "eastday.com|eastday" },
	{ "齐鲁网", "", "iqilu.com" },
	{ "潇湘晨报", "", "" },
	{ "华西都市报", "", "" },
	{ "扬子晚报", "", "yangtse.com" },
	{ "现代快报", "", "xdkb.net" },
	{ "钱江晚报", "", "" },
	{ "健康报", "", "jkb.com.cn" },
	{ "科技日报", "", "stdaily.com" },
	{ "工人日报", "", "workercn.cn" },
	{ "法治日报", "", "legaldaily.com.cn" },
	{ "法制日报", "", "" },
	{ "农民日报", "", "farmer.com.cn" },
	{ "每日经济新闻", "", "nbd.com.cn" },
	{ "第一财经", "", "yicai.com|yicai" },
	{ "党建网", "", "dangjian.cn" },
	{ "中安在线", "", "anhuinews.com" },
	{ "大江网", "", "jxnews.com.cn" },
	{ "新浪新闻", "新浪网", "sina.com.cn|sina.cn|sina" },
	{ "网易新闻", "网易", "163.com" },
	{ "腾讯新闻", "腾讯网", "qq.com" },
	{ "凤凰网", "", "ifeng.com|ifeng" },
	{ "搜狐新闻", "搜狐网", "sohu.com|sohu" },
	{ "俄罗斯卫星通讯社", "卫星通讯社", "sputniknews.cn|sputniknews.com|sputniknews" },
	{ "联合早报", "", "zaobao.com|zaobao.com.sg|zaobao" },
	{ "BBC中文网", "", "bbc.com|bbc.co.uk" },
	{ "德国之声", "", "dw.com" },
	{ "法国国际广播电台", "法广", "rfi.fr" },
	{ "美国之音", "", "voachinese.com|voacantonese.com" },
	{ "纽约时报中文网", "", "cn.nytimes.com" },
	{ "联合新闻网", "", "udn.com" },
	{ "中央社", "中央通讯社", "cna.com.tw" },
	{ "香港电台", "", "rthk.hk" },
	{ "香港01", "", "hk01.com" },
	{ "明报", "", "mingpao.com" },
	{ "星岛日报", "", "stheadline.com" },
};

/* Column titles and the outlets that run them. */
static const struct {
	const char *column, *outlet;
} columns[] = {
	{ "央视快评", "央视网" }, { "东湖评论", "荆楚网" }, { "党建评", "党建网" },
	{ "光明时评", "光明网" }, { "新华时评", "新华社" }, { "人民时评", "人民日报" },
	{ "人民网评", "人民网" }, { "钟声", "人民日报" },
};

#define NOUTLETS (sizeof outlets / sizeof *outlets)

/* Does the '|'-list `list` hold a word w[0..n) (exactly, or case-folded)? */
static int in_list(const char *list, const char *w, size_t n, int fold)
{
	for (const char *p = list; *p;) {
		const char *e = strchr(p, '|');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && (fold ? strncasecmp(p, w, n) == 0 : memcmp(p, w, n) == 0))
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

/* The longest entry of the '|'-list `list` that prefixes s[0..n), or 0. */
static size_t longest_prefix(const char *list, const char *s, size_t n)
{
	size_t best = 0;
	for (const char *p = list; *p;) {
		const char *e = strchr(p, '|');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k > best && k <= n && memcmp(p, s, k) == 0)
			best = k;
		if (!e)
			break;
		p = e + 1;
	}
	return best;
}

const char *outlet_at(const char *s, size_t n, size_t *len)
{
	const char *best = NULL;
	size_t blen = 0;
	for (size_t i = 0; i < NOUTLETS; i++) {
		size_t k = strlen(outlets[i].name);
		if (!(k <= n && memcmp(outlets[i].name, s, k) == 0))
			k = 0;
		size_t a = longest_prefix(outlets[i].also, s, n);
		if (a > k)
			k = a;
		if (k > blen) {
			blen = k;
			best = outlets[i].name;
		}
	}
	if (len)
		*len = blen;
	return best;
}

const char *outlet_of_host(const char *host, size_t n)
{
	/* "www.cnr.cn" matches "cnr.cn": the host is a domain or ends in ".domain" */
	const char *best = NULL;
	size_t blen = 0;
	for (size_t i = 0; i < NOUTLETS; i++) {
		for (const char *p = outlets[i].hosts; *p;) {
			const char *e = strchr(p, '|');
			size_t k = e ? (size_t)(e - p) : strlen(p);
			if (memchr(p, '.', k) && k <= n && k > blen &&
			    strncasecmp(host + n - k, p, k) == 0 && (k == n || host[n - k - 1] == '.')) {
				best = outlets[i].name;
				blen = k;
			}
			if (!e)
				break;
			p = e + 1;
		}
	}
	return best;
}

const char *outlet_of_word(const char *w, size_t n)
{
	if (n < 3)
		return NULL;
	for (size_t i = 0; i < NOUTLETS; i++) {
		if (strlen(outlets[i].name) == n && memcmp(outlets[i].name, w, n) == 0)
			return outlets[i].name;
		if (in_list(outlets[i].hosts, w, n, 1) || in_list(outlets[i].also, w, n, 0))
			return outlets[i].name;
	}
	return NULL;
}

const char *outlet_of_column(const char *s, size_t n, size_t *len)
{
	for (size_t i = 0; i < sizeof columns / sizeof *columns; i++) {
		size_t k = strlen(columns[i].column);
		if (k <= n && memcmp(columns[i].column, s, k) == 0) {
			*len = k;
			return columns[i].outlet;
		}
	}
	return NULL;
}

char *outlet_canonical(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	size_t k;
	const char *known = outlet_at(s, n, &k);
	if (known)
		return xstrdup(known);
	/* cut at a byline, a bracket or a separator */
	static const char *const stops[] = { "记者", "（", "(", "/", "|", " ", "　", "-", "_", "—", "，" };
	size_t end = n;
	for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
		const char *x = memmem(s, end, stops[i], strlen(stops[i]));
		if (x && (size_t)(x - s) < end)
			end = (size_t)(x - s);
	}
	while (end && (s[end - 1] == ' '))
		end--;
	return end ? xstrndup(s, end) : NULL;
}
