/* The cache: a corpus saved and mapped back is the same corpus; a changed file is
 * re-read on its own; a cache that is truncated, bit-flipped, from another
 * version or another byte order is refused with a reason and rebuilt. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/search.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "tests/tap.h"

static void quiet(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg, (void)path, (void)line, (void)msg;
}

static char dir[512], cfile[600];

static void write_file(const char *name, const char *text)
{
	char p[700];
	snprintf(p, sizeof p, "%s/arc/%s", dir, name);
	FILE *f = fopen(p, "w");
	fputs(text, f);
	fclose(f);
}

/* Load through the cache; returns what cache_load returned (1: stale). */
static int open_corpus(struct corpus *c, const char **why)
{
	char arc[600];
	snprintf(arc, sizeof arc, "%s/arc", dir);
	char *paths[1] = { arc };
	corpus_init(c);
	struct diag dg = { quiet, NULL, 0 };
	return cache_load(c, cfile, paths, 1, &dg, why);
}

/* Everything a user sees of a corpus, as text. */
static char *fingerprint(const struct corpus *c)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < c->ar.n; i++) {
		const struct article *a = &c->ar.art[i];
		char d[16];
		sb_addf(&sb, "%s|%s|%s|%s|%s|%s|%s|%llu|%llu|%u|", a->id, a->title, a->source ? a->source : "",
			a->place ? a->place : "", a->url ? a->url : "", ymd_format(a->date, d), a->file,
			(unsigned long long)a->offset, (unsigned long long)a->line, a->flags & ~ART_BORROWED);
		for (size_t k = 0; k < a->npara; k++) {
			size_t len;
			const char *p = article_para(a, k, &len);
			sb_add(&sb, p, len);
			sb_addc(&sb, '/');
		}
		size_t nf;
		const struct fact *f = factdb_of(&c->fdb, i, &nf);
		for (size_t k = 0; k < nf; k++)
			sb_addf(&sb, "{%d %lld %s %u-%u}", (int)f[k].kind, (long long)f[k].value, f[k].unit,
				f[k].start, f[k].end);
		sb_addf(&sb, "home %d\n", c->fdb.home[i]);
	}
	return sb_detach(&sb);
}

static char *matches(struct corpus *c, const char *qs)
{
	struct query q;
	query_parse(&q, qs, &c->gz);
	struct query_ctx cx = { &c->ar, &c->ix, &c->fdb, &c->gz, c->by_date };
	struct search_result r;
	search_run(&q, &cx, SEARCH_BY_ARCHIVE, 0, &r);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < r.n; i++)
		sb_addf(&sb, "%s ", c->ar.art[r.v[i].doc].id);
	search_result_free(&r);
	query_free(&q);
	return sb_detach(&sb);
}

static void damage(const char *how)
{
	int fd = open(cfile, O_RDWR);
	struct stat st;
	fstat(fd, &st);
	if (!strcmp(how, "truncate")) {
		if (ftruncate(fd, st.st_size - 100) != 0)
			perror("ftruncate");
	} else {
		off_t at = !strcmp(how, "version") ? 8 : !strcmp(how, "endian") ? 12 : st.st_size / 2;
		unsigned char b;
		if (pread(fd, &b, 1, at) != 1)
			perror("pread");
		b ^= !strcmp(how, "endian") ? 0x05 : 0x10;
		if (pwrite(fd, &b, 1, at) != 1)
			perror("pwrite");
	}
	close(fd);
}

