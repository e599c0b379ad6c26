/* Writing a cache file (the layout is cache_format.h's): a buffer written by a
 * thread while the next is filled and summed, and a new cache begun while the
 * archive it holds is indexed. */
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache_format.h"
#include "cache_write.h"
#include "files.h"
#include "strbuf.h"
#include "thread.h"
#include "xalloc.h"

#define BLOCK ((size_t)1 << 20) /* the writer's buffer: a whole number of chunks */
#define IO_ALIGN ((size_t)4096) /* direct I/O: buffers, offsets and lengths in pages */
_Static_assert(BLOCK % CACHE_CHUNK == 0 && BLOCK % IO_ALIGN == 0 && DATA_START % IO_ALIGN == 0,
	       "buffers hold whole chunks and pages; data starts on a page");

/* ---- writing ----------------------------------------------------------------- */

struct writer {
	int fd;
	uint8_t *buf; /* BLOCK bytes, page-aligned for direct I/O, being filled */
	size_t len;   /* bytes in buf */
	uint64_t pos; /* file offset of buf[0] */
	uint64_t summed_to; /* chunks before this offset are summed */
	uint64_t *bsum; /* the sum of each chunk written after the header */
	size_t nb, capb;
	int summing;
	int err; /* set by whoever writes: the thread below while it runs */
	/* A thread writes one full buffer while the next is filled (and summed):
	 * the disk and the copying overlap. */
	uint8_t *spare; /* the other buffer: being written (busy), or free */
	int threaded, busy, stop;
	size_t out_n;
	uint64_t out_at;
	pthread_t th;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

/* Sum the chunks complete in the buffer (and the last, partial one when
 * `last`). Buffers are written whole, and the first starts at DATA_START, so
 * no chunk spans two buffers. */
static void w_sum(struct writer *w, int last)
{
	uint64_t end = w->pos + w->len;
	while (w->summing && w->summed_to < end && (last || end - w->summed_to >= CACHE_CHUNK)) {
		size_t n = end - w->summed_to < CACHE_CHUNK ? (size_t)(end - w->summed_to) : CACHE_CHUNK;
		w->bsum = xgrow(w->bsum, &w->capb, w->nb + 1, sizeof *w->bsum);
		w->bsum[w->nb] = cache_sum(w->buf + (w->summed_to - w->pos), n, CHUNK_SEED(w->nb));
		w->nb++;
		w->summed_to += n;
	}
}

/* write(2) all of p. Direct I/O, where the file system refuses it, is turned
 * off and the write tried again. */
static void w_write(struct writer *w, const uint8_t *p, size_t n, uint64_t at)
{
	size_t done = 0;
	while (done < n && !w->err) {
		ssize_t r = pwrite(w->fd, p + done, n - done, (off_t)(at + done));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno == EINVAL && (fcntl(w->fd, F_GETFL) & O_DIRECT)) {
			fcntl(w->fd, F_SETFL, fcntl(w->fd, F_GETFL) & ~O_DIRECT);
			continue;
		}
		if (r <= 0)
			w->err = errno ? errno : EIO;
		else
			done += (size_t)r;
	}
}

static void *w_thread(void *arg)
{
	struct writer *w = arg;
	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->busy && !w->stop)
			pthread_cond_wait(&w->cond, &w->lock);
		if (!w->busy)
			break;
		pthread_mutex_unlock(&w->lock);
		w_write(w, w->spare, w->out_n, w->out_at);
		pthread_mutex_lock(&w->lock);
		w->busy = 0;
		pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

static void w_start(struct writer *w)
{
	w->spare = xaligned(IO_ALIGN, BLOCK);
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->cond, NULL);
	w->threaded = thread_start(&w->th, w_thread, w) == 0;
}

/* Set *flag under lock and wake whoever waits on cond. */
static void raise_flag(pthread_mutex_t *lock, pthread_cond_t *cond, int *flag)
{
	pthread_mutex_lock(lock);
	*flag = 1;
	pthread_cond_broadcast(cond);
	pthread_mutex_unlock(lock);
}

