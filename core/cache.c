#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache_format.h"
#include "cache_map.h"
#include "cache_write.h"
#include "files.h"
#include "strbuf.h"
#include "xalloc.h"

/* Mixed into the file name. It stays put when the version changes, so that a
 * cache of an older version is refused and rewritten in place, not left behind. */
#define CACHE_NAME_SALT 3u

/* ---- naming ------------------------------------------------------------------ */

const char *cache_path(char **paths, int npaths, uint64_t salt, char *buf, size_t size)
{
	char name[64];
	snprintf(name, sizeof name, "%016llx.cache",
		 (unsigned long long)(archive_paths_key(paths, npaths) ^ CACHE_NAME_SALT ^ salt));
	return xdg_file("XDG_CACHE_HOME", ".cache", name, buf, size);
}

/* ---- reading ----------------------------------------------------------------- */

/* A run of articles taken from the cache: archive articles [at, at + count)
 * are cache articles [first, first + count), of the file `path`. */
struct run {
	size_t at, first, count;
	const char *path; /* interned by the archive */
};

/* What a corpus keeps of the cache it came from. Its articles, measures and
 * posting lists are checked when first used; damage found then is reported
 * once, the file removed, and what was damaged reads as empty. */
struct cache_src {
	struct cache_map *m;
	char *file;
	struct run *runs;
	size_t nruns, cap;
	void (*damaged)(void *arg, const char *file, const char *why);
	void *damaged_arg;
	atomic_int reported;
};

static void src_free(void *arg)
{
	struct cache_src *cs = arg;
	if (!cs)
		return;
	cache_map_close(cs->m);
	free(cs->file);
	free(cs->runs);
	free(cs);
}

static void src_damaged(struct cache_src *cs, const char *why)
{
	if (atomic_exchange(&cs->reported, 1))
		return;
	unlink(cs->file); /* the next start rebuilds it */
	if (cs->damaged)
		cs->damaged(cs->damaged_arg, cs->file, why);
}

static const struct run *run_of(const struct cache_src *cs, size_t i)
{
	size_t lo = 0, hi = cs->nruns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cs->runs[mid].at + cs->runs[mid].count <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < cs->nruns && cs->runs[lo].at <= i ? &cs->runs[lo] : NULL;
}

/* The cache article that archive article i is, or SIZE_MAX (*run: its run). */
static size_t cache_article(const struct cache_src *cs, size_t i, const struct run **run)
{
	*run = run_of(cs, i);
	return *run ? (*run)->first + (i - (*run)->at) : SIZE_MAX;
}

static void fill_article(void *arg, struct article *a, size_t i)
{
	struct cache_src *cs = arg;
	const struct run *run;
	size_t k = cache_article(cs, i, &run);
	memset(a, 0, sizeof *a);
	a->flags = ART_BORROWED;
	a->title = a->body = (char *)"";
	if (!run)
		return; /* cannot happen: only runs are lazy */
	a->file = run->path;
	const char *why = cache_map_check_art(cs->m, k);
	if (why) {
		src_damaged(cs, why);
		return;
	}
	const struct art_rec *ac = (const struct art_rec *)cache_map_section(cs->m, S_ARTS) + k;
	const char *str = cache_map_section(cs->m, S_STR);
	char *s[NSTR];
	for (int j = 0; j < NSTR; j++)
		s[j] = ac->str[j] == NO_STR ? NULL : (char *)str + ac->str[j];
	a->title = s[STR_TITLE];
	a->subtitle = s[STR_SUBTITLE];
	a->orig_title = s[STR_ORIG];
	a->source = s[STR_SOURCE];
	a->place = s[STR_PLACE];
	a->url = s[STR_URL];
	a->raw_title = s[STR_RAW];
	a->body = s[STR_BODY];
	a->body_len = ac->body_len;
	a->para = (uint32_t *)cache_map_section(cs->m, S_PARA) + ac->para_first;
	a->npara = ac->npara;
	a->date = (struct ymd){ ac->date[0], ac->date[1], ac->date[2] };
	a->dateline = (struct ymd){ ac->dateline[0], ac->dateline[1], ac->dateline[2] };
	a->offset = ac->offset;
	a->line = ac->line;
	a->hash = ac->hash;
	a->flags = ac->flags | ART_BORROWED;
	memcpy(a->id, ac->id, sizeof a->id);
	a->id[sizeof a->id - 1] = 0;
}

