#include "archive.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "encoding.h"
#include "fields.h"
#include "hash.h"
#include "radix.h"
#include "recover.h"
#include "format.h"
#include "neighbours.h"
#include "strbuf.h"
#include "thread.h"
#include "xalloc.h"

void archive_init(struct archive *ar)
{
	memset(ar, 0, sizeof *ar);
}

void archive_free(struct archive *ar)
{
	for (size_t i = 0; i < ar->n; i++)
		if (i >= ar->lazy.n || !atomic_load(&ar->lazy.state[i])) /* a lazy one never filled holds nothing */
			article_free(&ar->art[i]);
	free((void *)ar->lazy.state);
	free(ar->art);
	for (size_t i = 0; i < ar->nfiles; i++)
		free(ar->files[i]);
	free(ar->files);
	free(ar->finfo);
	free(ar->by_id);
	memset(ar, 0, sizeof *ar);
}

struct file_load {
	struct archive *ar;
	const char *file;
	const struct decoded *dec;
	size_t first; /* index of this file's first article */
	struct diag *dg;
	struct path_facts pathf; /* once for all its articles */
	struct field_map map;    /* the rules that match its path, borrowed */
};

static void add_draft(void *arg, struct draft *d)
{
	struct file_load *fl = arg;
	struct archive *ar = fl->ar;
	d->offset = decoded_raw_offset(fl->dec, d->offset);
	d->pathf = &fl->pathf;
	ar->art = xgrow(ar->art, &ar->cap, ar->n + 1, sizeof *ar->art);
	struct article *a = &ar->art[ar->n];
	if (article_build(d, a) == 0) {
		a->file = fl->file;
		ar->n++;
	}
}

static const char *intern_file(struct archive *ar, const char *name)
{
	size_t cap = ar->capfiles;
	ar->files = xgrow(ar->files, &ar->capfiles, ar->nfiles + 1, sizeof *ar->files);
	if (ar->capfiles != cap || !ar->finfo)
		ar->finfo = xrealloc(ar->finfo, ar->capfiles * sizeof *ar->finfo);
	ar->files[ar->nfiles] = xstrdup(name);
	ar->finfo[ar->nfiles] = (struct file_info){ 0, 0, ar->n, 0 };
	return ar->files[ar->nfiles++];
}

const char *archive_add_file(struct archive *ar, const char *path, uint64_t size, int64_t mtime_ns)
{
	const char *p = intern_file(ar, path);
	ar->finfo[ar->nfiles - 1].size = size;
	ar->finfo[ar->nfiles - 1].mtime_ns = mtime_ns;
	return p;
}

void archive_reserve(struct archive *ar, size_t n)
{
	ar->art = xgrow(ar->art, &ar->cap, ar->n + n, sizeof *ar->art);
}

void archive_add_lazy(struct archive *ar, size_t n)
{
	if (!n) /* a file the cache holds no article of: nothing to add */
		return;
	archive_reserve(ar, n);
	struct archive_lazy *lz = &ar->lazy;
	if (ar->n + n > lz->cap) {
		size_t cap = lz->cap ? lz->cap : 1024;
		while (cap < ar->n + n)
			cap *= 2;
		lz->state = xrealloc((void *)lz->state, cap);
		lz->cap = cap;
	}
	/* articles read since the last lazy ones are whole */
	memset((void *)(lz->state + lz->n), 0, ar->n - lz->n);
	memset((void *)(lz->state + ar->n), 1, n);
	ar->n += n;
	lz->n = ar->n;
}

void archive_fill(const struct archive *ar, size_t i)
{
	const struct archive_lazy *lz = &ar->lazy;
	unsigned char want = 1;
	if (atomic_compare_exchange_strong(&lz->state[i], &want, 2)) {
		lz->fill(lz->arg, &ar->art[i], i);
		atomic_store_explicit(&lz->state[i], 0, memory_order_release);
		return;
	}
	while (atomic_load_explicit(&lz->state[i], memory_order_acquire)) /* another thread fills it */
		sched_yield();
}

void archive_fill_all(const struct archive *ar)
{
	for (size_t i = 0; i < ar->lazy.n; i++)
		archive_art(ar, i);
}

/* own, when not NULL, is data itself, malloc'd with a NUL at data[n]: the
 * decoder may take it rather than copy it (then *own is NULL). */
