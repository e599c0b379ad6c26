/* Fuzz target: the query parser, and then the query run two ways over a small
 * archive (with the index, and by scanning every article), which must agree. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/corpus.h"
#include "core/search.h"

static const char archive_text[] =
	"{\"title\":\"COVID-19 疫情通报 Ａ股\",\"text\":\"ｃｏｖｉｄ病例１２３例，北京Covid新增。\",\"date\":\"2020-02-03\"}\n"
	"{\"title\":\"新冠 covid 周报\",\"text\":\"全市新增确诊病例12例，床位1300张。𠀀𠀁字在此。\",\"date\":\"2020-02-20\",\"source\":\"新华社\"}\n"
	"{\"title\":\"武汉 床位\",\"text\":\"武汉已设置集中隔离点132个，床位12571张。\\n武汉市密切接触者5431人。\",\"date\":\"2020-02-04\"}\n"
	"{\"title\":\"武汉动态\",\"text\":\"武汉市今日天气晴。(一) \\\"引号\\\" a|b -x OR y\",\"date\":\"2020-03-01\",\"source\":\"央广网\"}\n"
	"{\"title\":\"床位 隔离\",\"text\":\"某地新增床位300张，隔离观察50人。\",\"date\":\"2021-01-05\"}\n";

static struct corpus co;

static void quiet(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg, (void)path, (void)line, (void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	corpus_init(&co);
	co.nthreads = 1;
	struct diag dg = { quiet, NULL, 0 };
	archive_load_buffer(&co.ar, "q.jsonl", (const unsigned char *)archive_text, sizeof archive_text - 1, &dg);
	archive_assign_ids(&co.ar);
	corpus_build_facts(&co);
	corpus_build_index(&co);
	corpus_build_order(&co);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = 0;
	struct query q;
	if (query_parse(&q, s, &co.gz) == 0) {
		struct query_ctx with = { &co.ar, &co.ix, &co.fdb, &co.gz, co.by_date, 0 },
				 without = { &co.ar, NULL, &co.fdb, &co.gz, NULL, 0 };
		struct search_result a, b;
		search_run(&q, &with, SEARCH_BY_ARCHIVE, 0, &a);
		search_run(&q, &without, SEARCH_BY_ARCHIVE, 0, &b);
		if (a.n != b.n || (a.n && memcmp(a.v, b.v, a.n * sizeof *a.v)))
			abort(); /* the index must never change an answer */
		struct search_result all, head;
		search_run(&q, &with, SEARCH_BY_DATE, 0, &all);
		search_run(&q, &with, SEARCH_BY_DATE, 3, &head); /* judged as walked */
		if (head.n != (all.n < 3 ? all.n : 3) ||
		    (head.n && memcmp(head.v, all.v, head.n * sizeof *head.v)))
			abort(); /* a limit must give the head of the full list */
		search_result_free(&all);
		search_result_free(&head);
		uint32_t(*sp)[2];
		for (size_t i = 0; i < a.n; i++) {
			const struct article *art = archive_art(&co.ar, a.v[i].doc);
			size_t n = search_spans(&q, art->body, art->body_len, &sp);
			for (size_t k = 0; k < n; k++)
				if (sp[k][0] >= sp[k][1] || sp[k][1] > art->body_len)
					abort();
			free(sp);
		}
		search_result_free(&a);
		search_result_free(&b);
		query_free(&q);
	}
	free(s);
	return 0;
}
