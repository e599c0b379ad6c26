/* Each archive format, detected from content and cleaned into articles. All text here
 * is written for these tests. */
#include <stdlib.h>
#include <string.h>

#include "core/archive.h"
#include "core/format.h"
#include "core/html.h"
#include "core/strbuf.h"
#include "tests/tap.h"

static struct strbuf msgs = STRBUF_INIT;

static void collect(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg;
	sb_addf(&msgs, "%s:%llu: %s\n", path, (unsigned long long)line, msg);
}

static struct diag dg = { collect, NULL, 0 };

static void load(struct archive *ar, const char *name, const char *text)
{
	archive_init(ar);
	sb_reset(&msgs);
	archive_load_buffer(ar, name, (const unsigned char *)text, strlen(text), &dg);
	archive_assign_ids(ar);
}

static const char *para(const struct article *a, size_t i)
{
	static char buf[4096];
	size_t len;
	const char *p = article_para(a, i, &len);
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

static const char blocks[] =
	">>>江城已设置40个隔离点提供床位3200张\n\n"
	"新华社江城2月5日电（记者甲）截至4日24时，江城已设置40个集中隔离点，床位3200张。\n"
	"江城市正在加紧筹集各区的隔离点。\n"
	"（原标题：江城已设置40个隔离点）\n\n"
	"===========NEXT NEWS==========\n\n"
	">>>滨海市“一对一”帮扶一线医护家属\n\n\n"
	"滨海市人民医院6名队员驰援江城\n"
	"央广网海南分网2月13日消息（记者 乙）总有一些画面让人感动。\n\n"
	"===========NEXT NEWS==========\n\n";

static const char json_lines[] =
	"{\"url\": \"https://news.example.cn/c/2020-03-01/doc-1.shtml\", \"title\": \"第一篇\", \"text\": \"来源：江城日报\\n正文第一段。\\n正文第二段。\"}\n"
	"{\"title\": \"坏的一行\", \"text\": \n"
	"{\"title\": \"第三篇\", \"content\": \"内容。\", \"pubtime\": \"2020-03-03 08:00\"}\n";

static const char web[] =
	"某某网您的位置:首页 >国内新闻 >\n\n"
	"滨海市召开疫情防控第十二场新闻发布会\n\n"
	"滨海市召开疫情防控第十二场新闻发布会\n\n"
	"原标题:滨海市召开疫情防控第十二场新闻发布会\n\n"
	"5月7日上午, 滨海市举行新闻发布会,通报最新情况。\n\n"
	"截至5月7日8时, 共设置集中隔离点74个。\n\n"
	"来源:滨海融媒\n\n"
	"责任编辑:\n\n"
	"郑重声明:本文版权归原作者所有,转载文章仅为传播更多信息之目的。\n\n"
	"推荐内容\n\n"
	"另一篇文章的标题\n";

static const char plain[] =
	"紧盯重点部位细化网格管理\n"
	"北川省持续狠抓社区防控\n"
	"北川新闻网讯(北川日报记者丙)1月14日,记者从发布会上获悉,全省累计报告确诊病例52例。\n"
	"全员核酸检测发挥作用\n"
	"从目前情况看,大多数病例通过全员核酸检测及时发现。\n";

static const char paper[] =
	"\n\n我市举行疫情防控第五场新闻发布会\n\n"
	"第二轮核酸检测有序推进\n\n"
	"本报讯(记者 丁)1月12日,我市举行新闻发布会,介绍了全市疫情防控工作最新进展情况。\n\n"
	"一、全力推进第二轮全员核酸检测。第二轮全员核酸检测开展以来,我\n\n"
	"市立足精准、快速、安全、高效的要求推进检测工作。\n\n"
	"二、全力维护市场秩序。针对疫情防控形势,采取了一系列措施。\n\n"
	"二、全力维护市场秩序。针对疫情防控形势,采取了一系列措施。\n\n"
	"近20万只口罩送往一线\n\n"
	"本报讯(记者 戊)记者1月12日获悉,市里为一线志愿者发放了近20万只口罩。\n\n"
	"1月12日上午,某小区开始第二轮核酸检测。\n"
	"本报记者 己 摄\n\n"
	"相关新闻\n\n"
	"强化执行力 做好隔离工作\n\n"
	"(上接第一版)提升检测质量和效率,做到当日采样、当日送检,要严密做好转运工作,\n\n"
	"全流程闭环管理,确保转运安全。\n";

static void join(void *arg, const char *p, size_t n)
{
	struct strbuf *sb = arg;
	sb_add(sb, p, n);
	sb_addc(sb, '|');
}

static const char *html_of(const char *in, int lines_break, struct strbuf *sb)
{
	sb->len = 0;
	sb_addc(sb, '|');
	html_paragraphs(in, strlen(in), lines_break, join, sb);
	return sb->s;
}

static void html_tests(void)
{
	struct strbuf sb = STRBUF_INIT;
	is_str(html_of("<p>一</p><p>二&nbsp;&amp;三</p>", 0, &sb), "|一|二 &三|", "html: <p> makes paragraphs, entities decoded");
	is_str(html_of("甲<br>乙<div>丙</div><script>x()</script><!-- c -->", 0, &sb), "|甲|乙|丙|",
	       "html: <br> and <div> break, scripts and comments go");
	is_str(html_of("<span style=\";\nbackground:white\">第一行\n第二行</span>", 1, &sb), "|第一行|第二行|",
	       "html: a tag split over lines; lines stay paragraphs in a text format");
	/* found by the html fuzzer: a space left inside full-width spaces at an end */
	is_str(html_of("<p>\xe3\x80\x80 正文 \xe3\x80\x80</p>", 0, &sb), "|正文|",
	       "html: paragraphs trimmed of spaces and full-width spaces at both ends");
	is_str(html_of("&lt;p&gt; 写作", 0, &sb), "|<p> 写作|", "html: quoted markup comes out as text");
	ok(html_has_markup("a&amp;b", 7) && !html_has_markup("a<b", 3), "html: markup is tags or entities, not a lone <");
	sb_free(&sb);
}

int main(void)
{
	html_tests();
	struct archive ar;

	is_str(format_name(format_detect(blocks, strlen(blocks))), "blocks", "detects >>> blocks");
	is_str(format_name(format_detect(json_lines, strlen(json_lines))), "json", "detects JSON Lines");
	is_str(format_name(format_detect(web, strlen(web))), "web page", "detects a scraped web page");
	is_str(format_name(format_detect(plain, strlen(plain))), "plain", "detects a plain article");
	is_str(format_name(format_detect(paper, strlen(paper))), "newspaper", "detects a newspaper page");
	is_str(format_name(format_detect(" \n\t", 3)), "empty", "white space only is empty");
	is_str(format_name(format_detect("[1,2]", 5)), "plain", "a JSON array of numbers is not read as records");

	load(&ar, "blocks.txt", blocks);
	is_int((long long)ar.n, 2, "blocks: two articles, trailing separator ignored");
	is_str(ar.art[0].title, "江城已设置40个隔离点提供床位3200张", "blocks: title from the >>> line");
	is_str(ar.art[0].source, "新华社", "blocks: source from the dateline");
	is_str(ar.art[0].place, "江城", "blocks: place from the dateline");
	is_str(ar.art[0].orig_title, "江城已设置40个隔离点", "blocks: (原标题：…) kept as the original title");
	is_int((long long)ar.art[0].npara, 2, "blocks: the original-title line leaves the body");
	is_str(ar.art[1].subtitle, "滨海市人民医院6名队员驰援江城", "blocks: a short line under the title is the subtitle");
	is_str(ar.art[1].source, "央广网", "blocks: 央广网 from '央广网海南分网…消息'");
	is_str(ar.art[1].place, "海南", "blocks: 分网 is not part of the place");
	is_int((long long)ar.art[1].line, 9, "blocks: record line is the >>> line");
	is_int((long long)ar.art[1].offset, (long long)(strstr(blocks, ">>>滨海") - blocks), "blocks: record offset is the >>> line's byte");
	archive_free(&ar);

	load(&ar, "lines.jsonl", json_lines);
	is_int((long long)ar.n, 2, "JSON Lines: the malformed line loses only its own record");
	ok(strstr(msgs.s, "lines.jsonl:2: malformed JSON record") != NULL, "JSON Lines: the bad line is reported with its line number");
	is_str(ar.art[0].url, "https://news.example.cn/c/2020-03-01/doc-1.shtml", "JSON: url kept");
	char date[16];
	is_str(ymd_format(ar.art[0].date, date), "2020-03-01", "JSON: date taken from the URL when the record has none");
	is_str(ar.art[0].source, "江城日报", "JSON: 来源 line becomes the source");
	is_str(para(&ar.art[0], 0), "正文第一段。", "JSON: text split into paragraphs");
	is_str(ymd_format(ar.art[1].date, date), "2020-03-03", "JSON: pubtime field read as the date");
	is_str(para(&ar.art[1], 0), "内容。", "JSON: content field read as the text");
	is_int((long long)ar.art[1].line, 3, "JSON: record line number");
	archive_free(&ar);

	load(&ar, "one.json", "{\"title\": \"单个对象\", \"text\": \"正文。\", \"date\": \"2020-02-17\"}");
	is_int((long long)ar.n, 1, "JSON: a single object without a final newline");
	archive_free(&ar);

	load(&ar, "arr.json", "[\n {\"title\": \"甲\", \"text\": \"一。\"},\n {\"title\": \"乙\", \"text\": \"二。\"}\n]\n");
	is_int((long long)ar.n, 2, "JSON: an array of objects");
	is_int((long long)ar.art[1].line, 3, "JSON: array element line number");
	archive_free(&ar);

	load(&ar, "cut.json", "[{\"title\": \"甲\", \"text\": \"一。\"}, {\"title\": \"乙\", \"te");
	is_int((long long)ar.n, 1, "JSON: a truncated array keeps its complete records");
	ok(strstr(msgs.s, "cut.json:1: truncated JSON record") != NULL, "JSON: truncation is reported");
	archive_free(&ar);

	load(&ar, "esc.json", "{\"title\": \"标题\\u001b[2J\", \"text\": \"正文\\u001b]52;c;eA==\\u0007。\"}");
	is_str(ar.art[0].title, "标题", "JSON: escapes decoded from \\u001b are still stripped");
	is_str(para(&ar.art[0], 0), "正文。", "JSON: OSC 52 in the text is stripped");
	archive_free(&ar);

	load(&ar, "notitle.json", "{\"text\": \"没有标题的文章。第二句。\"}");
	is_str(ar.art[0].title, "没有标题的文章…", "JSON: a record without title is titled by its first sentence");
	archive_free(&ar);

	load(&ar, "page.html.txt", web);
	is_int((long long)ar.n, 1, "web: one article");
	is_str(ar.art[0].title, "滨海市召开疫情防控第十二场新闻发布会", "web: title after the breadcrumb");
	is_str(ar.art[0].source, "滨海融媒", "web: 来源 kept as the source");
	is_str(ar.art[0].orig_title, "滨海市召开疫情防控第十二场新闻发布会", "web: 原标题 kept");
	is_int((long long)ar.art[0].npara, 2, "web: body has no chrome, repeated title, editor, disclaimer or recommendations");
	ok(!strstr(ar.art[0].body, "推荐") && !strstr(ar.art[0].body, "郑重") && !strstr(ar.art[0].body, "首页"), "web: no chrome words left in the body");
	archive_free(&ar);

	load(&ar, "plain.txt", plain);
	is_str(ar.art[0].title, "紧盯重点部位细化网格管理", "plain: first line is the title");
	is_str(ar.art[0].subtitle, "北川省持续狠抓社区防控", "plain: short second line is the subtitle");
	is_str(ar.art[0].source, "北川新闻网", "plain: source from '…讯'");
	is_int((long long)ar.art[0].npara, 3, "plain: section headings stay in the body");
	archive_free(&ar);

	load(&ar, "page3.txt", paper);
	is_int((long long)ar.n, 3, "newspaper: three articles");
	is_str(ar.art[0].title, "我市举行疫情防控第五场新闻发布会", "newspaper: headline");
	is_str(ar.art[0].subtitle, "第二轮核酸检测有序推进", "newspaper: second headline line is the subtitle");
	is_str(para(&ar.art[0], 1), "一、全力推进第二轮全员核酸检测。第二轮全员核酸检测开展以来,我市立足精准、快速、安全、高效的要求推进检测工作。", "newspaper: a paragraph cut by a page break is rejoined");
	is_int((long long)ar.art[0].npara, 3, "newspaper: a paragraph printed twice appears once");
	is_str(ar.art[1].title, "近20万只口罩送往一线", "newspaper: single-line headline");
	is_str(para(&ar.art[1], ar.art[1].npara - 1), "本报记者 己 摄", "newspaper: photo credit stays with the article it follows");
	ok(!strstr(ar.art[1].body, "相关新闻"), "newspaper: the 相关新闻 kicker is not body text");
	is_str(ar.art[2].title, "强化执行力 做好隔离工作", "newspaper: continuation headline");
	ok(ar.art[2].flags & ART_CONTINUED, "newspaper: (上接第一版) is marked as a continuation");
	is_int((long long)ar.art[2].npara, 1, "newspaper: a paragraph ending in a comma joins the next");
	archive_free(&ar);

	/* Every field is sanitized, whatever the format */
	load(&ar, "evil.txt", ">>>标题\x1b[31m红\x1b[0m\n正文\x1b]0;pwned\x07内容。\xe2\x80\xae反转\n");
	is_str(ar.art[0].title, "标题红", "title: SGR sequences removed");
	is_str(para(&ar.art[0], 0), "正文内容。反转", "body: OSC and BiDi override removed");
	archive_free(&ar);

	sb_free(&msgs);
	return done_testing();
}
