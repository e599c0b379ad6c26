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
	int32_t *about;  /* FACTS_ABOUT per article in [from, to) */
};

static void build_pmask(struct factdb *db, const struct gazetteer *gz);

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
				memcpy(p->about + (i - p->from) * FACTS_ABOUT, old->about + (size_t)k * FACTS_ABOUT,
				       FACTS_ABOUT * sizeof *p->about);
				continue;
			}
			if (fc == -2) /* a file read, not lazy: its articles are whole */
				fc = facts_file_city(ar->art + ff, fe - ff, p->gz);
			p->home[i - p->from] = facts_extract_about(archive_art(ar, i), p->gz, fc, &p->fs,
								   p->about + (i - p->from) * FACTS_ABOUT);
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
		parts[t].about = xmalloc((parts[t].to - parts[t].from + 1) * FACTS_ABOUT * sizeof(int32_t));
	}
	free(bounds);
	split_run_parts(nthreads, nparts, extract_range, parts, sizeof *parts);
	/* each part's facts stay where its thread put them */
	db->first = xmalloc((ar->n + 1) * sizeof *db->first);
	db->home = xmalloc((ar->n + 1) * sizeof *db->home);
	db->about = xmalloc((ar->n + 1) * FACTS_ABOUT * sizeof *db->about);
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
		if (p->to > p->from)
			memcpy(db->about + p->from * FACTS_ABOUT, p->about,
			       (p->to - p->from) * FACTS_ABOUT * sizeof *db->about);
		free(p->count);
		free(p->home);
		free(p->about);
	}
	db->part_first[nparts] = db->n;
	db->part_doc[nparts] = ar->n;
	db->first[ar->n] = (uint32_t)db->n;
	free(parts);
	build_pmask(db, gz);
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
		free(db->about);
		free(db->pmask);
	}
	memset(db, 0, sizeof *db);
}

static size_t places_add(int *out, size_t n, size_t max, int p)
{
	if (p < 0 || n >= max)
		return n;
	for (size_t k = 0; k < n; k++)
		if (out[k] == p)
			return n;
	out[n] = p;
	return n + 1;
}

size_t factdb_places(const struct factdb *db, size_t d, int *out, size_t max)
{
	size_t n = 0;
	if (db->about)
		for (int k = 0; k < FACTS_ABOUT; k++)
			n = places_add(out, n, max, db->about[d * FACTS_ABOUT + (size_t)k]);
	size_t nf;
	const struct fact *f = factdb_of(db, d, &nf);
	for (size_t k = 0; k < nf; k++) {
		n = places_add(out, n, max, f[k].place);
		for (int j = 0; j < f[k].nplaces; j++)
			n = places_add(out, n, max, f[k].places[j]);
	}
	return n;
}

unsigned factdb_place_bit(const struct gazetteer *gz, int place)
{
	int c = gazetteer_find(gz, gz->v[place].full_name);
	return (unsigned)(((uint64_t)(c >= 0 ? c : place) * 0x9E3779B97F4A7C15ull) >> 58);
}

/* The pmask of every article: the bits of its places and the places above. */
static void build_pmask(struct factdb *db, const struct gazetteer *gz)
{
	unsigned *bit = xmalloc((gz->n + 1) * sizeof *bit);
	for (size_t p = 0; p < gz->n; p++)
		bit[p] = factdb_place_bit(gz, (int)p);
	db->pmask = xmalloc((db->ndocs + 1) * sizeof *db->pmask);
	for (size_t d = 0; d < db->ndocs; d++) {
		int pl[64];
		size_t n = factdb_places(db, d, pl, sizeof pl / sizeof *pl);
		uint64_t m = 0;
		for (size_t k = 0; k < n; k++)
			for (int a = pl[k]; a >= 0; a = gz->v[a].parent)
				m |= 1ull << bit[a];
		db->pmask[d] = m;
	}
	free(bit);
}

int factdb_about_in(const struct factdb *db, size_t d, const struct bits *in, unsigned bit)
{
	if (db->pmask && !((db->pmask[d] >> bit) & 1))
		return 0;
	const int32_t *ab = db->about ? db->about + d * FACTS_ABOUT : NULL;
	for (int k = 0; ab && k < FACTS_ABOUT && ab[k] >= 0; k++) /* filled from the front */
		if (bits_has(in, (size_t)ab[k] + 1))
			return 1;
	size_t nf;
	const struct fact *f = factdb_of(db, d, &nf);
	for (size_t k = 0; k < nf; k++) {
		if (f[k].place >= 0 && bits_has(in, (size_t)f[k].place + 1))
			return 1;
		for (int j = 0; j < f[k].nplaces; j++)
			if (bits_has(in, (size_t)f[k].places[j] + 1))
				return 1;
	}
	return 0;
}

void factdb_place_counts(const struct factdb *db, const struct gazetteer *gz, size_t *count)
{
	/* gazetteer_within treats places of one full name as one (北京市 the city
	 * and the province): count the name, then give each place its name's count */
	int *canon = xmalloc((gz->n + 1) * sizeof *canon), *touched = xmalloc((gz->n + 1) * sizeof *touched);
	size_t *by_name = xcalloc(gz->n + 1, sizeof *by_name);
	unsigned char *seen = xcalloc(gz->n + 1, 1);
	for (size_t p = 0; p < gz->n; p++) {
		int c = gazetteer_find(gz, gz->v[p].full_name);
		canon[p] = c >= 0 ? c : (int)p;
	}
	for (size_t d = 0; d < db->ndocs; d++) {
		int pl[64];
		size_t n = factdb_places(db, d, pl, sizeof pl / sizeof *pl), nt = 0;
		for (size_t k = 0; k < n; k++)
			for (int a = pl[k]; a >= 0; a = gz->v[a].parent)
				if (!seen[canon[a]]) {
					seen[canon[a]] = 1;
					touched[nt++] = canon[a];
				}
		for (size_t k = 0; k < nt; k++) {
			by_name[touched[k]]++;
			seen[touched[k]] = 0;
		}
	}
	for (size_t p = 0; p < gz->n; p++)
		count[p] = by_name[canon[p]];
	free(canon);
	free(touched);
	free(by_name);
	free(seen);
}
