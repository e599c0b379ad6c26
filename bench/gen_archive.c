/* gen-archive: write a deterministic synthetic archive of any size, in every loader
 * format, with the measures it planted as an answer key.
 *
 *   gen-archive [--seed N] [--mb SIZE] [--shape mixed|html-json|pages] DIR
 *
 * DIR gets part-NNNN files (>>> blocks, JSON Lines, newspaper pages) of about 8 MB
 * each, a few one-article plain and web-page files, and answers.tsv with one line
 * per planted fact: title, kind, value. With --shape html-json every part is JSON
 * Lines whose text is HTML (<p> paragraphs, entities); with --shape pages every
 * article is a saved web page of its own (page-NNNNNNN.html, with a menu,
 * related links and a footer), 1000 to a folder. All text is made from the
 * templates here. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* splitmix64: the same stream on every machine */
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static long range(long lo, long hi)
{
	return lo + (long)(rnd() % (uint64_t)(hi - lo + 1));
}

static const char *pick(const char *const *v, size_t n)
{
	return v[rnd() % n];
}
#define PICK(a) pick(a, sizeof a / sizeof *a)

static const char *const cities[] = {
	"武汉", "石家庄", "许昌", "西安", "广州", "成都", "南京", "杭州", "长春", "哈尔滨", "郑州",
	"沈阳", "昆明", "厦门", "青岛", "南宁", "合肥", "福州", "南昌", "济南", "长沙", "贵阳",
	"兰州", "西宁", "银川", "太原", "呼和浩特", "大连", "宁波", "苏州", "无锡", "温州", "泉州",
	"佛山", "东莞", "深圳", "珠海", "汕头", "海口", "三亚", "拉萨", "乌鲁木齐", "邢台", "廊坊",
	"保定", "唐山", "洛阳", "开封", "宜昌", "襄阳", "黄冈", "孝感", "荆州", "绵阳", "遵义",
};
static const char *const outlets[] = { "新华社", "中新社", "央广网", "人民网", "澎湃新闻" };
static const char *const reporters[] = { "张明", "李华", "王晓东", "赵静", "陈立", "刘洋",
					 "周敏", "吴涛", "郑雪", "孙浩", "马丽", "朱峰" };
static const char *const filler[] = {
	"连日来，各社区工作人员坚守岗位，逐户登记、测温，耐心解答居民提出的问题。",
	"相关负责人表示，下一步将继续压实属地责任，做好重点人群的健康监测和服务保障。",
	"记者在现场看到，居民按照地面标识保持间隔，有序排队，现场秩序井然。",
	"据介绍，为保障群众基本生活，商超、农贸市场的货源供应充足，价格总体平稳。",
	"医护人员每天轮班工作，部分人员已经连续多日没有回家。",
	"指挥部要求，各区要进一步完善工作方案，确保各项措施落实到位、不留死角。",
	"不少居民主动报名，协助开展物资配送和秩序维护等工作。",
	"专家提醒，市民应坚持佩戴口罩、勤洗手、少聚集，出现发热等症状及时就医。",
	"会议强调，要坚持科学精准，统筹做好疫情防控和经济社会发展各项工作。",
	"社区党组织发挥战斗堡垒作用，党员干部下沉一线，与群众一起守好家门。",
	"交通部门加强道路管控，对进出车辆和人员严格落实查验措施。",
	"学校按照防控要求调整教学安排，开展线上教学，保障学生学习进度。",
	"企业在做好防护的前提下有序复工复产，生产生活秩序逐步恢复。",
	"市场监管部门加大检查力度，严厉打击哄抬物价等违法行为。",
	"心理咨询热线全天开通，为有需要的市民提供心理疏导服务。",
	"各级党员干部闻令而动，冲锋在前，筑牢疫情防控的坚固防线。",
};

struct planted {
	const char *kind;
	long value;
};

struct article {
	char title[256];
	char sub[128];
	char body[4096];
	int y, m, d;
	struct planted facts[8];
	int nfacts;
};

static void addf(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#include <stdarg.h>
static void addf(char *buf, size_t cap, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, cap - len, fmt, ap);
	va_end(ap);
}

static void plant(struct article *a, const char *kind, long v)
{
	if (a->nfacts < 8)
		a->facts[a->nfacts++] = (struct planted){ kind, v };
}

static void fill(struct article *a, int k)
{
	for (int i = 0; i < k; i++)
		addf(a->body, sizeof a->body, "%s\n", PICK(filler));
}