/* Wait for the last buffer to be written; the thread ends. */
static void w_stop(struct writer *w)
{
	if (w->threaded) {
		raise_flag(&w->lock, &w->cond, &w->stop);
		pthread_join(w->th, NULL);
		w->threaded = 0;
	}
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->cond);
	free(w->spare);
	w->spare = NULL;
}

/* Write the buffer out; the final one is padded to a page (direct I/O writes
 * whole pages) and the file cut back to its length afterwards. */
static void w_flush(struct writer *w)
{
	if (!w->len)
		return;
	w_sum(w, 0);
	size_t n = (w->len + IO_ALIGN - 1) & ~(IO_ALIGN - 1);
	memset(w->buf + w->len, 0, n - w->len);
	if (w->threaded) { /* hand it over once the previous one is written */
		pthread_mutex_lock(&w->lock);
		while (w->busy)
			pthread_cond_wait(&w->cond, &w->lock);
		uint8_t *full = w->buf;
		w->buf = w->spare;
		w->spare = full;
		w->out_n = n;
		w->out_at = w->pos;
		w->busy = 1;
		pthread_cond_broadcast(&w->cond);
		pthread_mutex_unlock(&w->lock);
	} else {
		w_write(w, w->buf, n, w->pos);
	}
	w->pos += w->len;
	w->len = 0;
}

static void w_put(struct writer *w, const void *p, size_t n)
{
	const uint8_t *s = p;
	while (n) {
		size_t k = BLOCK - w->len < n ? BLOCK - w->len : n;
		memcpy(w->buf + w->len, s, k);
		w->len += k;
		s += k;
		n -= k;
		if (w->len == BLOCK)
			w_flush(w);
	}
}

static uint64_t w_tell(const struct writer *w)
{
	return w->pos + w->len;
}

static void w_align(struct writer *w)
{
	static const uint8_t zero[8];
	size_t pad = (size_t)(-w_tell(w) & 7);
	w_put(w, zero, pad);
}

/* Section s: count elements at p, recorded in the header, 8-aligned after. */
static void w_section(struct writer *w, struct cache_header *h, int s, const void *p, uint64_t count)
{
	h->off[s] = w_tell(w);
	h->count[s] = count;
	w_put(w, p, count * cache_esize(s));
	w_align(w);
}

struct strtab {
	uint64_t len;
};

/* Strings are written NUL-terminated into S_STR; first pass measures, second writes. */
static uint64_t str_put(struct writer *w, struct strtab *st, const char *s, size_t n)
{
	if (!s)
		return NO_STR;
	uint64_t at = st->len;
	if (w) {
		w_put(w, s, n);
		w_put(w, "", 1);
	}
	st->len += n + 1;
	return at;
}

static void art_strings(const struct article *a, const char *s[NSTR], size_t n[NSTR])
{
	s[STR_TITLE] = a->title;
	s[STR_SUBTITLE] = a->subtitle;
	s[STR_ORIG] = a->orig_title;
	s[STR_SOURCE] = a->source;
	s[STR_PLACE] = a->place;
	s[STR_URL] = a->url;
	s[STR_RAW] = a->raw_title;
	s[STR_BODY] = a->body;
	for (int k = 0; k < NSTR; k++)
		n[k] = !s[k] ? 0 : k == STR_BODY ? a->body_len : strlen(s[k]);
}

/* A cache file being written. Its first sections (files, articles, their
 * paragraphs and strings) depend only on the archive; they can be written on a
 * thread while the measures and the index are built (cache_load_deferred
 * starts that), and cache_save writes the rest. */
struct cache_out {
	char *file;        /* the cache it becomes */
	struct strbuf tmp; /* its name until it is complete */
	struct writer w;
	struct cache_header h;
	const struct archive *ar;
	pthread_t th;
	int threaded; /* the first sections are being written on th */
	/* The thread goes on with the measures once they are built (cache_finish
	 * says so), while the index is built; or it stops (abandoned). */
	const struct factdb *fdb;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int facts_ready, cancel;
	int facts_written;
};

