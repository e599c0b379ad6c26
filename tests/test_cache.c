/* The cache: a corpus saved and mapped back is the same corpus; a changed file is
 * re-read on its own; a cache that is truncated, bit-flipped, from another
 * version or another byte order is refused with a reason and rebuilt. */
#include <fcntl.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/cache_format.h"
#include <stddef.h>
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

/* ---- damage found after opening: each part is checked when first read ---- */

static char *fingerprint(const struct corpus *c);
static int ndamaged;
static char damaged_why[128];

static void on_damage(void *arg, const char *file, const char *why)
{
	(void)arg, (void)file;
	ndamaged++;
	snprintf(damaged_why, sizeof damaged_why, "%s", why);
}

static int open_lazy(struct corpus *c, const char *arcdir, const char **why)
{
	char *paths[1] = { (char *)arcdir };
	corpus_init(c);
	c->damaged = on_damage;
	ndamaged = 0;
	damaged_why[0] = 0;
	struct diag dg = { quiet, NULL, 0 };
	return cache_load(c, cfile, paths, 1, &dg, why);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t k;
	while (f && (k = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&sb, buf, k);
	if (f)
		fclose(f);
	*n = sb.len;
	return sb_detach(&sb);
}

static void flip_at(uint64_t at)
{
	int fd = open(cfile, O_RDWR);
	unsigned char b;
	if (pread(fd, &b, 1, (off_t)at) != 1)
		perror("pread");
	b ^= 0x01;
	if (pwrite(fd, &b, 1, (off_t)at) != 1)
		perror("pwrite");
	close(fd);
}

static struct cache_header read_header(void)
{
	struct cache_header h;
	memset(&h, 0, sizeof h);
	int fd = open(cfile, O_RDONLY);
	if (pread(fd, &h, sizeof h, 0) != (ssize_t)sizeof h)
		perror("pread");
	close(fd);
	return h;
}

/* A cache of many blocks; one byte flipped in an article's text, in a measure,
 * in a posting list. Opening succeeds (those parts are not read yet); the first
 * read of the damaged part reports it once, removes the file, and reads it as
 * empty, while everything else reads as before. */
static void test_lazy_damage(void)
{
	char arc[600];
	snprintf(arc, sizeof arc, "%s/big", dir);
	mkdir(arc, 0700);
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 1500; i++)
		sb_addf(&sb, ">>>第%d号通报\n截至2月4日，某市已设置集中隔离点%d个，床位%d张。编号%05d的段落在此结束，"
			"后面是一些填充文字，让每一篇文章都足够长，使缓存分成许多块。\n===NEXT NEWS===\n",
			i, i + 1, 1000 + i, i);
	char p[700];
	snprintf(p, sizeof p, "%s/all.txt", arc);
	FILE *f = fopen(p, "w");
	fputs(sb.s, f);
	fclose(f);
	sb_free(&sb);
	unlink(cfile);

	struct corpus c;
	const char *why;
	open_lazy(&c, arc, &why);
	is_int(cache_save(&c, cfile), 0, "lazy: a cache of 1500 articles written");
	char *fp = fingerprint(&c);
	char id700[24];
	snprintf(id700, sizeof id700, "%s", archive_art(&c.ar, 700)->id);
	corpus_free(&c);
	struct cache_header h = read_header();
	ok(h.count[S_BSUM] > 8, "lazy: the cache has %llu blocks", (unsigned long long)h.count[S_BSUM]);

	/* the text of article 300 */
	size_t n;
	char *bytes = slurp(cfile, &n);
	const char *mark = "编号00300";
	char *at = memmem(bytes, n, mark, strlen(mark));
	ok(at != NULL, "lazy: article 300's text is in the cache");
	if (at)
		flip_at((uint64_t)(at - bytes) + strlen(mark) + 3);
	is_int(open_lazy(&c, arc, &why), 0, "lazy: a cache damaged in one article still opens whole");
	ok(why == NULL && c.from_cache && ndamaged == 0, "lazy: nothing reported before the article is read");
	struct article *a10 = archive_art(&c.ar, 10);
	ok(ndamaged == 0 && strstr(a10->body, "编号00010") != NULL, "lazy: another article reads as before");
	struct article *a300 = archive_art(&c.ar, 300);
	is_int(ndamaged, 1, "lazy: reading the damaged article reports it");
	is_str(damaged_why, "checksum mismatch (damaged)", "lazy: with the reason");
	ok(!strcmp(a300->title, "") && a300->body_len == 0 && a300->npara == 0,
	   "lazy: the damaged article reads as empty, not as damaged text");
	ok(access(cfile, F_OK) != 0, "lazy: the damaged cache file is removed");
	archive_art(&c.ar, 300);
	archive_fill_all(&c.ar);
	is_int(ndamaged, 1, "lazy: damage is reported once");
	corpus_free(&c);

	/* a measure: the facts of article 123 */
	f = fopen(cfile, "wb");
	fwrite(bytes, 1, n, f);
	fclose(f);
	ok(cache_check(cfile) == NULL, "lazy: the undamaged copy is sound");
	const uint32_t *ff = (const uint32_t *)(bytes + h.off[S_FFIRST]);
	ok(ff[124] > ff[123], "lazy: article 123 has measures");
	flip_at(h.off[S_FACTS] + (uint64_t)ff[123] * sizeof(struct fact) + offsetof(struct fact, value));
	is_str(cache_check(cfile), "checksum mismatch (damaged)", "lazy: cache_check reads every part");
	open_lazy(&c, arc, &why);
	size_t nf;
	factdb_of(&c.fdb, 1499, &nf);
	ok(nf > 0 && ndamaged == 0, "lazy: another article's measures read as before");
	factdb_of(&c.fdb, 123, &nf);
	ok(nf == 0 && ndamaged == 1, "lazy: damaged measures are reported and read as none");
	corpus_free(&c);

	/* a posting list: the one holding the middle of the postings */
	f = fopen(cfile, "wb");
	fwrite(bytes, 1, n, f);
	fclose(f);
	const uint64_t *off = (const uint64_t *)(bytes + h.off[S_OFF]);
	const uint32_t *keys = (const uint32_t *)(bytes + h.off[S_KEYS]);
	size_t t = 0; /* a list in the middle, in no block that opening checks */
	while (t + 1 < h.count[S_KEYS] && (off[t] < h.count[S_POST] / 2 || off[t + 1] - off[t] < 16))
		t++;
	uint64_t blk = (h.off[S_POST] + off[t] + 10 - DATA_START) / CACHE_CHUNK;
	ok(blk > (h.off[S_OFF] + 8 * h.count[S_OFF] - DATA_START) / CACHE_CHUNK &&
		   blk < (h.off[S_ORDER] - DATA_START) / CACHE_CHUNK,
	   "lazy: a posting list of %llu bytes in block %llu, apart from the tables",
	   (unsigned long long)(off[t + 1] - off[t]), (unsigned long long)blk);
	flip_at(h.off[S_POST] + off[t] + 10);
	open_lazy(&c, arc, &why);
	uint32_t *docs;
	size_t nd = index_postings(&c.ix, keys[t == 0 ? 1 : 0], &docs);
	free(docs);
	ok(nd > 0 && ndamaged == 0, "lazy: another posting list reads as before");
	nd = index_postings(&c.ix, keys[t], &docs);
	free(docs);
	ok(nd == 0 && ndamaged == 1, "lazy: a damaged posting list is reported and reads as empty");
	corpus_free(&c);

	/* and undamaged, every article as it was written */
	f = fopen(cfile, "wb");
	fwrite(bytes, 1, n, f);
	fclose(f);
	open_lazy(&c, arc, &why);
	int amb;
	struct article *found = archive_find(&c.ar, id700, &amb);
	ok(found == archive_art(&c.ar, 700) && atomic_load(&c.ar.lazy.state[699]) == 1,
	   "lazy: an article found by id is the only one filled in");
	char prefix[5];
	memcpy(prefix, id700, 4);
	prefix[4] = 0;
	found = archive_find(&c.ar, prefix, &amb);
	ok(found ? !strncmp(found->id, prefix, 4) : amb, "lazy: a prefix of its id finds it, or says it is ambiguous");
	char *fp2 = fingerprint(&c);
	is_str(fp2, fp, "lazy: an undamaged cache reads back identical");
	ok(ndamaged == 0, "lazy: and reports nothing");
	corpus_free(&c);

	/* the file cut short while mapped (truncate, a cleaner, cp over it): no
	 * SIGBUS; the lost pages read as zeros, and cache_lost says so */
	open_lazy(&c, arc, &why);
	archive_art(&c.ar, 10);
	ok(cache_lost(&c) == NULL, "shrunk: a cache nobody touched is not lost");
	is_int(truncate(cfile, 8192), 0, "shrunk: the cache in use cut to 8 KiB");
	struct article *late = archive_art(&c.ar, 1400); /* its pages are gone */
	ok(late->body_len == 0 && !strcmp(late->title, ""),
	   "shrunk: an article read after it reads as empty, not as a crash (%zu bytes)", late->body_len);
	is_str(cache_lost(&c), "cut short while in use", "shrunk: the cache says it was cut short");
	archive_fill_all(&c.ar);
	ok(1, "shrunk: every article read after it, and the process goes on");
	corpus_free(&c);
	f = fopen(cfile, "wb");
	fwrite(bytes, 1, n, f);
	fclose(f);
	open_lazy(&c, arc, &why);
	ok(why == NULL && c.from_cache && cache_lost(&c) == NULL, "written over: the cache opens sound");
	f = fopen(cfile, "r+b"); /* the same file, rewritten in place */
	fwrite(bytes, 1, n, f);
	fclose(f);
	struct timespec later[2] = { { 0, UTIME_NOW }, { time(NULL) + 5, 0 } };
	utimensat(AT_FDCWD, cfile, later, 0);
	is_str(cache_lost(&c), "written over while in use", "written over: the cache says so");
	corpus_free(&c);
	free(fp);
	free(fp2);
	free(bytes);
}

