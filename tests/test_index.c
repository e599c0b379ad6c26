/* The index build: however the sorted chunks cut the articles, every posting
 * list names each article that has the pair exactly once, in ascending order, and
 * the lists are the same as those built in one chunk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/archive.h"
#include "core/fold.h"
#include "core/index.h"
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

int main(void)
{
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
