/* Extraction quality against tests/gold/facts.tsv, a list of every measure a careful
 * reader finds in the seed archives and in our fixtures. Prints precision and recall
 * per kind and fails when overall precision < 0.95 or recall < 0.90. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/archive.h"
#include "core/facts.h"
#include "core/xalloc.h"
#include "tests/tap.h"

struct gold {
	char file[256], title[512], kind[64];
	long long value;
	int negative; /* "-": the article has no measure */
	int used;
};

struct tally {
	int tp, fp, fn;
};

static struct gold *gold;
static size_t ngold;
static struct tally per_kind[KIND_COUNT], total;

static void load_gold(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		ok(0, "read %s", path);
		return;
	}
	char line[2048];
	size_t cap = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		char *file = strtok(line, "\t"), *title = strtok(NULL, "\t"), *kind = strtok(NULL, "\t"),
		     *value = strtok(NULL, "\t");
		if (!file || !title || !kind || !value) {
			ok(0, "gold line is well formed: %s", line);
			continue;
		}
		gold = xgrow(gold, &cap, ngold + 1, sizeof *gold);
		struct gold *g = &gold[ngold++];
		memset(g, 0, sizeof *g);
		snprintf(g->file, sizeof g->file, "%s", file);
		snprintf(g->title, sizeof g->title, "%s", title);
		snprintf(g->kind, sizeof g->kind, "%s", kind);
		g->negative = !strcmp(kind, "-");
		g->value = g->negative ? 0 : atoll(value);
		if (!g->negative && fact_kind_from_name(kind) < 0)
			ok(0, "gold kind '%s' exists", kind);
	}
	fclose(f);
}

static int in_gold(const char *file, const char *title, const char *kind, long long value)
{
	for (size_t i = 0; i < ngold; i++)
		if (!strcmp(gold[i].file, file) && !strcmp(gold[i].title, title) && !gold[i].negative &&
		    !strcmp(gold[i].kind, kind) && gold[i].value == value)
			return (int)i;
	return -1;
}

static void evaluate_file(const char *file, const char *path, const struct gazetteer *gz)
{
	struct archive ar;
	struct diag dg = { NULL, NULL, 0 };
	archive_init(&ar);
	archive_load(&ar, path, &dg);
	int fc = facts_file_city(ar.art, ar.n, gz);
	for (size_t a = 0; a < ar.n; a++) {
		const char *title = ar.art[a].title;
		int listed = 0;
		for (size_t i = 0; i < ngold; i++)
			if (!strcmp(gold[i].file, file) && !strcmp(gold[i].title, title))
				listed = 1;
		if (!listed) {
			ok(0, "%s: article '%s' is listed in the gold file", file, title);
			continue;
		}
		struct facts fs = { 0 };
		facts_extract(&ar.art[a], gz, fc, &fs);
		/* distinct (kind, value) pairs: a figure repeated in the text counts once */
		for (size_t k = 0; k < fs.n; k++) {
			int dup = 0;
			for (size_t j = 0; j < k; j++)
				dup |= fs.v[j].kind == fs.v[k].kind && fs.v[j].value == fs.v[k].value;
			if (dup)
				continue;
			const char *kind = fact_kind_name(fs.v[k].kind);
			int g = in_gold(file, title, kind, fs.v[k].value);
			if (g >= 0) {
				gold[g].used = 1;
				per_kind[fs.v[k].kind].tp++;
				total.tp++;
			} else {
				per_kind[fs.v[k].kind].fp++;
				total.fp++;
				printf("# false positive: %s / %s %s %lld [%.*s]\n", file, title, kind,
				       (long long)fs.v[k].value, (int)(fs.v[k].end - fs.v[k].start),
				       ar.art[a].body + fs.v[k].start);
			}
		}
		facts_free(&fs);
	}
	for (size_t i = 0; i < ngold; i++) {
		if (strcmp(gold[i].file, file) || gold[i].negative || gold[i].used)
			continue;
		int k = fact_kind_from_name(gold[i].kind);
		int found = 0;
		for (size_t a = 0; a < ar.n; a++)
			found |= !strcmp(ar.art[a].title, gold[i].title);
		if (!found)
			ok(0, "%s: gold article '%s' is in the file", file, gold[i].title);
		if (k >= 0)
			per_kind[k].fn++;
		total.fn++;
		printf("# missed: %s / %s %s %lld\n", file, gold[i].title, gold[i].kind, gold[i].value);
		gold[i].used = 1;
	}
	archive_free(&ar);
}

int main(void)
{
	const char *src = getenv("SRCDIR") ? getenv("SRCDIR") : ".";
	const char *seeds = getenv("SEEDS");
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/gold/facts.tsv", src);
	load_gold(path);
	struct gazetteer gz;
	gazetteer_init(&gz);
	struct stat st;
	int have_seeds = seeds && stat(seeds, &st) == 0;
	if (!have_seeds)
		printf("# no seed archives at %s: evaluating the fixtures only\n", seeds ? seeds : "(unset)");
	for (size_t i = 0; i < ngold; i++) {
		int seen = 0;
		for (size_t j = 0; j < i; j++)
			seen |= !strcmp(gold[j].file, gold[i].file);
		if (seen)
			continue;
		const char *f = gold[i].file;
		if (!strncmp(f, "seeds/", 6)) {
			if (!have_seeds)
				continue;
			snprintf(path, sizeof path, "%s/%s", seeds, f + 6);
		} else {
			snprintf(path, sizeof path, "%s/tests/%s", src, f);
		}
		evaluate_file(f, path, &gz);
	}
	printf("# %-24s %9s %7s %5s %5s %5s\n", "kind", "precision", "recall", "tp", "fp", "fn");
	for (int k = 0; k < KIND_COUNT; k++) {
		struct tally *t = &per_kind[k];
		if (!t->tp && !t->fp && !t->fn)
			continue;
		printf("# %-24s %9.3f %7.3f %5d %5d %5d\n", fact_kind_name(k),
		       t->tp + t->fp ? (double)t->tp / (t->tp + t->fp) : 1.0,
		       t->tp + t->fn ? (double)t->tp / (t->tp + t->fn) : 1.0, t->tp, t->fp, t->fn);
	}
	double p = total.tp + total.fp ? (double)total.tp / (total.tp + total.fp) : 0;
	double r = total.tp + total.fn ? (double)total.tp / (total.tp + total.fn) : 0;
	printf("# %-24s %9.3f %7.3f %5d %5d %5d\n", "overall", p, r, total.tp, total.fp, total.fn);
	ok(total.tp > 0, "the gold file was evaluated (%d facts matched)", total.tp);
	ok(p >= 0.95, "overall precision %.3f >= 0.95", p);
	ok(r >= 0.90, "overall recall %.3f >= 0.90", r);
	gazetteer_free(&gz);
	free(gold);
	return done_testing();
}