int main(void)
{
	/* a mkdtemp template: it replaces the six X's with a unique name */
	snprintf(dir, sizeof dir, "%s/epinews-cache-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		return perror("mkdtemp"), 1;
	char p[700];
	snprintf(p, sizeof p, "%s/arc", dir);
	mkdir(p, 0700);
	snprintf(cfile, sizeof cfile, "%s/cache/x.cache", dir);
	write_file("a.jsonl",
		   "{\"title\":\"武汉已设置集中隔离点\",\"text\":\"截至2月4日，武汉已设置集中隔离点132个，床位12571张。\",\"date\":\"2020-02-04\",\"source\":\"新华社\"}\n"
		   "{\"title\":\"成都新增确诊\",\"text\":\"成都市新增确诊病例3例。\",\"date\":\"2020-02-05\"}\n");
	write_file("b.txt", ">>>北京发布会\n北京市累计采样3101776人。\n");
	write_file("c.txt", "上海通报\n\n上海市无死亡病例。\n");

	struct corpus c1, c2;
	const char *why;
	int stale = open_corpus(&c1, &why);
	ok(stale == 1 && why == NULL, "first load: no cache yet, so it is built (stale %d)", stale);
	is_int(cache_save(&c1, cfile), 0, "cache written");
	char *fp1 = fingerprint(&c1), *m1 = matches(&c1, "隔离点 OR 采样 OR 死亡");
	ok(c1.ar.n == 4 && c1.fdb.n >= 4, "four articles, %zu measures", c1.fdb.n);

	stale = open_corpus(&c2, &why);
	ok(stale == 0 && why == NULL && c2.from_cache && c2.files_reread == 0,
	   "second load: everything from the cache, nothing re-read");
	char *fp2 = fingerprint(&c2), *m2 = matches(&c2, "隔离点 OR 采样 OR 死亡");
	is_str(fp2, fp1, "articles, paragraphs and measures identical after the round trip");
	is_str(m2, m1, "the mapped index answers as the built one");
	ok(c2.ar.n && (c2.ar.art[0].flags & ART_BORROWED), "articles point into the mapped cache");
	corpus_free(&c2);
	free(fp2);
	free(m2);

	/* change one file: it alone is re-read */
	write_file("b.txt", ">>>北京发布会\n北京市累计采样3101776人，床位500张。\n");
	struct timespec later[2] = { { 0, UTIME_NOW }, { time(NULL) + 5, 0 } };
	snprintf(p, sizeof p, "%s/arc/b.txt", dir);
	utimensat(AT_FDCWD, p, later, 0);
	stale = open_corpus(&c2, &why);
	ok(stale == 1 && c2.from_cache && c2.files_reread == 1, "one file changed: it alone is re-read (%zu)",
	   c2.files_reread);
	char *m3 = matches(&c2, "床位");
	ok(strstr(m3, c2.ar.art[2].id) != NULL, "the changed file's new text is found (%s)", m3);
	fp2 = fingerprint(&c2);
	ok(strstr(fp2, "3101776") && strstr(fp2, "12571"), "old and new measures both present");
	is_int(cache_save(&c2, cfile), 0, "refreshed cache written");
	corpus_free(&c2);
	free(fp2);
	free(m3);

	/* a new file */
	write_file("d.txt", "广州通报\n\n广州市新增无症状感染者2例。\n");
	stale = open_corpus(&c2, &why);
	ok(stale == 1 && c2.ar.n == 5 && c2.files_reread == 1, "a new file is read, the others reused");
	is_int(cache_save(&c2, cfile), 0, "cache written with the new file");
	corpus_free(&c2);

	static const char *const damages[] = { "truncate", "bitflip", "version", "endian" };
	static const char *const reasons[] = { "truncated or extended", "checksum mismatch (damaged)",
					      "written by another version",
					      "written on a machine of another byte order" };
	for (int k = 0; k < 4; k++) {
		damage(damages[k]);
		is_str(cache_check(cfile), reasons[k], "%s cache refused", damages[k]);
		stale = open_corpus(&c2, &why);
		ok(stale == 1 && why && !strcmp(why, reasons[k]) && !c2.from_cache && c2.ar.n == 5 &&
			   c2.have_index && c2.have_facts,
		   "%s cache: not used, everything rebuilt from the files", damages[k]);
		is_int(cache_save(&c2, cfile), 0, "rebuilt cache written over the %s one", damages[k]);
		corpus_free(&c2);
	}
	ok(cache_check(cfile) == NULL, "the rewritten cache is sound");
	/* garbage of the right length for a header */
	FILE *f = fopen(cfile, "w");
	for (int i = 0; i < 4096; i++)
		fputc(i * 7 & 0xff, f);
	fclose(f);
	is_str(cache_check(cfile), "not an epinews cache", "random bytes refused");
	corpus_free(&c1);
	free(fp1);
	free(m1);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return done_testing();
}
