#include "outlets.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* One spelling of an outlet: what is written (a name, another name that opens a
 * dateline or byline, a site's registered domain, a word a folder or file of
 * its pages is named with) and the outlet's canonical name. */
struct spelling {
	const char *text;
	size_t len;
	const char *outlet;
};

/* clang-format off */
#define S(text, outlet) { text, sizeof text - 1, outlet }

/* Names and the other names they go by, as written in Chinese text, in byte
 * order (strcmp): outlet_at finds a first character by binary search, and
 * tests/outlets.test checks the order. */
static const struct spelling names[] = {
	S("BBC中文网", "BBC中文网"),
	S("上观新闻", "上观新闻"),
	S("东方网", "东方网"),
	S("中华之声", "央广网"),
	S("中国之声", "央广网"),
	S("中国交通广播", "央广网"),
	S("中国新闻社", "中新社"),
	S("中国新闻网", "中新网"),
	S("中国日报", "中国日报"),
	S("中国日报网", "中国日报网"),
	S("中国经济网", "中国经济网"),
	S("中国网", "中国网"),
	S("中国青年报", "中国青年报"),
	S("中国青年网", "中国青年网"),
	S("中央人民广播电台", "央广网"),
	S("中央广播电视总台", "中央广播电视总台"),
	S("中央社", "中央社"),
	S("中央通讯社", "中央社"),
	S("中安在线", "中安在线"),
	S("中新社", "中新社"),
	S("中新网", "中新网"),
	S("中青网", "中国青年网"),
	S("人民日报", "人民日报"),
	S("人民网", "人民网"),
	S("俄罗斯卫星通讯社", "俄罗斯卫星通讯社"),
	S("健康报", "健康报"),
	S("光明日报", "光明日报"),
	S("光明网", "光明网"),
	S("党建网", "党建网"),
	S("农民日报", "农民日报"),
	S("凤凰网", "凤凰网"),
	S("北京日报", "北京日报"),
	S("北京晚报", "北京晚报"),
	S("北京青年报", "北京青年报"),
	S("华西都市报", "华西都市报"),
	S("南方日报", "南方日报"),
	S("南方网", "南方网"),
	S("南方都市报", "南方都市报"),
	S("卫星通讯社", "俄罗斯卫星通讯社"),
	S("四川日报", "四川日报"),
	S("国际在线", "国际在线"),
	S("大众日报", "大众日报"),
	S("大江网", "大江网"),
	S("大河报", "大河报"),
	S("大河网", "大河网"),
	S("天津日报", "天津日报"),
	S("央广", "央广网"),
	S("央广网", "央广网"),
	S("央视", "央视网"),
	S("央视新闻", "央视新闻"),
	S("央视网", "央视网"),
	S("封面新闻", "封面新闻"),
	S("工人日报", "工人日报"),
	S("德国之声", "德国之声"),
	S("扬子晚报", "扬子晚报"),
	S("搜狐新闻", "搜狐新闻"),
	S("搜狐网", "搜狐新闻"),
	S("文汇报", "文汇报"),
	S("新京报", "新京报"),
	S("新华社", "新华社"),
	S("新华网", "新华网"),
	S("新华通讯社", "新华社"),
	S("新民晚报", "新民晚报"),
	S("新浪新闻", "新浪新闻"),
	S("新浪网", "新浪新闻"),
	S("明报", "明报"),
	S("星岛日报", "星岛日报"),
	S("极目新闻", "极目新闻"),
	S("楚天都市报", "楚天都市报"),
	S("每日经济新闻", "每日经济新闻"),
	S("河北新闻网", "河北新闻网"),
	S("河北日报", "河北日报"),
	S("河南日报", "河南日报"),
	S("法制日报", "法制日报"),
	S("法国国际广播电台", "法国国际广播电台"),
	S("法广", "法国国际广播电台"),
	S("法治日报", "法治日报"),
	S("浙江日报", "浙江日报"),
	S("海外网", "海外网"),
	S("湖北日报", "湖北日报"),
	S("潇湘晨报", "潇湘晨报"),
	S("澎湃新闻", "澎湃新闻"),
	S("环球时报", "环球时报"),
	S("环球网", "环球网"),
	S("现代快报", "现代快报"),
	S("界面新闻", "界面新闻"),
	S("科技日报", "科技日报"),
	S("第一财经", "第一财经"),
	S("红星新闻", "红星新闻"),
	S("纽约时报中文网", "纽约时报中文网"),
	S("经济之声", "央广网"),
	S("经济参考报", "经济参考报"),
	S("经济日报", "经济日报"),
	S("网易", "网易新闻"),
	S("网易新闻", "网易新闻"),
	S("羊城晚报", "羊城晚报"),
	S("美国之音", "美国之音"),
	S("联合新闻网", "联合新闻网"),
	S("联合早报", "联合早报"),
	S("腾讯新闻", "腾讯新闻"),
	S("腾讯网", "腾讯新闻"),
	S("荆楚网", "荆楚网"),
	S("解放军报", "解放军报"),
	S("解放日报", "解放日报"),
	S("财新网", "财新网"),
	S("重庆日报", "重庆日报"),
	S("金羊网", "金羊网"),
	S("钱江晚报", "钱江晚报"),
	S("长江日报", "长江日报"),
	S("香港01", "香港01"),
	S("香港电台", "香港电台"),
	S("齐鲁晚报", "齐鲁晚报"),
	S("齐鲁网", "齐鲁网"),
};