static const uint8_t zero[DATA_START];

const char *cache_tmp_path(const char *file, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s.%ld.tmp", file, (long)getpid());
	return n > 0 && (size_t)n < size ? buf : NULL;
}

/* Open the temporary file and start the writer: 0, or -1 with errno. */
static int out_open(struct cache_out *o, const struct archive *ar, const char *file)
{
	memset(o, 0, sizeof *o);
	o->ar = ar;
	o->file = xstrdup(file);
	make_parent_dirs(file);
	remove_dead_tmp(file); /* a build interrupted with ^C leaves most of a cache behind */
	char tmp[4096];
	if (!cache_tmp_path(file, tmp, sizeof tmp)) {
		free(o->file);
		errno = ENAMETOOLONG;
		return -1;
	}
	sb_adds(&o->tmp, tmp);
	struct writer *w = &o->w;
	w->summed_to = DATA_START;
	/* direct I/O: 2 GB copied into the page cache took longer than building
	 * some of it; the pages are read back only as they are used */
	w->fd = open(o->tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_DIRECT, 0600);
	if (w->fd < 0 && errno == EINVAL)
		w->fd = open(o->tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (w->fd < 0) {
		int e = errno;
		sb_free(&o->tmp);
		free(o->file);
		errno = e;
		return -1;
	}
	w->buf = xaligned(IO_ALIGN, BLOCK);
	w_start(w);
	struct cache_header *h = &o->h;
	memcpy(h->magic, CACHE_MAGIC, 8);
	h->version = CACHE_VERSION;
	h->endian = ENDIAN_MARK;
	h->sz_header = sizeof *h;
	h->sz_file = sizeof(struct file_rec);
	h->sz_art = sizeof(struct art_rec);
	h->sz_fact = sizeof(struct fact);
	w_put(w, zero, DATA_START);
	w_flush(w);
	w->summing = 1;
	pthread_mutex_init(&o->lock, NULL);
	pthread_cond_init(&o->cond, NULL);
	return 0;
}

/* The sections that come from the archive alone. */
static void out_articles(struct cache_out *o)
{
	const struct archive *ar = o->ar;
	struct writer *w = &o->w;
	struct cache_header *h = &o->h;
	/* string offsets: files' paths first, then each article's strings */
	struct strtab st = { 0 };
	uint64_t *path_at = xmalloc((ar->nfiles + 1) * sizeof *path_at);
	for (size_t f = 0; f < ar->nfiles; f++)
		path_at[f] = str_put(NULL, &st, ar->files[f], strlen(ar->files[f]));

	h->off[S_FILES] = w_tell(w);
	h->count[S_FILES] = ar->nfiles;
	for (size_t f = 0; f < ar->nfiles; f++) {
		struct file_rec r = { ar->finfo[f].size, ar->finfo[f].mtime_ns, path_at[f],
				      (uint32_t)ar->finfo[f].first, (uint32_t)ar->finfo[f].count };
		w_put(w, &r, sizeof r);
	}
	w_align(w);

	h->off[S_ARTS] = w_tell(w);
	h->count[S_ARTS] = ar->n;
	uint64_t npara = 0;
	size_t fi = 0;
	for (size_t i = 0; i < ar->n; i++) {
		const struct article *a = archive_art(ar, i);
		while (fi + 1 < ar->nfiles && ar->files[fi] != a->file)
			fi++;
		struct art_rec r;
		memset(&r, 0, sizeof r);
		const char *s[NSTR];
		size_t n[NSTR];
		art_strings(a, s, n);
		for (int k = 0; k < NSTR; k++)
			r.str[k] = str_put(NULL, &st, s[k], n[k]);
		memcpy(r.id, a->id, sizeof r.id);
		r.id[sizeof r.id - 1] = 0;
		r.offset = a->offset;
		r.line = a->line;
		r.hash = a->hash;
		r.body_len = (uint32_t)a->body_len;
		r.para_first = (uint32_t)npara;
		r.npara = (uint32_t)a->npara;
		r.flags = a->flags & ~(unsigned)ART_STORAGE;
		r.file = (uint32_t)fi;
		r.date[0] = a->date.y, r.date[1] = a->date.m, r.date[2] = a->date.d;
		r.dateline[0] = a->dateline.y, r.dateline[1] = a->dateline.m, r.dateline[2] = a->dateline.d;
		npara += a->npara;
		w_put(w, &r, sizeof r);
	}
	w_align(w);

	h->off[S_PARA] = w_tell(w);
	h->count[S_PARA] = npara;
	for (size_t i = 0; i < ar->n; i++)
		w_put(w, archive_art(ar, i)->para, archive_art(ar, i)->npara * sizeof(uint32_t));
	w_align(w);

	h->off[S_STR] = w_tell(w);
	h->count[S_STR] = st.len;
	struct strtab st2 = { 0 };
	for (size_t f = 0; f < ar->nfiles; f++)
		str_put(w, &st2, ar->files[f], strlen(ar->files[f]));
	for (size_t i = 0; i < ar->n; i++) {
		const char *s[NSTR];
		size_t n[NSTR];
		art_strings(archive_art(ar, i), s, n);
		for (int k = 0; k < NSTR; k++)
			str_put(w, &st2, s[k], n[k]);
	}
	w_align(w);
	free(path_at);
}

static void out_facts(struct cache_out *o, const struct factdb *fdb)
{
	const struct archive *ar = o->ar;
	struct writer *w = &o->w;
	struct cache_header *h = &o->h;
	h->off[S_FACTS] = w_tell(w);
	h->count[S_FACTS] = fdb->n;
	for (int p = 0; p < fdb->nparts; p++)
		w_put(w, fdb->part[p], (fdb->part_first[p + 1] - fdb->part_first[p]) * sizeof(struct fact));
	w_align(w);
	w_section(w, h, S_FFIRST, fdb->first, ar->n + 1);
	w_section(w, h, S_HOME, fdb->home, ar->n);
	w_section(w, h, S_ABOUT, fdb->about, ar->n * FACTS_ABOUT);
	w_section(w, h, S_PMASK, fdb->pmask, ar->n);
	o->facts_written = 1;
}

static void *out_articles_thread(void *arg)
{
	struct cache_out *o = arg;
	out_articles(o);
	pthread_mutex_lock(&o->lock);
	while (!o->facts_ready && !o->cancel)
		pthread_cond_wait(&o->cond, &o->lock);
	int go = !o->cancel;
	pthread_mutex_unlock(&o->lock);
	if (go)
		out_facts(o, o->fdb);
	return NULL;
}

/* The measures of o's corpus are built: the thread may write them. */
static void out_facts_ready(struct cache_out *o, const struct factdb *fdb)
{
	pthread_mutex_lock(&o->lock);
	if (!o->facts_ready) {
		o->fdb = fdb;
		o->facts_ready = 1;
	}
	pthread_cond_broadcast(&o->cond);
	pthread_mutex_unlock(&o->lock);
}

/* Wait for the thread writing the first sections, if any. */
static void out_join(struct cache_out *o)
{
	if (o->threaded) {
		pthread_join(o->th, NULL);
		o->threaded = 0;
	}
}

/* What o holds once its file is complete or given up (o->file NULL: done). */
static void out_done(struct cache_out *o)
{
	sb_free(&o->tmp);
	free(o->file);
	o->file = NULL;
	pthread_mutex_destroy(&o->lock);
	pthread_cond_destroy(&o->cond);
}

/* Give up a file being written: nothing is left of it. */
static void out_abandon(struct cache_out *o)
{
	if (o->threaded)
		raise_flag(&o->lock, &o->cond, &o->cancel);
	out_join(o);
	w_stop(&o->w);
	free(o->w.buf);
	free(o->w.bsum);
	close(o->w.fd);
	unlink(o->tmp.s);
	out_done(o);
}

static void out_free(void *arg)
{
	struct cache_out *o = arg;
	if (o->file) /* never finished by cache_save */
		out_abandon(o);
	free(o);
}

void cache_save_start(struct corpus *c, const char *file)
{
	struct cache_out *o = xmalloc(sizeof *o);
	if (out_open(o, &c->ar, file) != 0) {
		free(o);
		return;
	}
	o->threaded = thread_start(&o->th, out_articles_thread, o) == 0;
	if (!o->threaded)
		out_articles(o);
	c->saving = o;
	c->saving_free = out_free;
}

/* The rest of the file, the header, and the rename. */
static int out_finish(struct cache_out *o, const struct corpus *c)
{
	const struct archive *ar = &c->ar;
	struct writer *w = &o->w;
	struct cache_header *h = &o->h;
	if (!o->facts_written)
		out_facts(o, &c->fdb);
	const struct index *ix = &c->ix;
	w_section(w, h, S_KEYS, ix->keys, ix->nterms);
	w_section(w, h, S_DF, ix->df, ix->nterms);
	w_section(w, h, S_OFF, ix->off, ix->nterms + 1);
	h->off[S_POST] = w_tell(w);
	h->count[S_POST] = ix->post_len + 8; /* zero bytes end every varint */
	w_put(w, ix->post, ix->post_len);
	w_put(w, zero, 8);
	w_align(w);
	w_section(w, h, S_ORDER, c->by_date, ar->n);
	w_sum(w, 1);
	w->summing = 0;
	h->off[S_BSUM] = w_tell(w);
	h->count[S_BSUM] = w->nb;
	h->bsum_sum = cache_sum(w->bsum, w->nb * sizeof *w->bsum, CACHE_VERSION);
	w_put(w, w->bsum, w->nb * sizeof *w->bsum);
	w_flush(w);
	w_stop(w);
	h->file_len = w->pos;
	memset(w->buf, 0, DATA_START);
	memcpy(w->buf, h, sizeof *h);
	h->head_sum = cache_sum(w->buf, DATA_START, CACHE_VERSION);
	memcpy(w->buf, h, sizeof *h);
	w_write(w, w->buf, DATA_START, 0);
	free(w->buf);
	free(w->bsum);
	int err = w->err;
	if (!err && ftruncate(w->fd, (off_t)h->file_len) != 0) /* the last page's padding */
		err = errno;
	if (!err && fsync(w->fd) != 0)
		err = errno;
	if (close(w->fd) != 0 && !err)
		err = errno;
	if (!err && rename(o->tmp.s, o->file) != 0)
		err = errno;
	if (err)
		unlink(o->tmp.s);
	else
		sync_parent_dir(o->file);
	out_done(o);
	errno = err;
	return err ? -1 : 0;
}

int cache_save(const struct corpus *c, const char *file)
{
	const struct archive *ar = &c->ar;
	struct cache_out *early = c->saving;
	if (early && (!early->file || strcmp(early->file, file) != 0 || early->ar != ar))
		early = NULL; /* started for another file, or already finished */
	int bad = !c->have_index || !c->have_facts || !c->by_date || ar->n > UINT32_MAX;
	/* what came from a mapped cache is written only once checked */
	for (size_t d = 0; !bad && c->fdb.check && d < c->fdb.ndocs; d++)
		if (c->fdb.check(c->fdb.check_arg, d) != 0)
			bad = EIO;
	for (size_t t = 0; !bad && c->ix.check && t < c->ix.nterms; t++)
		if (c->ix.check(c->ix.check_arg, t) != 0)
			bad = EIO;
	if (bad) {
		if (early)
			out_abandon(early);
		errno = bad == EIO ? EIO : EINVAL;
		return -1;
	}
	struct cache_out local;
	struct cache_out *o = early;
	if (o) {
		out_facts_ready(o, &c->fdb); /* if cache_finish did not say so */
		out_join(o);
	} else {
		if (out_open(&local, ar, file) != 0)
			return -1;
		o = &local;
		out_articles(o);
	}
	return out_finish(o, c);
}

void cache_save_facts_ready(struct corpus *c)
{
	if (c->saving && c->saving_free == out_free)
		out_facts_ready(c->saving, &c->fdb);
}
