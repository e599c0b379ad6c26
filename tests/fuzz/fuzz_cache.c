/* Fuzz target: the cache reader. Each input is written as the cache file of a
 * fixed small archive and loaded; whatever the bytes, loading must end with an
 * index and measures, and every article, query and paragraph must be readable
 * (a part found damaged as it is read reads as empty). Built with
 * EPINEWS_FUZZ_NO_CHECKSUM so that mutations reach the checks behind the
 * checksum. EPINEWS_FUZZ_SEED=FILE writes a valid cache there and exits (the
 * seed for the corpus). */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/search.h"

#define DIR "/tmp/epinews-fuzz-cache"

static char cachefile[256];
static char *paths[1] = { (char *)DIR "/arc" };

static void quiet(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg, (void)path, (void)line, (void)msg;
}

static void put(const char *name, const char *text)
{
	char p[256];
	snprintf(p, sizeof p, DIR "/arc/%s", name);
	FILE *f = fopen(p, "w");
	if (!f)
		abort();
	fputs(text, f);
	fclose(f);
	struct timespec t[2] = { { 1600000000, 0 }, { 1600000000, 0 } };
	utimensat(AT_FDCWD, p, t, 0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	mkdir(DIR, 0700);
	mkdir(DIR "/arc", 0700);
	put("a.jsonl", "{\"title\":\"武汉已设置集中隔离点\",\"text\":\"截至2月4日，武汉已设置集中隔离点132个，床位12571张。\",\"date\":\"2020-02-04\",\"source\":\"新华社\"}\n"
		       "{\"title\":\"成都新增确诊\",\"text\":\"成都市新增确诊病例3例。\\n第二段。\",\"date\":\"2020-02-05\"}\n");
	put("b.txt", ">>>北京发布会\n北京市累计采样3101776人。\n");
	snprintf(cachefile, sizeof cachefile, DIR "/fuzz-%ld.cache", (long)getpid());
	const char *seed = getenv("EPINEWS_FUZZ_SEED");
	if (seed) {
		struct corpus c;
		corpus_init(&c);
		const char *why;
		struct diag dg = { quiet, NULL, 0 };
		cache_load(&c, NULL, paths, 1, &dg, &why);
		int rc = cache_save(&c, seed);
		corpus_free(&c);
		exit(rc ? 1 : 0);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(cachefile, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	struct corpus c;
	corpus_init(&c);
	c.nthreads = 1;
	const char *why;
	struct diag dg = { quiet, NULL, 0 };
	cache_load(&c, cachefile, paths, 1, &dg, &why);
	if (!c.have_index || !c.have_facts)
		abort();
	/* use everything that came from the cache */
	struct query q;
	if (query_parse(&q, "武汉 OR 采样 OR 确诊 beds>0 OR kind:confirmed", &c.gz) == 0) {
		struct query_ctx cx = { &c.ar, &c.ix, &c.fdb, &c.gz, c.by_date, 0 };
		struct search_result r;
		search_run(&q, &cx, SEARCH_BY_RELEVANCE, 0, &r);
		search_result_free(&r);
		query_free(&q);
	}
	size_t total = 0;
	for (size_t i = 0; i < c.ar.n; i++)
		for (size_t k = 0; k < archive_art(&c.ar, i)->npara; k++) {
			size_t len;
			const char *p = article_para(archive_art(&c.ar, i), k, &len);
			for (size_t j = 0; j < len; j++)
				total += (unsigned char)p[j];
		}
	if (total == 1) /* keep the reads */
		c.nthreads = 2;
	cache_verify(&c); /* every check behind the lazy reads */
	corpus_free(&c);
	return 0;
}