/* Registered domains: "www.cnr.cn" is cnr.cn's. */
static const struct spelling domains[] = {
	S("xinhuanet.com", "新华网"), S("news.cn", "新华网"),
	S("chinanews.com", "中新网"), S("chinanews.com.cn", "中新网"),
	S("paper.people.com.cn", "人民日报"),
	S("people.com.cn", "人民网"), S("people.cn", "人民网"),
	S("cctv.com", "央视网"), S("cntv.cn", "央视网"),
	S("cnr.cn", "央广网"),
	S("cri.cn", "国际在线"),
	S("jjckb.cn", "经济参考报"),
	S("china.com.cn", "中国网"),
	S("gmw.cn", "光明网"),
	S("ce.cn", "中国经济网"),
	S("chinadaily.com.cn", "中国日报网"),
	S("youth.cn", "中国青年网"),
	S("thepaper.cn", "澎湃新闻"),
	S("jiemian.com", "界面新闻"),
	S("caixin.com", "财新网"),
	S("huanqiu.com", "环球网"),
	S("81.cn", "解放军报"),
	S("ynet.com", "北京青年报"),
	S("bjnews.com.cn", "新京报"),
	S("whb.cn", "文汇报"),
	S("oeeee.com", "南方都市报"),
	S("southcn.com", "南方网"),
	S("ycwb.com", "金羊网"),
	S("hubeidaily.net", "湖北日报"),
	S("cjrbapp.cjn.cn", "长江日报"),
	S("cnhubei.com", "荆楚网"),
	S("ctdsb.net", "极目新闻"),
	S("hebnews.cn", "河北新闻网"),
	S("dahe.cn", "大河网"),
	S("dzwww.com", "大众日报"),
	S("xinmin.cn", "新民晚报"),
	S("haiwainet.cn", "海外网"),
	S("thecover.cn", "封面新闻"),
	S("jfdaily.com", "上观新闻"),
	S("eastday.com", "东方网"),
	S("iqilu.com", "齐鲁网"),
	S("yangtse.com", "扬子晚报"),
	S("xdkb.net", "现代快报"),
	S("jkb.com.cn", "健康报"),
	S("stdaily.com", "科技日报"),
	S("workercn.cn", "工人日报"),
	S("legaldaily.com.cn", "法治日报"),
	S("farmer.com.cn", "农民日报"),
	S("nbd.com.cn", "每日经济新闻"),
	S("yicai.com", "第一财经"),
	S("dangjian.cn", "党建网"),
	S("anhuinews.com", "中安在线"),
	S("jxnews.com.cn", "大江网"),
	S("sina.com.cn", "新浪新闻"), S("sina.cn", "新浪新闻"),
	S("163.com", "网易新闻"),
	S("qq.com", "腾讯新闻"),
	S("ifeng.com", "凤凰网"),
	S("sohu.com", "搜狐新闻"),
	S("sputniknews.cn", "俄罗斯卫星通讯社"), S("sputniknews.com", "俄罗斯卫星通讯社"),
	S("zaobao.com", "联合早报"), S("zaobao.com.sg", "联合早报"),
	S("bbc.com", "BBC中文网"), S("bbc.co.uk", "BBC中文网"),
	S("dw.com", "德国之声"),
	S("rfi.fr", "法国国际广播电台"),
	S("voachinese.com", "美国之音"), S("voacantonese.com", "美国之音"),
	S("cn.nytimes.com", "纽约时报中文网"),
	S("udn.com", "联合新闻网"),
	S("cna.com.tw", "中央社"),
	S("rthk.hk", "香港电台"),
	S("hk01.com", "香港01"),
	S("mingpao.com", "明报"),
	S("stheadline.com", "星岛日报"),
};