/* Everything a user sees of a corpus, as text. */
static char *fingerprint(const struct corpus *c)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < c->ar.n; i++) {
		const struct article *a = archive_art(&c->ar, i);
		char d[16];
		sb_addf(&sb, "%s|%s|%s|%s|%s|%s|%s|%llu|%llu|%u|", a->id, a->title, a->source ? a->source : "",
			a->place ? a->place : "", a->url ? a->url : "", ymd_format(a->date, d), a->file,
			(unsigned long long)a->offset, (unsigned long long)a->line, a->flags & ~ART_STORAGE);
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
	struct query_ctx cx = { &c->ar, &c->ix, &c->fdb, &c->gz, c->by_date, 0 };
	struct search_result r;
	search_run(&q, &cx, SEARCH_BY_ARCHIVE, 0, &r);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < r.n; i++)
		sb_addf(&sb, "%s ", archive_art(&c->ar, r.v[i].doc)->id);
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

/* Files in the cache's directory (a temporary file left behind counts). */
static int files_in_cache_dir(void)
{
	char d[700];
	snprintf(d, sizeof d, "%s/cache", dir);
	DIR *dp = opendir(d);
	int n = 0;
	struct dirent *e;
	while (dp && (e = readdir(dp)) != NULL)
		n += e->d_name[0] != '.';
	if (dp)
		closedir(dp);
	return n;
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
	/* the new cache is begun while loading; a corpus freed without saving
	 * leaves nothing, whether its measures were built or not */
	int stale = open_corpus(&c1, &why);
	corpus_free(&c1);
	is_int(files_in_cache_dir(), 0, "a build freed without saving leaves no file (stale %d)", stale);
	{
		char arc[600];
		snprintf(arc, sizeof arc, "%s/arc", dir);
		char *paths[1] = { arc };
		corpus_init(&c1);
		struct diag dg = { quiet, NULL, 0 };
		cache_load_deferred(&c1, cfile, paths, 1, &dg, &why, 1);
		ok(c1.pending && !c1.have_facts, "deferred: measures not built yet");
		corpus_free(&c1); /* the writer waits for them: freeing stops it */
		is_int(files_in_cache_dir(), 0, "a deferred build freed before its measures leaves no file");
	}
	stale = open_corpus(&c1, &why);
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
	ok(c2.ar.n && (archive_art(&c2.ar, 0)->flags & ART_BORROWED), "articles point into the mapped cache");
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
	ok(strstr(m3, archive_art(&c2.ar, 2)->id) != NULL, "the changed file's new text is found (%s)", m3);
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
	test_lazy_damage();
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