static int article_id(void *arg, size_t i, char out[24])
{
	struct cache_src *cs = arg;
	const struct run *run;
	size_t k = cache_article(cs, i, &run);
	const struct art_rec *r = run ? cache_map_art_rec(cs->m, k) : NULL;
	if (!r)
		return -1;
	memcpy(out, r->id, 24);
	out[23] = 0;
	return 0;
}

/* The result of a check as the factdb and index hooks want it: 0 when sound,
 * else -1 with the damage reported. */
static int reported(struct cache_src *cs, const char *why)
{
	if (why)
		src_damaged(cs, why);
	return why ? -1 : 0;
}

static int check_facts(void *arg, size_t k)
{
	struct cache_src *cs = arg;
	return reported(cs, cache_map_check_facts(cs->m, k));
}

static int check_postings(void *arg, size_t t)
{
	struct cache_src *cs = arg;
	return reported(cs, cache_map_check_postings(cs->m, t));
}

struct reuse_state {
	struct cache_src *cs;
	size_t next_file; /* files reused in cache order so far */
	size_t borrowed;  /* articles */
	int in_order;
};

static int reuse_file(void *arg, struct archive *ar, const char *path, const struct stat *st, int dry_run)
{
	struct reuse_state *rs = arg;
	struct cache_src *cs = rs->cs;
	const struct file_rec *r = cache_map_find_file(cs->m, path);
	int64_t mtime = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
	if (!r || r->size != (uint64_t)st->st_size || r->mtime_ns != mtime)
		return 0;
	if (dry_run)
		return 1;
	size_t fidx = (size_t)(r - (const struct file_rec *)cache_map_section(cs->m, S_FILES));
	if (fidx != rs->next_file++)
		rs->in_order = 0;
	const char *file = archive_add_file(ar, path, r->size, r->mtime_ns);
	cs->runs = xgrow(cs->runs, &cs->cap, cs->nruns + 1, sizeof *cs->runs);
	cs->runs[cs->nruns++] = (struct run){ ar->n, r->first, r->count, file };
	archive_add_lazy(ar, r->count);
	ar->finfo[ar->nfiles - 1].count = r->count;
	ar->bytes += r->size;
	rs->borrowed += r->count;
	return 1;
}

int cache_load(struct corpus *c, const char *file, char **paths, int npaths, struct diag *dg,
	       const char **why)
{
	return cache_load_deferred(c, file, paths, npaths, dg, why, 0);
}

void cache_finish(struct corpus *c)
{
	if (!c->pending)
		return;
	struct factdb_prior pr = { &c->pending_old, c->pending_prior };
	corpus_phase(c, "finding the measures");
	double t = corpus_clock();
	factdb_build(&c->fdb, &c->ar, &c->gz, c->nthreads, c->pending_prior ? &pr : NULL);
	c->t_facts += corpus_clock() - t;
	c->have_facts = 1;
	cache_save_facts_ready(c); /* written while the index is built */
	corpus_build_index(c);
	free(c->pending_prior);
	c->pending_prior = NULL;
	c->pending = 0;
}