/* Words that name an outlet in a folder or file name, in any case. */
static const struct spelling words[] = {
	S("xinhua", "新华网"), S("xinhuanet", "新华网"),
	S("chinanews", "中新网"),
	S("people", "人民网"),
	S("cctv", "央视网"),
	S("cnr", "央广网"),
	S("gmw", "光明网"),
	S("chinadaily", "中国日报网"),
	S("thepaper", "澎湃新闻"),
	S("jiemian", "界面新闻"),
	S("caixin", "财新网"),
	S("huanqiu", "环球网"),
	S("bjnews", "新京报"),
	S("southcn", "南方网"),
	S("cnhubei", "荆楚网"),
	S("dahe", "大河网"),
	S("eastday", "东方网"),
	S("yicai", "第一财经"),
	S("sina", "新浪新闻"),
	S("ifeng", "凤凰网"),
	S("sohu", "搜狐新闻"),
	S("sputniknews", "俄罗斯卫星通讯社"),
	S("zaobao", "联合早报"),
};

/* Column titles and the outlets that run them. */
static const struct spelling columns[] = {
	S("央视快评", "央视网"), S("东湖评论", "荆楚网"), S("党建评", "党建网"), S("光明时评", "光明网"),
	S("新华时评", "新华社"), S("人民时评", "人民日报"), S("人民网评", "人民网"), S("钟声", "人民日报"),
};
/* clang-format on */

#define COUNT(a) (sizeof a / sizeof *a)

/* The first k (at most 3) bytes of s as a number that orders as memcmp does;
 * s holds k bytes or ends with a NUL before. */
static uint32_t prefix_key(const char *s, size_t k)
{
	uint32_t v = 0;
	for (size_t i = 0; i < 3; i++) {
		unsigned char c = i < k ? (unsigned char)s[i] : 0;
		v = v << 8 | c;
		if (!c)
			k = 0; /* the name ended: nothing after its NUL is read */
	}
	return v;
}

const char *outlet_at(const char *s, size_t n, size_t *len)
{
	const char *best = NULL;
	size_t blen = 0, lo = 0, hi = COUNT(names);
	if (n == 0)
		goto done;
	/* the first name whose first byte and the next two are not below s's,
	 * compared as one number (a name's NUL pads the shorter ones) */
	size_t k = n < 3 ? n : 3;
	uint32_t key = prefix_key(s, k);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (prefix_key(names[mid].text, k) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* the names that share those bytes follow one another */
	for (size_t i = lo; i < COUNT(names) && prefix_key(names[i].text, k) == key; i++) {
		const struct spelling *p = &names[i];
		if (p->len > blen && p->len <= n && !memcmp(p->text, s, p->len)) {
			blen = p->len;
			best = p->outlet;
		}
	}
done:
	if (len)
		*len = blen;
	return best;
}

int outlets_sorted(void)
{
	for (size_t i = 1; i < COUNT(names); i++)
		if (strcmp(names[i - 1].text, names[i].text) >= 0)
			return 0;
	return 1;
}

const char *outlet_of_host(const char *host, size_t n)
{
	const char *best = NULL;
	size_t blen = 0;
	for (size_t i = 0; i < COUNT(domains); i++) {
		const struct spelling *p = &domains[i];
		if (p->len > blen && p->len <= n &&
		    (host[n - 1] | 0x20) == (p->text[p->len - 1] | 0x20) && /* cheap first */
		    strncasecmp(host + n - p->len, p->text, p->len) == 0 &&
		    (p->len == n || host[n - p->len - 1] == '.')) {
			best = p->outlet;
			blen = p->len;
		}
	}
	return best;
}

const char *outlet_of_word(const char *w, size_t n)
{
	if (n < 3)
		return NULL;
	for (size_t i = 0; i < COUNT(names); i++)
		if (names[i].len == n && !memcmp(names[i].text, w, n))
			return names[i].outlet;
	for (size_t i = 0; i < COUNT(words); i++)
		if (words[i].len == n && !strncasecmp(words[i].text, w, n))
			return words[i].outlet;
	return NULL;
}

const char *outlet_of_column(const char *s, size_t n, size_t *len)
{
	for (size_t i = 0; i < COUNT(columns); i++)
		if (columns[i].len <= n && !memcmp(columns[i].text, s, columns[i].len)) {
			*len = columns[i].len;
			return columns[i].outlet;
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
	static const char *const stops[] = { "记者", "（", "(", "/", "|", " ",
					     "　",   "-",  "_", "—", "，" };
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
