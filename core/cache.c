#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "hash.h"
#include "strbuf.h"
#include "thread.h"
#include "xalloc.h"

#define CACHE_MAGIC "EPNWCACH"
#define CACHE_VERSION 4u /* 4: each article once per posting list */
/* Mixed into the file name. It stays put when the version changes, so that a
 * cache of an older version is refused and rewritten in place, not left behind. */
#define CACHE_NAME_SALT 3u
#define ENDIAN_MARK 0x01020304u
#define NO_STR UINT64_MAX
#define BLOCK ((size_t)1 << 20)

enum { S_FILES, S_ARTS, S_PARA, S_STR, S_FACTS, S_FFIRST, S_HOME, S_KEYS, S_DF, S_OFF, S_POST, S_ORDER, NSEC };


struct header {
	char magic[8];
	uint32_t version, endian;
	uint32_t sz_header, sz_file, sz_art, sz_fact;
	uint64_t file_len, sum;
	uint64_t count[NSEC]; /* elements */
	uint64_t off[NSEC];   /* byte offsets, 8-aligned */
};

struct file_rec {
	uint64_t size;
	int64_t mtime_ns;
	uint64_t path; /* into S_STR */
	uint32_t first, count;
};

enum { STR_TITLE, STR_SUBTITLE, STR_ORIG, STR_SOURCE, STR_PLACE, STR_URL, STR_BODY, NSTR };

struct art_rec {
	uint64_t str[NSTR];
	uint64_t offset, line, hash;
	uint32_t body_len, para_first, npara, flags, file;
	int32_t date[3], dateline[3];
	char id[24]; /* valid when the whole archive is reused in order */
};

#define DATA_START ((sizeof(struct header) + 63) & ~(size_t)63)

/* Bytes per element of each section. */
static size_t esize(int s)
{
	static const size_t size[NSEC] = {
		[S_FILES] = sizeof(struct file_rec), [S_ARTS] = sizeof(struct art_rec),
		[S_PARA] = sizeof(uint32_t),         [S_STR] = 1,
		[S_FACTS] = sizeof(struct fact),     [S_FFIRST] = sizeof(uint32_t),
		[S_HOME] = sizeof(int32_t),          [S_KEYS] = sizeof(uint32_t),
		[S_DF] = sizeof(uint32_t),           [S_OFF] = sizeof(uint64_t),
		[S_POST] = 1,                        [S_ORDER] = sizeof(uint32_t),
	};
	return size[s];
}

/* A checksum for detecting damage (not an adversary): four independent lanes so
 * it runs at memory speed, blocks chained through the seed. */
static uint64_t block_sum(const uint8_t *p, size_t n, uint64_t seed)
{
	uint64_t a = seed ^ 0x9E3779B97F4A7C15ull, b = seed + 0xC2B2AE3D27D4EB4Full,
		 c = ~seed, d = seed ^ (uint64_t)n;
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		uint64_t w[4];
		memcpy(w, p + i, 32);
		a = (a ^ w[0]) * 0x9E3779B97F4A7C15ull;
		b = (b ^ w[1]) * 0xC2B2AE3D27D4EB4Full;
		c = (c ^ w[2]) * 0x165667B19E3779F9ull;
		d = (d ^ w[3]) * 0x27D4EB2F165667C5ull;
		a ^= a >> 31;
		b ^= b >> 29;
		c ^= c >> 32;
		d ^= d >> 33;
	}
	return hash64(p + i, n - i, a ^ (b << 1) ^ (c << 2) ^ (d << 3) ^ (b >> 7) ^ (d >> 5));
}

/* ---- naming ------------------------------------------------------------------ */

const char *cache_path(char **paths, int npaths, char *buf, size_t size)
{
	char name[64];
	snprintf(name, sizeof name, "%016llx.cache",
		 (unsigned long long)(archive_paths_key(paths, npaths) ^ CACHE_NAME_SALT));
	return xdg_file("XDG_CACHE_HOME", ".cache", name, buf, size);
}

/* ---- writing ----------------------------------------------------------------- */

struct writer {
	int fd;
	uint8_t *buf;
	size_t len;   /* bytes in buf */
	uint64_t pos; /* file offset of buf[0] */
	uint64_t sum;
	int err;
};