static size_t load_buffer(struct archive *ar, const char *name, const unsigned char *data, size_t n,
			  struct diag *dg, char **own)
{
	size_t before = ar->n;
	struct decoded dec;
	const char *why = NULL;
	ar->bytes += n;
	if (n == 0) {
		diag_report(dg, name, 0, "empty file");
		return 0;
	}
	if ((own ? decode_bytes_take(own, n, &dec, &why) : decode_bytes(data, n, &dec, &why)) != 0) {
		diag_report(dg, name, 0, "%s", why);
		return 0;
	}
	if (dec.replaced) /* at the line of the first */
		diag_report(dg, name, decoded_line(&dec, dec.first_bad),
			    "%zu invalid byte sequence(s) in %s text replaced by U+FFFD%s", dec.replaced,
			    encoding_name(dec.enc), dec.replaced > 1 ? ", the first here" : "");
	struct file_load fl;
	memset(&fl, 0, sizeof fl);
	fl.ar = ar;
	fl.file = intern_file(ar, name);
	fl.dec = &dec;
	fl.first = ar->n;
	fl.dg = dg;
	recover_path(name, &fl.pathf);
	field_maps_for(ar->maps, name, &fl.map);
	struct load_ctx ctx = { name, dg, add_draft, &fl, &fl.map, dec.plain };
	enum format f = format_detect(dec.text, dec.len);
	switch (f) {
	case FMT_EMPTY:
		diag_report(dg, name, 0, "no text in file");
		break;
	case FMT_BLOCKS: load_blocks(dec.text, dec.len, &ctx); break;
	case FMT_JSON: load_json(dec.text, dec.len, &ctx); break;
	case FMT_PAPER: load_paper(dec.text, dec.len, &ctx); break;
	case FMT_WEB: load_plain(dec.text, dec.len, &ctx, 1); break;
	case FMT_PLAIN: load_plain(dec.text, dec.len, &ctx, 0); break;
	case FMT_DUMP: load_dump(dec.text, dec.len, &ctx); break;
	case FMT_CSV: load_csv(dec.text, dec.len, &ctx); break;
	case FMT_PAGE: load_page(dec.text, dec.len, &ctx); break;
	}
	for (size_t i = before; i < ar->n; i++)
		ART_SET(ar->art[i].flags, ART_FORMAT_SHIFT, f);
	ar->finfo[ar->nfiles - 1].size = n;
	ar->finfo[ar->nfiles - 1].count = ar->n - before;
	if (f != FMT_EMPTY && ar->n == before)
		diag_report(dg, name, 0, "no article found (read as %s)", format_name(f));
	decoded_free(&dec);
	neighbours_years(ar, ar->nfiles - 1);
	return ar->n - before;
}

size_t archive_load_buffer(struct archive *ar, const char *name, const unsigned char *data,
			   size_t n, struct diag *dg)
{
	return load_buffer(ar, name, data, n, dg, NULL);
}

static int read_all(int fd, struct strbuf *sb)
{
	for (;;) {
		if (sb->cap <= sb->len + 1) /* full: the file grew, or its size was unknown */
			sb_reserve(sb, 1 << 16);
		ssize_t r = read(fd, sb->s + sb->len, sb->cap - sb->len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			break;
		sb->len += (size_t)r;
	}
	sb->s[sb->len] = '\0';
	return 0;
}

static size_t load_file(struct archive *ar, const char *path, struct diag *dg)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		diag_report(dg, path, 0, "cannot open: %s", strerror(errno));
		return 0;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_report(dg, path, 0, "not a regular file, skipped");
		close(fd);
		return 0;
	}
	struct strbuf sb = STRBUF_INIT;
	/* one byte more than the file, so that the read that meets its end needs no more room */
	sb_reserve(&sb, st.st_size > 0 ? (size_t)st.st_size + 1 : 0);
	if (read_all(fd, &sb) != 0) {
		diag_report(dg, path, 0, "read error: %s", strerror(errno));
		close(fd);
		sb_free(&sb);
		return 0;
	}
	close(fd);
	size_t nfiles = ar->nfiles;
	size_t added = load_buffer(ar, path, (const unsigned char *)sb.s, sb.len, dg, &sb.s);
	if (ar->nfiles > nfiles) /* the size and time it had when opened */
		ar->finfo[ar->nfiles - 1].mtime_ns =
			(int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	sb_free(&sb);
	return added;
}

struct dir_stack {
	dev_t dev[64];
	ino_t ino[64];
	int depth;
};

/* One thing the walk found: a regular file to read, or a problem to report. */
struct entry {
	char *path;
	struct stat st;
	char *problem;     /* reported in its place in the order */
	int reuse;         /* the reuse hook will supply it */
	/* filled by a reader thread */
	struct archive part;
	struct diag_msg *msgs;
	size_t nmsgs;
};

struct diag_msg {
	uint64_t line;
	char *msg;
};