static void make_article(struct article *a, long serial)
{
	memset(a, 0, sizeof *a);
	const char *city = PICK(cities);
	a->y = (int)range(2020, 2022);
	a->m = (int)range(1, 12);
	a->d = (int)range(2, 28);
	int kind = (int)(rnd() % 6);
	long n1 = range(10, 200), n2 = range(1000, 20000), n3 = range(500, 9000);
	switch (kind) {
	case 0:
		snprintf(a->title, sizeof a->title, "%s已设置%ld个集中隔离点（%ld）", city, n1, serial);
		addf(a->body, sizeof a->body,
		     "%s%s%d月%d日电（记者%s）截至%d日24时，%s已设置%ld个集中隔离点，床位%ld张，集中隔离各类人员%ld人。\n",
		     PICK(outlets), city, a->m, a->d, PICK(reporters), a->d - 1, city, n1, n2, n3);
		plant(a, "isolation_sites", n1);
		plant(a, "beds", n2);
		plant(a, "isolated_people", n3);
		break;
	case 1: {
		long c = range(5, 400), as = range(3, 300), cl = range(500, 9000), sc = range(2000, 40000);
		long lz = range(5, 60), cz = range(20, 200);
		snprintf(a->title, sizeof a->title, "%s市召开疫情防控新闻发布会（%ld）", city, serial);
		addf(a->body, sizeof a->body,
		     "截至%d月%d日8时，%s市本轮疫情共报告本土确诊病例%ld例、无症状感染者%ld例。\n"
		     "已排查密接%ld人，次密接%ld人。全市划定封控区%ld个、管控区%ld个。咨询电话%ld，24小时开通。\n",
		     a->m, a->d, city, c, as, cl, sc, lz, cz, range(60000000, 69999999));
		plant(a, "confirmed", c);
		plant(a, "asymptomatic", as);
		plant(a, "close_contacts", cl);
		plant(a, "secondary_contacts", sc);
		plant(a, "lockdown_zones", lz);
		plant(a, "control_zones", cz);
		break;
	}
	case 2: {
		long s = range(200000, 9000000), t = s - range(1000, 90000), p = range(1, 30);
		long sites = range(800, 14000), labs = range(8, 60);
		snprintf(a->title, sizeof a->title, "%s第%s轮全员核酸检测有序推进（%ld）", city,
			 (const char *[]){ "二", "三", "四" }[rnd() % 3], serial);
		addf(a->body, sizeof a->body,
		     "%d月%d日，%s市全员核酸检测有序推进。全市共设置采样点%ld个，%ld家检测机构参与。\n"
		     "截至%d月%d日12时，全市累计采样%ld人，已检测%ld份，检测出阳性%ld人。\n",
		     a->m, a->d, city, sites, labs, a->m, a->d, s, t, p);
		plant(a, "sampling_sites", sites);
		plant(a, "test_labs", labs);
		plant(a, "samples_collected", s);
		plant(a, "tests_done", t);
		plant(a, "test_positive", p);
		break;
	}
	case 3: {
		long dis = range(3, 80), nw = range(1, 40), sev = range(1, 12);
		snprintf(a->title, sizeof a->title, "%s%ld例确诊病例治愈出院（%ld）", city, dis, serial);
		addf(a->body, sizeof a->body,
		     "%d月%d日，%s市%ld例确诊病例治愈出院。当日%s市新增确诊病例%ld例，无死亡病例。目前在院治疗的患者中有重症%ld例。\n",
		     a->m, a->d, city, dis, city, nw, sev);
		plant(a, "discharged", dis);
		plant(a, "new_confirmed", nw);
		plant(a, "deaths", 0);
		plant(a, "severe", sev);
		break;
	}
	case 4: {
		long masks = range(2, 60), suits = range(500, 20000), funds = range(10, 900), vol = range(100, 9000);
		snprintf(a->title, sizeof a->title, "爱心企业向%s一线捐赠防疫物资（%ld）", city, serial);
		addf(a->body, sizeof a->body,
		     "%d月%d日，一批爱心企业向%s抗疫一线捐赠口罩%ld万只、防护服%ld套，价值%ld万元。\n"
		     "这批物资将发放给社区工作者和%ld名志愿者。\n",
		     a->m, a->d, city, masks, suits, funds, vol);
		plant(a, "supplies", masks * 10000);
		plant(a, "supplies", suits);
		plant(a, "funds", funds * 10000);
		plant(a, "volunteers", vol);
		break;
	}
	default: {
		long beds = range(300, 3000), staff = range(20, 500);
		snprintf(a->title, sizeof a->title, "%s新建方舱医院投入使用（%ld）", city, serial);
		addf(a->body, sizeof a->body,
		     "%d月%d日，%s新建的方舱医院正式投入使用，可提供%ld张床位，%ld名医务人员进驻。\n",
		     a->m, a->d, city, beds, staff);
		plant(a, "beds", beds);
		plant(a, "medical_staff", staff);
	}
	}
	fill(a, (int)range(2, 6));
	snprintf(a->sub, sizeof a->sub, "%s持续做好疫情防控工作", city);
}

static void json_escape(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	}
}

