#include "factdb.h"

#include <stdlib.h>
#include <string.h>

#include "split.h"
#include "xalloc.h"

struct part {
	const struct archive *ar;
	const struct gazetteer *gz;
	const struct factdb_prior *prior;
	size_t from, to;
	struct facts fs;
	uint32_t *count; /* facts per article in [from, to) */
	int32_t *home;
};

static void *extract_range(void *arg)
{
	struct part *p = arg;
	const struct archive *ar = p->ar;
	for (size_t i = p->from; i < p->to;) {
		size_t end = i;
		while (end < p->to && archive_art(ar, end)->file == archive_art(ar, i)->file)
			end++;
		/* a file split across two parts still sees all of its articles */
		size_t ff = i, fe = end;
		while (ff > 0 && archive_art(ar, ff - 1)->file == archive_art(ar, i)->file)
			ff--;
		while (fe < ar->n && archive_art(ar, fe)->file == archive_art(ar, i)->file)
			fe++;
		int fc = -2; /* computed when first needed */
		for (; i < end; i++) {
			size_t before = p->fs.n;
			int64_t k = p->prior ? p->prior->map[i] : -1;
			if (k >= 0) {
				const struct factdb *old = p->prior->old;
				size_t nf;
				const struct fact *f = factdb_of(old, (size_t)k, &nf);
				for (size_t j = 0; j < nf; j++) {
					if (p->fs.n == p->fs.cap) {
						p->fs.cap = p->fs.cap ? p->fs.cap * 2 : 64;
						p->fs.v = xrealloc(p->fs.v, p->fs.cap * sizeof *p->fs.v);
					}
					p->fs.v[p->fs.n++] = f[j];
				}
				p->count[i - p->from] = (uint32_t)nf;
				p->home[i - p->from] = old->home[k];
				continue;
			}
			if (fc == -2) /* a file read, not lazy: its articles are whole */
				fc = facts_file_city(ar->art + ff, fe - ff, p->gz);
			p->home[i - p->from] = facts_extract(archive_art(ar, i), p->gz, fc, &p->fs);
			p->count[i - p->from] = (uint32_t)(p->fs.n - before);
		}
	}
	return NULL;
}

void factdb_build(struct factdb *db, const struct archive *ar, const struct gazetteer *gz,
		  int nthreads, const struct factdb_prior *prior)
{
	memset(db, 0, sizeof *db);
	db->ndocs = ar->n;
	if (nthreads < 1 || ar->n < 64)
		nthreads = 1;
	/* more parts than threads: a thread that finishes early takes another */
	int nparts = split_count(ar, nthreads, 2048, FACTDB_PARTS);
	struct part *parts = xcalloc((size_t)nparts, sizeof *parts);
	size_t *bounds = xmalloc(((size_t)nparts + 1) * sizeof *bounds);
	split_articles(ar, nparts, bounds);
	/* a newspaper page's city is worked out from all its articles, by every part
	 * that has some: such a file is not cut */
	for (int t = 1; t < nparts; t++) {
		size_t d = bounds[t];
		while (d > bounds[t - 1] && d < ar->n && (archive_art(ar, d)->flags & ART_NEWSPAPER) &&
		       archive_art(ar, d - 1)->file == archive_art(ar, d)->file)
			d--;
		bounds[t] = d;
	}
	for (int t = 0; t < nparts; t++) {
		parts[t].ar = ar;
		parts[t].gz = gz;
		parts[t].prior = prior;
		parts[t].from = bounds[t];
		parts[t].to = bounds[t + 1];
		parts[t].count = xmalloc((parts[t].to - parts[t].from + 1) * sizeof(uint32_t));
		parts[t].home = xmalloc((parts[t].to - parts[t].from + 1) * sizeof(int32_t));
	}
	free(bounds);
	split_run_parts(nthreads, nparts, extract_range, parts, sizeof *parts);
	/* each part's facts stay where its thread put them */
	db->first = xmalloc((ar->n + 1) * sizeof *db->first);
	db->home = xmalloc((ar->n + 1) * sizeof *db->home);
	db->nparts = nparts;
	for (int t = 0; t < nparts; t++) {
		struct part *p = &parts[t];
		/* trimmed to size (NULL when the part found nothing) */
		db->part[t] = xrealloc(p->fs.v, (p->fs.n ? p->fs.n : 1) * sizeof *db->part[t]);
		db->part_first[t] = db->n;
		db->part_doc[t] = p->from;
		for (size_t i = p->from; i < p->to; i++) {
			db->first[i] = (uint32_t)db->n;
			db->n += p->count[i - p->from];
			db->home[i] = p->home[i - p->from];
		}
		free(p->count);
		free(p->home);
	}
	db->part_first[nparts] = db->n;
	db->part_doc[nparts] = ar->n;
	db->first[ar->n] = (uint32_t)db->n;
	free(parts);
}

void factdb_single(struct factdb *db, struct fact *v, size_t n, size_t ndocs)
{
	db->part[0] = v;
	db->nparts = 1;
	db->n = n;
	db->ndocs = ndocs;
	db->part_first[0] = 0;
	db->part_first[1] = n;
	db->part_doc[0] = 0;
	db->part_doc[1] = ndocs;
}

void factdb_free(struct factdb *db)
{
	if (!db->borrowed) {
		for (int p = 0; p < db->nparts; p++)
			free(db->part[p]);
		free(db->first);
		free(db->home);
	}
	memset(db, 0, sizeof *db);
}