struct walk {
	struct entry *v;
	size_t n, cap;
};

static void walk_problem(struct walk *w, const char *path, const char *fmt, const char *detail)
{
	w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
	struct entry *e = &w->v[w->n++];
	memset(e, 0, sizeof *e);
	e->path = xstrdup(path);
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, fmt, detail);
	e->problem = sb_detach(&sb);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_any(struct walk *w, const char *path, struct dir_stack *ds);

static void walk_dir(struct walk *w, const char *path, struct dir_stack *ds, const struct stat *st)
{
	for (int i = 0; i < ds->depth; i++)
		if (ds->dev[i] == st->st_dev && ds->ino[i] == st->st_ino) {
			walk_problem(w, path, "symbolic link loop, skipped%s", "");
			return;
		}
	if (ds->depth == 64) {
		walk_problem(w, path, "directories nested too deep, skipped%s", "");
		return;
	}
	DIR *dir = opendir(path);
	if (!dir) {
		walk_problem(w, path, "cannot open directory: %s", strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* hidden entries, "." and ".." */
		names = xgrow(names, &cap, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	ds->dev[ds->depth] = st->st_dev;
	ds->ino[ds->depth] = st->st_ino;
	ds->depth++;
	struct strbuf child = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		sb_reset(&child);
		sb_adds(&child, path);
		if (child.len && child.s[child.len - 1] != '/')
			sb_addc(&child, '/');
		sb_adds(&child, names[i]);
		walk_any(w, child.s, ds);
		free(names[i]);
	}
	ds->depth--;
	sb_free(&child);
	free(names);
}

static void walk_any(struct walk *w, const char *path, struct dir_stack *ds)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ELOOP)
			walk_problem(w, path, "symbolic link loop, skipped%s", "");
		else
			walk_problem(w, path, "cannot read: %s", strerror(errno));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		walk_dir(w, path, ds, &st);
		return;
	}
	if (!S_ISREG(st.st_mode)) {
		walk_problem(w, path, "not a regular file, skipped%s", "");
		return;
	}
	w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
	struct entry *e = &w->v[w->n++];
	memset(e, 0, sizeof *e);
	e->path = xstrdup(path);
	e->st = st;
}

/* A reader thread's sink: keep the messages for their turn. */
static void keep_msg(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)path;
	struct entry *e = arg;
	e->msgs = xrealloc(e->msgs, (e->nmsgs + 1) * sizeof *e->msgs);
	e->msgs[e->nmsgs].line = line;
	e->msgs[e->nmsgs].msg = xstrdup(msg);
	e->nmsgs++;
}

static void read_entry(struct entry *e, const struct field_maps *maps)
{
	struct diag dg = { keep_msg, e, 0 };
	archive_init(&e->part);
	e->part.maps = maps;
	load_file(&e->part, e->path, &dg);
}

struct readers {
	struct entry *v;
	size_t n;
	size_t next; /* the next entry to take, shared */
	pthread_mutex_t lock;
	uint64_t done, total; /* bytes read so far (under lock), of all */
	size_t articles;
	const struct archive *ar; /* for its progress callback */
	pthread_t main;
};

static void *reader(void *arg)
{
	struct readers *r = arg;
	for (;;) {
		pthread_mutex_lock(&r->lock);
		size_t i = r->next;
		while (i < r->n && (r->v[i].problem || r->v[i].reuse))
			i++;
		r->next = i + 1;
		pthread_mutex_unlock(&r->lock);
		if (i >= r->n)
			return NULL;
		read_entry(&r->v[i], r->ar->maps);
		pthread_mutex_lock(&r->lock);
		r->done += (uint64_t)r->v[i].st.st_size;
		r->articles += r->v[i].part.n;
		uint64_t done = r->done;
		size_t articles = r->articles;
		pthread_mutex_unlock(&r->lock);
		/* only the loading thread reports: the callback may draw */
		if (r->ar->progress && pthread_equal(pthread_self(), r->main))
			r->ar->progress(r->ar->progress_arg, done, r->total, articles);
	}
}

/* Move the articles read into e->part to the end of ar. */
static void take_part(struct archive *ar, struct entry *e)
{
	struct archive *p = &e->part;
	for (size_t f = 0; f < p->nfiles; f++) {
		const char *name = archive_add_file(ar, p->files[f], p->finfo[f].size, p->finfo[f].mtime_ns);
		struct file_info *fi = &ar->finfo[ar->nfiles - 1];
		fi->first = ar->n;
		fi->count = p->finfo[f].count;
		archive_reserve(ar, p->finfo[f].count);
		for (size_t k = 0; k < p->finfo[f].count; k++) {
			struct article *a = &p->art[p->finfo[f].first + k];
			a->file = name;
			ar->art[ar->n++] = *a;
		}
	}
	ar->bytes += p->bytes;
	p->n = 0; /* the articles belong to ar now */
	archive_free(p);
}