static void w_flush(struct writer *w)
{
	if (!w->len)
		return;
	if (w->pos >= DATA_START) /* the header is summed apart */
		w->sum = block_sum(w->buf, w->len, w->sum);
	size_t done = 0;
	while (done < w->len && !w->err) {
		ssize_t r = write(w->fd, w->buf + done, w->len - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			w->err = errno ? errno : EIO;
		else
			done += (size_t)r;
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
	s[STR_BODY] = a->body;
	for (int k = 0; k < NSTR; k++)
		n[k] = !s[k] ? 0 : k == STR_BODY ? a->body_len : strlen(s[k]);
}

int cache_save(const struct corpus *c, const char *file)
{
	const struct archive *ar = &c->ar;
	if (!c->have_index || !c->have_facts || !c->by_date || ar->n > UINT32_MAX) {
		errno = EINVAL;
		return -1;
	}
	make_parent_dirs(file);
	struct strbuf tmp = STRBUF_INIT;
	sb_addf(&tmp, "%s.%ld.tmp", file, (long)getpid());
	struct writer w = { -1, NULL, 0, 0, CACHE_VERSION, 0 };
	w.fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (w.fd < 0) {
		sb_free(&tmp);
		return -1;
	}
	w.buf = xmalloc(BLOCK);
	struct header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, CACHE_MAGIC, 8);
	h.version = CACHE_VERSION;
	h.endian = ENDIAN_MARK;
	h.sz_header = sizeof h;
	h.sz_file = sizeof(struct file_rec);
	h.sz_art = sizeof(struct art_rec);
	h.sz_fact = sizeof(struct fact);
	static const uint8_t zero[DATA_START];
	w_put(&w, zero, DATA_START);
	w_flush(&w);
	w.sum = CACHE_VERSION;

	/* string offsets: files' paths first, then each article's strings */
	struct strtab st = { 0 };
	uint64_t *path_at = xmalloc((ar->nfiles + 1) * sizeof *path_at);
	for (size_t f = 0; f < ar->nfiles; f++)
		path_at[f] = str_put(NULL, &st, ar->files[f], strlen(ar->files[f]));

	h.off[S_FILES] = w_tell(&w);
	h.count[S_FILES] = ar->nfiles;
	for (size_t f = 0; f < ar->nfiles; f++) {
		struct file_rec r = { ar->finfo[f].size, ar->finfo[f].mtime_ns, path_at[f],
				      (uint32_t)ar->finfo[f].first, (uint32_t)ar->finfo[f].count };
		w_put(&w, &r, sizeof r);
	}
	w_align(&w);

	h.off[S_ARTS] = w_tell(&w);
	h.count[S_ARTS] = ar->n;
	uint64_t npara = 0;
	size_t fi = 0;
	for (size_t i = 0; i < ar->n; i++) {
		const struct article *a = &ar->art[i];
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
		r.flags = a->flags & ~(unsigned)ART_BORROWED;
		r.file = (uint32_t)fi;
		r.date[0] = a->date.y, r.date[1] = a->date.m, r.date[2] = a->date.d;
		r.dateline[0] = a->dateline.y, r.dateline[1] = a->dateline.m, r.dateline[2] = a->dateline.d;
		npara += a->npara;
		w_put(&w, &r, sizeof r);
	}
	w_align(&w);

	h.off[S_PARA] = w_tell(&w);
	h.count[S_PARA] = npara;
	for (size_t i = 0; i < ar->n; i++)
		w_put(&w, ar->art[i].para, ar->art[i].npara * sizeof(uint32_t));
	w_align(&w);

	h.off[S_STR] = w_tell(&w);
	h.count[S_STR] = st.len;
	struct strtab st2 = { 0 };
	for (size_t f = 0; f < ar->nfiles; f++)
		str_put(&w, &st2, ar->files[f], strlen(ar->files[f]));
	for (size_t i = 0; i < ar->n; i++) {
		const char *s[NSTR];
		size_t n[NSTR];
		art_strings(&ar->art[i], s, n);
		for (int k = 0; k < NSTR; k++)
			str_put(&w, &st2, s[k], n[k]);
	}
	w_align(&w);
	free(path_at);

	const struct factdb *fdb = &c->fdb;
	h.off[S_FACTS] = w_tell(&w);
	h.count[S_FACTS] = fdb->n;
	w_put(&w, fdb->v, fdb->n * sizeof *fdb->v);
	w_align(&w);
	h.off[S_FFIRST] = w_tell(&w);
	h.count[S_FFIRST] = ar->n + 1;
	w_put(&w, fdb->first, (ar->n + 1) * sizeof *fdb->first);
	w_align(&w);
	h.off[S_HOME] = w_tell(&w);
	h.count[S_HOME] = ar->n;
	w_put(&w, fdb->home, ar->n * sizeof *fdb->home);
	w_align(&w);

	const struct index *ix = &c->ix;
	h.off[S_KEYS] = w_tell(&w);
	h.count[S_KEYS] = ix->nterms;
	w_put(&w, ix->keys, ix->nterms * sizeof *ix->keys);
	w_align(&w);
	h.off[S_DF] = w_tell(&w);
	h.count[S_DF] = ix->nterms;
	w_put(&w, ix->df, ix->nterms * sizeof *ix->df);
	w_align(&w);
	h.off[S_OFF] = w_tell(&w);
	h.count[S_OFF] = ix->nterms + 1;
	w_put(&w, ix->off, (ix->nterms + 1) * sizeof *ix->off);
	w_align(&w);
	h.off[S_POST] = w_tell(&w);
	h.count[S_POST] = ix->post_len + 8; /* zero bytes end every varint */
	w_put(&w, ix->post, ix->post_len);
	w_put(&w, zero, 8);
	w_align(&w);
	h.off[S_ORDER] = w_tell(&w);
	h.count[S_ORDER] = ar->n;
	w_put(&w, c->by_date, ar->n * sizeof *c->by_date);
	w_align(&w);
	w_flush(&w);
	h.file_len = w.pos;
	h.sum = w.sum;
	free(w.buf);
	int err = w.err;
	if (!err && pwrite(w.fd, &h, sizeof h, 0) != (ssize_t)sizeof h)
		err = errno ? errno : EIO;
	if (!err && fsync(w.fd) != 0)
		err = errno;
	if (close(w.fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp.s, file) != 0)
		err = errno;
	if (err)
		unlink(tmp.s);
	sb_free(&tmp);
	errno = err;
	return err ? -1 : 0;
}

/* ---- reading ----------------------------------------------------------------- */

struct cmap {
	const uint8_t *base;
	size_t len;
	const struct header *h;
	const struct file_rec *files;
	const struct art_rec *arts;
	const uint32_t *para;
	const char *str;
	/* path hash table: file index + 1, 0 empty */
	uint32_t *slots;
	size_t nslots;
	/* the checksum runs on another thread while the rest is checked and used */
	pthread_t sum_thread;
	int sum_running;
	uint64_t sum;
};

/* The checksum of the whole file, a block at a time. Each block, once summed, is
 * dropped from this process's mapping (it stays in the page cache): reading the
 * file must not count as memory in use. */
static void *sum_worker(void *arg)
{
	struct cmap *m = arg;
	const uint8_t *p = m->base + DATA_START;
	size_t n = m->len - DATA_START;
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uint64_t h = CACHE_VERSION;
	for (size_t i = 0; i < n; i += BLOCK) {
		size_t len = n - i < BLOCK ? n - i : BLOCK;
		h = block_sum(p + i, len, h);
		uintptr_t a = ((uintptr_t)(p + i) + page - 1) & ~(page - 1);
		uintptr_t e = ((uintptr_t)(p + i + len)) & ~(page - 1);
		if (e > a)
			madvise((void *)a, e - a, MADV_DONTNEED);
	}
	m->sum = h;
	return NULL;
}

/* Wait for the checksum: NULL when it matches, else the reason. */
static const char *cmap_wait_sum(struct cmap *m)
{
	if (m->sum_running) {
		pthread_join(m->sum_thread, NULL);
		m->sum_running = 0;
	}
#ifdef EPINEWS_FUZZ_NO_CHECKSUM /* the fuzzer's mutations must reach the other checks */
	return NULL;
#else
	return m->sum == m->h->sum ? NULL : "checksum mismatch (damaged)";
#endif
}

static const void *sec(const struct cmap *m, int s)
{
	return m->base + m->h->off[s];
}

static void cmap_close(struct cmap *m)
{
	cmap_wait_sum(m);
	if (m->base)
		munmap((void *)m->base, m->len);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

static const char *validate(struct cmap *m, size_t nplaces)
{
	const struct header *h = m->h;
	if (memcmp(h->magic, CACHE_MAGIC, 8))
		return "not an epinews cache";
	if (h->endian != ENDIAN_MARK)
		return "written on a machine of another byte order";
	if (h->version != CACHE_VERSION)
		return "written by another version";
	if (h->sz_header != sizeof *h || h->sz_file != sizeof(struct file_rec) ||
	    h->sz_art != sizeof(struct art_rec) || h->sz_fact != sizeof(struct fact))
		return "written by a build with other record sizes";
	if (h->file_len != m->len)
		return "truncated or extended";
	for (int s = 0; s < NSEC; s++) {
		uint64_t off = h->off[s], n = h->count[s], sz = esize(s);
		if (off < DATA_START || off % 8 || off > m->len || n > (m->len - off) / sz)
			return "a section lies outside the file";
	}
	if (thread_start(&m->sum_thread, sum_worker, m) == 0)
		m->sum_running = 1;
	else
		sum_worker(m);
	/* the checksum says nothing about who wrote it: check every reference */
	uint64_t narts = h->count[S_ARTS], nfiles = h->count[S_FILES], slen = h->count[S_STR];
	m->files = sec(m, S_FILES);
	m->arts = sec(m, S_ARTS);
	m->para = sec(m, S_PARA);
	m->str = sec(m, S_STR);
	if (slen && m->str[slen - 1] != 0)
		return "bad string table";
	if (narts > UINT32_MAX || h->count[S_FFIRST] != narts + 1 || h->count[S_HOME] != narts)
		return "bad article count";
	for (uint64_t f = 0; f < nfiles; f++) {
		const struct file_rec *r = &m->files[f];
		if (r->path >= slen || (uint64_t)r->first + r->count > narts)
			return "bad file record";
	}
	for (uint64_t i = 0; i < narts; i++) {
		const struct art_rec *r = &m->arts[i];
		if (r->file >= nfiles || r->str[STR_TITLE] == NO_STR || r->str[STR_BODY] == NO_STR)
			return "bad article record";
		for (int k = 0; k < NSTR; k++)
			if (r->str[k] != NO_STR && r->str[k] >= slen)
				return "bad article string";
		if ((uint64_t)r->body_len >= slen - r->str[STR_BODY] ||
		    m->str[r->str[STR_BODY] + r->body_len] != 0)
			return "bad article body";
		if ((uint64_t)r->para_first + r->npara > h->count[S_PARA])
			return "bad paragraph table";
		for (uint32_t k = 0; k < r->npara; k++)
			if (m->para[r->para_first + k] > r->body_len ||
			    (k && m->para[r->para_first + k] < m->para[r->para_first + k - 1]))
				return "bad paragraph offset";
	}
	const uint32_t *ff = sec(m, S_FFIRST);
	const int32_t *home = sec(m, S_HOME);
	const struct fact *fv = sec(m, S_FACTS);
	if (ff[0] != 0 || ff[narts] != h->count[S_FACTS])
		return "bad fact table";
	for (uint64_t i = 0; i < narts; i++) {
		if (ff[i + 1] < ff[i] || home[i] < -1 || home[i] >= (int64_t)nplaces)
			return "bad fact table";
		uint32_t bl = m->arts[i].body_len;
		for (uint32_t k = ff[i]; k < ff[i + 1]; k++) {
			const struct fact *f = &fv[k];
			if ((unsigned)f->kind >= KIND_COUNT || f->place < -1 || f->place >= (int)nplaces ||
			    f->start > f->end || f->end > bl || f->sent_start > f->sent_end ||
			    f->sent_end > bl || (unsigned)f->qual > QUAL_UNDER ||
			    (unsigned)f->scope > SCOPE_CURRENT || memchr(f->unit, 0, sizeof f->unit) == NULL)
				return "bad fact";
		}
	}
	uint64_t nterms = h->count[S_KEYS];
	const uint32_t *keys = sec(m, S_KEYS);
	const uint64_t *off = sec(m, S_OFF);
	const uint8_t *post = sec(m, S_POST);
	uint64_t plen = h->count[S_POST];
	if (h->count[S_DF] != nterms || h->count[S_OFF] != nterms + 1 || plen < 8 ||
	    off[nterms] != plen - 8 || memcmp(post + plen - 8, "\0\0\0\0\0\0\0\0", 8))
		return "bad index";
	const uint32_t *df = sec(m, S_DF);
	for (uint64_t t = 0; t < nterms; t++) /* every posting takes a byte at least */
		if ((t && keys[t] <= keys[t - 1]) || off[t + 1] < off[t] || df[t] > off[t + 1] - off[t] ||
		    df[t] > narts)
			return "bad index";
	if (h->count[S_ORDER] != narts)
		return "bad date order";
	const uint32_t *order = sec(m, S_ORDER);
	for (uint64_t i = 0; i < narts; i++)
		if (order[i] >= narts)
			return "bad date order";
	return NULL;
}

static const char *cmap_open(struct cmap *m, const char *file, size_t nplaces)
{
	memset(m, 0, sizeof *m);
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? "none yet" : "cannot be opened";
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size < DATA_START) {
		close(fd);
		return "too short";
	}
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return "cannot be mapped";
	m->base = p;
	m->len = (size_t)st.st_size;
	m->h = p;
	const char *why = validate(m, nplaces);
	if (why) {
		cmap_close(m);
		return why;
	}
	uint64_t nfiles = m->h->count[S_FILES];
	m->nslots = 16;
	while (m->nslots < nfiles * 2)
		m->nslots *= 2;
	m->slots = xcalloc(m->nslots, sizeof *m->slots);
	for (uint64_t f = 0; f < nfiles; f++) {
		const char *path = m->str + m->files[f].path;
		size_t s = hash64(path, strlen(path), 0) & (m->nslots - 1);
		while (m->slots[s])
			s = (s + 1) & (m->nslots - 1);
		m->slots[s] = (uint32_t)f + 1;
	}
	return NULL;
}

struct reuse_state {
	struct cmap *m;
	int64_t *prior; /* article -> cache article, or -1 */
	size_t cap;
	size_t next_file;  /* files reused in cache order so far */
	int in_order;
};

static int reuse_file(void *arg, struct archive *ar, const char *path, const struct stat *st, int dry_run)
{
	struct reuse_state *rs = arg;
	struct cmap *m = rs->m;
	size_t s = hash64(path, strlen(path), 0) & (m->nslots - 1);
	const struct file_rec *r = NULL;
	for (; m->slots[s]; s = (s + 1) & (m->nslots - 1)) {
		const struct file_rec *c = &m->files[m->slots[s] - 1];
		if (!strcmp(m->str + c->path, path)) {
			r = c;
			break;
		}
	}
	int64_t mtime = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
	if (!r || r->size != (uint64_t)st->st_size || r->mtime_ns != mtime)
		return 0;
	if (dry_run)
		return 1;
	size_t fidx = (size_t)(r - m->files);
	if (fidx != rs->next_file++)
		rs->in_order = 0;
	const char *file = archive_add_file(ar, path, r->size, r->mtime_ns);
	archive_reserve(ar, r->count);
	rs->prior = xgrow(rs->prior, &rs->cap, ar->n + r->count, sizeof *rs->prior);
	for (uint32_t k = 0; k < r->count; k++) {
		const struct art_rec *ac = &m->arts[r->first + k];
		struct article *a = &ar->art[ar->n];
		memset(a, 0, sizeof *a);
		const char *str[NSTR];
		for (int j = 0; j < NSTR; j++)
			str[j] = ac->str[j] == NO_STR ? NULL : m->str + ac->str[j];
		a->title = (char *)str[STR_TITLE];
		a->subtitle = (char *)str[STR_SUBTITLE];
		a->orig_title = (char *)str[STR_ORIG];
		a->source = (char *)str[STR_SOURCE];
		a->place = (char *)str[STR_PLACE];
		a->url = (char *)str[STR_URL];
		a->body = (char *)str[STR_BODY];
		a->body_len = ac->body_len;
		a->para = (uint32_t *)(m->para + ac->para_first);
		a->npara = ac->npara;
		a->date = (struct ymd){ ac->date[0], ac->date[1], ac->date[2] };
		a->dateline = (struct ymd){ ac->dateline[0], ac->dateline[1], ac->dateline[2] };
		a->file = file;
		a->offset = ac->offset;
		a->line = ac->line;
		a->hash = ac->hash;
		a->flags = ac->flags | ART_BORROWED;
		memcpy(a->id, ac->id, sizeof a->id);
		a->id[sizeof a->id - 1] = 0;
		rs->prior[ar->n] = (int64_t)(r->first + k);
		ar->n++;
	}
	ar->finfo[ar->nfiles - 1].count = r->count;
	ar->bytes += r->size;
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
	corpus_build_index(c);
	free(c->pending_prior);
	c->pending_prior = NULL;
	c->pending = 0;
}

int cache_load_deferred(struct corpus *c, const char *file, char **paths, int npaths, struct diag *dg,
			const char **why, int defer)
{
	*why = NULL;
	struct cmap m;
	const char *bad = file ? cmap_open(&m, file, c->gz.n) : "not used";
	struct reuse_state rs = { &m, NULL, 0, 0, 1 };
	if (!bad) {
		c->ar.reuse = reuse_file;
		c->ar.reuse_arg = &rs;
	} else if (file && strcmp(bad, "none yet")) {
		*why = bad;
	}
	corpus_load_files(c, paths, npaths, dg);
	c->ar.reuse = NULL;
	c->ar.reuse_arg = NULL;
	if (!bad && (bad = cmap_wait_sum(&m)) != NULL) {
		/* damaged after all: forget what came from it and read everything */
		*why = bad;
		free(rs.prior);
		cmap_close(&m);
		int nthreads = c->nthreads;
		void (*progress)(void *, const char *, uint64_t, uint64_t, size_t) = c->progress;
		void *progress_arg = c->progress_arg;
		corpus_free(c);
		corpus_init(c);
		c->nthreads = nthreads;
		c->progress = progress;
		c->progress_arg = progress_arg;
		corpus_load_files(c, paths, npaths, dg);
	}
	if (bad) {
		archive_assign_ids(&c->ar);
		corpus_build_order(c);
		c->pending = 1; /* measures and index: now, or by cache_finish */
		if (!defer)
			cache_finish(c);
		return file != NULL;
	}
	size_t borrowed = 0;
	for (size_t i = 0; i < c->ar.n; i++)
		borrowed += (c->ar.art[i].flags & ART_BORROWED) != 0;
	for (size_t i = 0; i < c->ar.n; i++)
		if (!(c->ar.art[i].flags & ART_BORROWED)) {
			rs.prior = xgrow(rs.prior, &rs.cap, c->ar.n, sizeof *rs.prior);
			rs.prior[i] = -1;
		}
	const struct header *h = m.h;
	struct factdb old = { 0 };
	old.v = (struct fact *)sec(&m, S_FACTS);
	old.n = h->count[S_FACTS];
	old.first = (uint32_t *)sec(&m, S_FFIRST);
	old.home = (int32_t *)sec(&m, S_HOME);
	old.ndocs = h->count[S_ARTS];
	old.borrowed = 1;
	int whole = borrowed == c->ar.n && borrowed == h->count[S_ARTS] && rs.in_order &&
		    rs.next_file == h->count[S_FILES];
	if (!whole) /* ids depend on every article loaded */
		archive_assign_ids(&c->ar);
	if (whole) {
		c->fdb = old;
		c->have_facts = 1;
		struct index *ix = &c->ix;
		memset(ix, 0, sizeof *ix);
		ix->ndocs = (uint32_t)c->ar.n;
		ix->nterms = h->count[S_KEYS];
		ix->keys = sec(&m, S_KEYS);
		ix->df = sec(&m, S_DF);
		ix->off = sec(&m, S_OFF);
		ix->post = sec(&m, S_POST);
		ix->post_len = h->count[S_POST] - 8;
		c->have_index = 1;
		c->by_date = (uint32_t *)sec(&m, S_ORDER);
		c->by_date_borrowed = 1;
	} else {
		corpus_build_order(c);
		/* measures and index: now, or by cache_finish */
		c->pending = 1;
		c->pending_old = old;
		c->pending_prior = borrowed ? rs.prior : NULL;
		if (borrowed)
			rs.prior = NULL;
		if (!defer)
			cache_finish(c);
	}
	c->from_cache = borrowed > 0;
	c->files_reread = 0;
	for (size_t f = 0; f < c->ar.nfiles; f++) {
		size_t first = c->ar.finfo[f].first;
		if (c->ar.finfo[f].count && !(c->ar.art[first].flags & ART_BORROWED))
			c->files_reread++;
	}
	free(rs.prior);
	if (borrowed) { /* the articles point into the map: keep it */
		c->map = (void *)m.base;
		c->map_len = m.len;
		m.base = NULL;
	}
	cmap_close(&m);
	return !whole;
}

const char *cache_check(const char *file)
{
	struct gazetteer gz;
	gazetteer_init(&gz);
	struct cmap m;
	const char *why = cmap_open(&m, file, gz.n);
	if (!why) {
		why = cmap_wait_sum(&m);
		cmap_close(&m);
	}
	gazetteer_free(&gz);
	return why;
}