/* s with each line as an HTML paragraph, "&" written as an entity. */
static void html_paras(FILE *f, const char *s, int json)
{
	fputs("<p>", f);
	for (; *s; s++) {
		if (*s == '\n')
			fputs(json ? "</p>\\n<p>" : "</p>\n<p>", f);
		else if (*s == '&')
			fputs("&amp;", f);
		else if (json && (*s == '"' || *s == '\\'))
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
	fputs("</p>", f);
}

static void write_page(FILE *f, const struct article *a)
{
	fprintf(f, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%s_示例新闻网</title>\n"
		   "<meta property=\"article:published_time\" content=\"%04d-%02d-%02dT08:00:00+08:00\">\n"
		   "<script>var s = 1;</script></head><body>\n"
		   "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/gn\">国内</a> <a href=\"/gj\">国际</a></div>\n"
		   "<div class=\"article\"><h1>%s</h1>\n",
		a->title, a->y, a->m, a->d, a->title);
	html_paras(f, a->body, 0);
	fputs("\n</div>\n<div class=\"related\"><h3>相关阅读</h3><ul><li><a href=\"/x\">其他文章</a></li></ul></div>\n"
	      "<footer>版权所有 示例新闻网</footer>\n</body></html>\n",
	      f);
}

static void write_answers(FILE *ans, const struct article *a)
{
	for (int i = 0; i < a->nfacts; i++)
		fprintf(ans, "%s\t%s\t%ld\n", a->title, a->facts[i].kind, a->facts[i].value);
}

int main(int argc, char **argv)
{
	uint64_t seed = 2020;
	long mb = 100;
	const char *dir = NULL, *shape = "mixed";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--mb") && i + 1 < argc)
			mb = atol(argv[++i]);
		else if (!strcmp(argv[i], "--shape") && i + 1 < argc)
			shape = argv[++i];
		else if (argv[i][0] != '-')
			dir = argv[i];
		else {
			fprintf(stderr, "usage: gen-archive [--seed N] [--mb SIZE] [--shape mixed|html-json|pages] DIR\n");
			return 2;
		}
	}
	int html_json = !strcmp(shape, "html-json"), pages = !strcmp(shape, "pages");
	if (!html_json && !pages && strcmp(shape, "mixed"))
		dir = NULL;
	if (!dir || mb <= 0) {
		fprintf(stderr, "usage: gen-archive [--seed N] [--mb SIZE] [--shape mixed|html-json|pages] DIR\n");
		return 2;
	}
	rng_state = seed;
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		perror(dir);
		return 1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/answers.tsv", dir);
	FILE *ans = fopen(path, "w");
	if (!ans) {
		perror(path);
		return 1;
	}
	long long total = 0, limit = (long long)mb << 20;
	long serial = 0;
	int part = 0;
	struct article a, prev;
	memset(&prev, 0, sizeof prev);
	if (pages) {
		while (total < limit) {
			make_article(&a, serial);
			if (serial % 1000 == 0) {
				snprintf(path, sizeof path, "%s/%04ld", dir, serial / 1000);
				if (mkdir(path, 0755) != 0 && errno != EEXIST) {
					perror(path);
					return 1;
				}
			}
			snprintf(path, sizeof path, "%s/%04ld/page-%07ld.html", dir, serial / 1000, serial);
			FILE *f = fopen(path, "w");
			if (!f) {
				perror(path);
				return 1;
			}
			write_page(f, &a);
			total += ftell(f);
			fclose(f);
			write_answers(ans, &a);
			serial++;
		}
		fclose(ans);
		fprintf(stderr, "gen-archive: %lld bytes, %ld articles, %ld pages in %s\n", total, serial, serial, dir);
		return 0;
	}
	while (total < limit) {
		int fmt = html_json ? 1 : part % 5; /* blocks, jsonl, blocks, jsonl, newspaper */
		const char *ext = fmt == 1 || fmt == 3 ? "jsonl" : "txt";
		snprintf(path, sizeof path, "%s/part-%04d.%s", dir, part, ext);
		FILE *f = fopen(path, "w");
		if (!f) {
			perror(path);
			return 1;
		}
		long long start = total;
		while (total - start < (8ll << 20) && total < limit) {
			/* 2% reprints: the same article again */
			int reprint = prev.title[0] && rnd() % 50 == 0;
			if (reprint)
				a = prev;
			else
				make_article(&a, serial++);
			long pos = ftell(f);
			if (fmt == 1 || fmt == 3) {
				fprintf(f, "{\"url\": \"https://news.example.cn/c/%04d-%02d-%02d/doc-%ld.shtml\", \"title\": \"",
					a.y, a.m, a.d, serial);
				json_escape(f, a.title);
				fputs("\", \"text\": \"", f);
				if (html_json)
					html_paras(f, a.body, 1);
				else
					json_escape(f, a.body);
				fprintf(f, "\", \"date\": \"%04d-%02d-%02d\"}\n", a.y, a.m, a.d);
				if (rnd() % 500 == 0) /* noise: a broken record */
					fputs("{\"title\": \"损坏的记录\", \"text\": \n", f);
			} else if (fmt == 4) {
				fprintf(f, "%s\n\n%s\n\n本报讯(记者 %s)%s\n", a.title, a.sub, PICK(reporters), a.body);
			} else {
				fprintf(f, ">>>%s\n\n%s\n===========NEXT NEWS==========\n\n", a.title, a.body);
			}
			if (!reprint)
				write_answers(ans, &a);
			total += ftell(f) - pos;
			prev = a;
		}
		fclose(f);
		part++;
	}
	fclose(ans);
	fprintf(stderr, "gen-archive: %lld bytes, %ld articles, %d files in %s\n", total, serial, part, dir);
	return 0;
}