size_t archive_load(struct archive *ar, const char *path, struct diag *dg)
{
	char *paths[1] = { (char *)path };
	return archive_load_paths(ar, paths, 1, dg);
}

size_t archive_load_paths(struct archive *ar, char **paths, int npaths, struct diag *dg)
{
	struct walk w = { NULL, 0, 0 };
	for (int i = 0; i < npaths; i++) {
		struct dir_stack ds;
		ds.depth = 0;
		walk_any(&w, paths[i], &ds);
	}
	size_t before = ar->n, toread = 0, files_before = ar->nfiles;
	for (size_t i = 0; i < w.n; i++) {
		struct entry *e = &w.v[i];
		if (!e->problem && ar->reuse && ar->reuse(ar->reuse_arg, ar, e->path, &e->st, 1))
			e->reuse = 1;
		toread += !e->problem && !e->reuse;
	}
	/* read the files on several threads; then take them in order */
	int nt = ar->nthreads > 1 && toread > 1 ? ar->nthreads : 1;
	struct readers r = { w.v, w.n, 0, PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, ar, pthread_self() };
	for (size_t i = 0; i < w.n; i++)
		if (!w.v[i].problem && !w.v[i].reuse)
			r.total += (uint64_t)w.v[i].st.st_size;
	pthread_t th[16];
	int started = 0;
	if (nt > 16)
		nt = 16;
	for (int t = 1; t < nt; t++)
		if (thread_start(&th[started], reader, &r) == 0)
			started++;
	if (started)
		reader(&r);
	for (int t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	size_t read = 0; /* room for what was read, at once */
	for (size_t i = 0; i < w.n; i++)
		read += w.v[i].part.n;
	archive_reserve(ar, read);
	for (size_t i = 0; i < w.n; i++) {
		struct entry *e = &w.v[i];
		if (e->problem) {
			diag_report(dg, e->path, 0, "%s", e->problem);
		} else if (e->reuse && ar->reuse(ar->reuse_arg, ar, e->path, &e->st, 0)) {
			/* supplied by the hook */
		} else {
			if (!started || e->reuse) { /* read it now (one thread, or the hook changed its mind) */
				read_entry(e, ar->maps);
				r.done += (uint64_t)e->st.st_size;
				if (ar->progress)
					ar->progress(ar->progress_arg, r.done, r.total, ar->n + e->part.n);
			}
			for (size_t k = 0; k < e->nmsgs; k++)
				diag_report(dg, e->path, e->msgs[k].line, "%s", e->msgs[k].msg);
			take_part(ar, e);
		}
		for (size_t k = 0; k < e->nmsgs; k++)
			free(e->msgs[k].msg);
		free(e->msgs);
		free(e->path);
		free(e->problem);
	}
	free(w.v);
	pthread_mutex_destroy(&r.lock);
	neighbours_years(ar, files_before);
	return ar->n - before;
}

static int hash_order(const void *a, const void *b, void *arg)
{
	const struct article *art = arg;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	if (art[i].hash != art[j].hash)
		return art[i].hash < art[j].hash ? -1 : 1;
	return i < j ? -1 : i > j;
}

void archive_assign_ids(struct archive *ar)
{
	free(ar->by_id); /* the ids change */
	ar->by_id = NULL;
	size_t n = ar->n;
	if (!n)
		return;
	archive_fill_all(ar);
	/* order by hash, then archive order: a radix sort by the first 32 bits;
	 * the rare groups that share them are ordered by the whole hash */
	uint64_t *v = xmalloc(n * sizeof *v), *tmp = xmalloc(n * sizeof *tmp);
	for (size_t i = 0; i < n; i++)
		v[i] = (ar->art[i].hash >> 32) << 32 | (uint32_t)i;
	uint64_t *sorted = radix_sort_hi32(v, tmp, n);
	size_t *ord = xmalloc(n * sizeof *ord);
	for (size_t i = 0; i < n; i++)
		ord[i] = (uint32_t)sorted[i];
	/* each article's id: its hash's first `digits` hex digits and its copy number */
	uint8_t *digits_of = xmalloc(n);
	uint32_t *copy_of = xmalloc(n * sizeof *copy_of);
	for (size_t g = 0; g < n;) {
		size_t e = g + 1;
		while (e < n && sorted[e] >> 32 == sorted[g] >> 32)
			e++;
		if (e - g == 1) { /* the common case: a hash of its own */
			digits_of[ord[g]] = 8;
			copy_of[ord[g]] = 1;
			g = e;
			continue;
		}
		qsort_r(ord + g, e - g, sizeof *ord, hash_order, ar->art);
		/* digits needed so that distinct hashes in the group differ */
		int digits = 8;
		for (size_t k = g + 1; k < e; k++) {
			uint64_t a = ar->art[ord[k - 1]].hash, b = ar->art[ord[k]].hash;
			if (a == b)
				continue;
			int need = 8;
			while (need < 16 && (a >> (64 - 4 * need)) == (b >> (64 - 4 * need)))
				need += 4;
			if (need > digits)
				digits = need;
		}
		uint32_t copy = 0;
		for (size_t k = g; k < e; k++) {
			copy = (k > g && ar->art[ord[k - 1]].hash == ar->art[ord[k]].hash) ? copy + 1 : 1;
			digits_of[ord[k]] = (uint8_t)digits;
			copy_of[ord[k]] = copy;
		}
		g = e;
	}
	free(v);
	free(tmp);
	for (size_t i = 0; i < n; i++) { /* in archive order: one pass over the articles */
		struct article *a = &ar->art[i];
		static const char hex[] = "0123456789abcdef";
		int d = digits_of[i];
		for (int k = 0; k < d; k++)
			a->id[k] = hex[(a->hash >> (60 - 4 * k)) & 0xF];
		a->id[d] = '\0';
		if (copy_of[i] > 1) /* the same text again: a reprint */
			snprintf(a->id + d, sizeof a->id - (size_t)d, "-%u", copy_of[i]);
	}
	free(digits_of);
	free(copy_of);
	free(ord);
}

static int id_order(const void *a, const void *b, void *arg)
{
	const struct article *art = arg;
	return strcmp(art[*(const size_t *)a].id, art[*(const size_t *)b].id);
}

/* archive_find by one pass over the ids, so that a lookup in a large archive
 * fresh from the cache fills in only the article found. */
static struct article *find_lazy(struct archive *ar, const char *id, int *ambiguous)
{
	size_t len = strlen(id), prefixed = 0, found = 0;
	for (size_t i = 0; i < ar->n; i++) {
		char buf[24];
		const char *s = buf;
		if (i < ar->lazy.n && atomic_load(&ar->lazy.state[i])) {
			if (ar->lazy.id(ar->lazy.arg, i, buf) != 0)
				continue;
		} else {
			s = ar->art[i].id;
		}
		if (!strcmp(s, id))
			return archive_art(ar, i);
		if (len >= 4 && !strncmp(s, id, len) && !prefixed++)
			found = i;
	}
	*ambiguous = prefixed > 1;
	return prefixed == 1 ? archive_art(ar, found) : NULL;
}

struct article *archive_find(struct archive *ar, const char *id, int *ambiguous)
{
	size_t len = strlen(id);
	*ambiguous = 0;
	if (!ar->n)
		return NULL;
	if (!ar->by_id && ar->lazy.id) /* articles not filled in yet: their ids alone */
		return find_lazy(ar, id, ambiguous);
	if (!ar->by_id) { /* ids sorted once: every lookup is a binary search */
		archive_fill_all(ar);
		ar->by_id = xmalloc(ar->n * sizeof *ar->by_id);
		for (size_t i = 0; i < ar->n; i++)
			ar->by_id[i] = i;
		qsort_r(ar->by_id, ar->n, sizeof *ar->by_id, id_order, ar->art);
	}
	/* the first id not below `id` */
	size_t lo = 0, hi = ar->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ar->art[ar->by_id[mid]].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == ar->n)
		return NULL;
	struct article *a = &ar->art[ar->by_id[lo]];
	if (!strcmp(a->id, id))
		return a;
	if (len < 4 || strncmp(a->id, id, len))
		return NULL;
	if (lo + 1 < ar->n && !strncmp(ar->art[ar->by_id[lo + 1]].id, id, len)) {
		*ambiguous = 1;
		return NULL;
	}
	return a;
}

uint64_t archive_paths_key(char **paths, int npaths)
{
	uint64_t h = 0;
	for (int i = 0; i < npaths; i++) {
		char *real = realpath(paths[i], NULL);
		const char *p = real ? real : paths[i];
		h = hash64(p, strlen(p) + 1, h);
		/* the paths as typed too: the archive records them so */
		h = hash64(paths[i], strlen(paths[i]) + 1, h);
		free(real);
	}
	return h;
}
