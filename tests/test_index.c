/* The index build: however the sorted chunks cut the articles, every posting
 * list names each article that has the pair exactly once, in ascending order, and
 * the lists are the same as those built in one chunk; and the radix sort that
 * orders the pairs (and the ids and the date order) is a stable sort. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/archive.h"
#include "core/fold.h"
#include "core/index.h"
#include "core/radix.h"
#include "core/strbuf.h"
#include "tests/tap.h"

static void quiet(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg, (void)path, (void)line, (void)msg;
}

#define NARTS 12

/* Each article names 疫情 in its title and several times in its body, so a
 * small chunk cuts one article's 疫情 pairs into several chunks. */
static void load(struct archive *ar)
{
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < NARTS; i++) {
		if (i)
			sb_addf(&sb, "\n===========NEXT NEWS==========\n\n");
		sb_addf(&sb, ">>>第%d篇疫情通报\n\n", i + 1);
		for (int k = 0; k <= i % 4; k++)
			sb_addf(&sb, "疫情防控指挥部通报，当日疫情平稳，新增病例%d例。\n", i * 7 + k);
	}
	struct diag dg = { quiet, NULL, 0 };
	archive_load_buffer(ar, "chunks.txt", (const unsigned char *)sb.s, sb.len, &dg);
	sb_free(&sb);
}

/* 1 when every list is ascending without repeats and df is its length */
static int lists_sound(const struct index *ix, size_t *bad_key)
{
	for (size_t t = 0; t < ix->nterms; t++) {
		uint32_t *docs;
		size_t n = index_postings(ix, ix->keys[t], &docs);
		int good = n == ix->df[t] && n <= ix->ndocs;
		for (size_t i = 1; good && i < n; i++)
			good = docs[i] > docs[i - 1];
		free(docs);
		if (!good) {
			*bad_key = t;
			return 0;
		}
	}
	return 1;
}

static int same_index(const struct index *a, const struct index *b)
{
	return a->nterms == b->nterms && a->post_len == b->post_len &&
	       !memcmp(a->keys, b->keys, a->nterms * sizeof *a->keys) &&
	       !memcmp(a->df, b->df, a->nterms * sizeof *a->df) &&
	       !memcmp(a->off, b->off, (a->nterms + 1) * sizeof *a->off) &&
	       !memcmp(a->post, b->post, a->post_len);
}

static int by_hi32_then_position(const void *x, const void *y)
{
	const uint64_t *a = x, *b = y; /* low halves hold the original positions */
	uint32_t ka = (uint32_t)(*a >> 32), kb = (uint32_t)(*b >> 32);
	if (ka != kb)
		return ka < kb ? -1 : 1;
	return ((uint32_t)*a > (uint32_t)*b) - ((uint32_t)*a < (uint32_t)*b);
}

/* The radix sort against qsort, on keys that differ in every digit, in one digit
 * only (a pass is skipped), and all alike; stable: low halves are positions. */
static void radix_checks(void)
{
	static const uint32_t masks[] = { 0xFFFFFFFFu, 0x003FF800u, 0, 0x7u };
	static const size_t sizes[] = { 0, 1, 2, 1000, 70000 };
	uint64_t seed = 42;
	for (size_t m = 0; m < sizeof masks / sizeof *masks; m++)
		for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++) {
			size_t n = sizes[z];
			uint64_t *a = malloc((n + 1) * sizeof *a), *tmp = malloc((n + 1) * sizeof *tmp),
				 *want = malloc((n + 1) * sizeof *want);
			for (size_t i = 0; i < n; i++) {
				seed = seed * 6364136223846793005u + 1442695040888963407u;
				a[i] = (uint64_t)((uint32_t)(seed >> 32) & masks[m]) << 32 | (uint32_t)i;
				want[i] = a[i];
			}
			qsort(want, n, sizeof *want, by_hi32_then_position);
			uint64_t *got = radix_sort_hi32(a, tmp, n);
			ok((got == a || got == tmp) && (n == 0 || !memcmp(got, want, n * sizeof *got)),
			   "radix sort of %zu values, key mask %08x: sorted, equal keys in their order", n,
			   masks[m]);
			free(a);
			free(tmp);
			free(want);
		}
}

/* An archive over a megabyte, so that the build runs on threads: their chunks
 * and the merge cut by key ranges must give the index one thread builds. */
static void threaded_checks(void)
{
	static const char *const words[] = { "疫情", "防控", "武汉", "床位", "集中隔离", "核酸检测", "志愿者",
					     "社区", "医院", "确诊", "病例", "通报", "Wuhan", "2020", "，", "。" };
	struct strbuf sb = STRBUF_INIT;
	uint64_t seed = 7;
	for (int i = 0; sb.len < (3u << 19); i++) {
		sb_addf(&sb, "%s>>>第%d篇\n\n", i ? "\n===========NEXT NEWS==========\n\n" : "", i);
		for (int k = 0; k < 200; k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			sb_adds(&sb, words[(seed >> 33) % (sizeof words / sizeof *words)]);
		}
		sb_addc(&sb, '\n');
	}
	struct archive ar;
	archive_init(&ar);
	struct diag dg = { quiet, NULL, 0 };
	archive_load_buffer(&ar, "big.txt", (const unsigned char *)sb.s, sb.len, &dg);
	sb_free(&sb);
	struct index one, two, small;
	index_build_chunked(&ar, 1, (size_t)1 << 23, &one);
	index_build_chunked(&ar, 2, (size_t)1 << 23, &two);
	index_build_chunked(&ar, 2, 1000, &small);
	ok(ar.n > 1000 && one.nterms > 100, "a %zu-article archive for the threads (%zu keys)", ar.n, one.nterms);
	ok(same_index(&one, &two), "two threads: the same index as one");
	ok(same_index(&one, &small), "two threads, chunks of 1000 pairs: the same index as one");
	index_free(&one);
	index_free(&two);
	index_free(&small);
	archive_free(&ar);
}

int main(void)
{
	radix_checks();
	threaded_checks();
	struct archive ar;
	archive_init(&ar);
	load(&ar);
	ok(ar.n == NARTS, "the fixture loads as %d articles (got %zu)", NARTS, ar.n);

	struct index ref;
	index_build(&ar, 1, &ref);
	uint32_t key = fold_cp(0x75AB) << 16 | fold_cp(0x60C5); /* 疫情 */
	uint32_t *docs;
	size_t n = index_postings(&ref, key, &docs);
	int all = n == NARTS;
	for (size_t i = 0; all && i < n; i++)
		all = docs[i] == i;
	free(docs);
	ok(all, "one chunk: 疫情 lists every article once (%zu postings)", n);

	size_t sizes[] = { 2, 3, 5, 17, 64 };
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
		struct index ix;
		index_build_chunked(&ar, 1, sizes[s], &ix);
		size_t bad = 0;
		int sound = lists_sound(&ix, &bad);
		ok(sound, "chunks of %zu pairs: every list ascending, each article once, df its length%s",
		   sizes[s], sound ? "" : " (a key repeats an article)");
		size_t nk = index_postings(&ix, key, &docs);
		free(docs);
		ok(nk == NARTS, "chunks of %zu pairs: 疫情 has %d postings (got %zu)",
		   sizes[s], NARTS, nk);
		ok(same_index(&ix, &ref), "chunks of %zu pairs: the same index as one chunk", sizes[s]);
		index_free(&ix);
	}
	index_free(&ref);
	archive_free(&ar);
	return done_testing();
}