int cache_load_deferred(struct corpus *c, const char *file, char **paths, int npaths, struct diag *dg,
			const char **why, int defer)
{
	*why = NULL;
	const char *bad = "not used";
	struct cache_map *m = file ? cache_map_open(file, c->gz.n, &bad) : NULL;
	struct cache_src *cs = NULL;
	struct reuse_state rs = { NULL, 0, 0, 1 };
	if (m) {
		cs = xcalloc(1, sizeof *cs);
		cs->m = m;
		cs->file = xstrdup(file);
		cs->damaged = c->damaged;
		cs->damaged_arg = c->damaged_arg;
		rs.cs = cs;
		c->ar.reuse = reuse_file;
		c->ar.reuse_arg = &rs;
		c->ar.lazy.fill = fill_article;
		c->ar.lazy.arg = cs;
	} else if (file && strcmp(bad, "none yet")) {
		*why = bad;
	}
	corpus_load_files(c, paths, npaths, dg);
	c->ar.reuse = NULL;
	c->ar.reuse_arg = NULL;
	if (!m || !rs.borrowed) {
		src_free(cs);
		c->ar.lazy.fill = NULL;
		c->ar.lazy.arg = NULL;
		archive_assign_ids(&c->ar);
		corpus_build_order(c);
		if (file && c->ar.n) /* the articles' part of the new cache, while the rest is built */
			cache_save_start(c, file);
		c->pending = 1; /* measures and index: now, or by cache_finish */
		if (!defer)
			cache_finish(c);
		return file != NULL;
	}
	c->cache = cs; /* the articles point into the map: keep it */
	c->cache_free = src_free;
	const struct cache_header *h = cache_map_header(m);
	struct factdb old = { 0 };
	factdb_single(&old, (struct fact *)cache_map_section(m, S_FACTS), h->count[S_FACTS], h->count[S_ARTS]);
	old.first = (uint32_t *)cache_map_section(m, S_FFIRST);
	old.home = (int32_t *)cache_map_section(m, S_HOME);
	old.about = (int32_t *)cache_map_section(m, S_ABOUT);
	old.pmask = (uint64_t *)cache_map_section(m, S_PMASK);
	old.borrowed = 1;
	old.check = check_facts;
	old.check_arg = cs;
	old.checked = cache_map_facts_checked(m);
	int whole = rs.borrowed == c->ar.n && rs.borrowed == h->count[S_ARTS] && rs.in_order &&
		    rs.next_file == h->count[S_FILES];
	if (whole) {
		c->ar.lazy.id = article_id; /* the ids in the cache are this archive's */
		c->fdb = old;
		c->have_facts = 1;
		struct index *ix = &c->ix;
		memset(ix, 0, sizeof *ix);
		ix->ndocs = (uint32_t)c->ar.n;
		ix->nterms = h->count[S_KEYS];
		ix->keys = cache_map_section(m, S_KEYS);
		ix->df = cache_map_section(m, S_DF);
		ix->off = cache_map_section(m, S_OFF);
		ix->post = cache_map_section(m, S_POST);
		ix->post_len = h->count[S_POST] - 8;
		ix->check = check_postings;
		ix->check_arg = cs;
		c->have_index = 1;
		c->by_date = (uint32_t *)cache_map_section(m, S_ORDER);
		c->by_date_borrowed = 1;
	} else {
		archive_assign_ids(&c->ar); /* ids depend on every article loaded */
		corpus_build_order(c);
		cache_save_start(c, file);
		int64_t *prior = xmalloc((c->ar.n + 1) * sizeof *prior);
		for (size_t i = 0; i < c->ar.n; i++)
			prior[i] = -1;
		for (size_t r = 0; r < cs->nruns; r++)
			for (size_t k = 0; k < cs->runs[r].count; k++)
				prior[cs->runs[r].at + k] = (int64_t)(cs->runs[r].first + k);
		/* measures and index: now, or by cache_finish */
		c->pending = 1;
		c->pending_old = old;
		c->pending_prior = prior;
		if (!defer)
			cache_finish(c);
	}
	c->from_cache = 1;
	c->files_reread = 0;
	for (size_t f = 0; f < c->ar.nfiles; f++)
		if (c->ar.finfo[f].count && !run_of(cs, c->ar.finfo[f].first))
			c->files_reread++;
	return !whole;
}

const char *cache_verify(struct corpus *c)
{
	struct cache_src *cs = c->cache_free == src_free ? c->cache : NULL;
	if (!cs)
		return NULL;
	const char *why = cache_map_check_all(cs->m);
	if (why)
		src_damaged(cs, why);
	return why;
}

const char *cache_check(const char *file)
{
	struct gazetteer gz;
	gazetteer_init(&gz);
	const char *why;
	struct cache_map *m = cache_map_open(file, gz.n, &why);
	if (m) {
		why = cache_map_check_all(m);
		cache_map_close(m);
	}
	gazetteer_free(&gz);
	return why;
}

const char *cache_lost(const struct corpus *c)
{
	const struct cache_src *cs = c->cache_free == src_free ? c->cache : NULL;
	return cs ? cache_map_lost(cs->m) : NULL;
}
