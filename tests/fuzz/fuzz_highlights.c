/* Fuzz target: the highlights store reader. Each input is the store file; it is
 * opened (a file that does not parse is copied aside), every highlight is found
 * again in a small archive, one is added and the store saved. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/corpus.h"
#include "core/highlight.h"

static const char archive_text[] =
	"{\"title\":\"武汉已设置集中隔离点\",\"text\":\"截至2月4日，武汉已设置集中隔离点132个，床位12571张。\",\"date\":\"2020-02-04\"}\n"
	"{\"title\":\"成都新增确诊\",\"text\":\"成都市新增确诊病例3例。\\n第二段。\",\"date\":\"2020-02-05\"}\n";

static struct corpus co;
static char path[256];

static void quiet(void *arg, const char *p, uint64_t line, const char *msg)
{
	(void)arg, (void)p, (void)line, (void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	corpus_init(&co);
	co.nthreads = 1;
	struct diag dg = { quiet, NULL, 0 };
	archive_load_buffer(&co.ar, "h.jsonl", (const unsigned char *)archive_text, sizeof archive_text - 1, &dg);
	archive_assign_ids(&co.ar);
	corpus_build_facts(&co);
	snprintf(path, sizeof path, "/tmp/epinews-fuzz-hl-%ld.json", (long)getpid());
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	struct hl_store s;
	hl_open(&s, path);
	for (size_t i = 0; i < s.n; i++) {
		struct hl_where w;
		hl_resolve(&s.v[i], &co.ar, &co.fdb, &w);
		if (w.doc >= 0 && (w.end < w.start || w.end > archive_art(&co.ar, w.doc)->body_len))
			abort();
	}
	struct highlight h;
	hl_of_passage(&h, archive_art(&co.ar, 0), 3, 40);
	size_t i = hl_add(&s, &h);
	hl_set_note(&s, i, "note");
	hl_free(&h);
	if (s.path)
		hl_save(&s);
	hl_close(&s);
	/* the aside copies pile up otherwise */
	char bad[300];
	for (int k = 0; k < 3; k++) {
		snprintf(bad, sizeof bad, k ? "%s.bad.%d" : "%s.bad", path, k);
		unlink(bad);
	}
	return 0;
}
