#include "cache_map.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facts.h"
#include "hash.h"
#include "mapguard.h"
#include "xalloc.h"

size_t cache_esize(int s)
{
	static const size_t size[NSEC] = {
		[S_FILES] = sizeof(struct file_rec), [S_ARTS] = sizeof(struct art_rec),
		[S_PARA] = sizeof(uint32_t),         [S_STR] = 1,
		[S_FACTS] = sizeof(struct fact),     [S_FFIRST] = sizeof(uint32_t),
		[S_HOME] = sizeof(int32_t),          [S_KEYS] = sizeof(uint32_t),
		[S_ABOUT] = sizeof(int32_t),         [S_PMASK] = sizeof(uint64_t),
		[S_DF] = sizeof(uint32_t),           [S_OFF] = sizeof(uint64_t),
		[S_POST] = 1,                        [S_ORDER] = sizeof(uint32_t),
		[S_BSUM] = sizeof(uint64_t),
	};
	return size[s];
}

/* Four independent lanes so that it runs at memory speed. */
uint64_t cache_sum(const void *data, size_t n, uint64_t seed)
{
	const uint8_t *p = data;
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


struct cache_map {
	const uint8_t *base;
	size_t len;
	const struct cache_header *h;
	size_t nplaces;
	const uint64_t *bsum;
	uint64_t nblocks, summed_end; /* blocks cover [DATA_START, summed_end) */
	_Atomic unsigned char *block_ok;
	_Atomic unsigned char *art_ok, *facts_ok; /* per article */
	_Atomic unsigned char *post_ok;
	/* path hash table: file index + 1, 0 empty */
	uint32_t *slots;
	size_t nslots;
	/* the file kept open to see it change under the mapping (cache_map_lost) */
	int fd, guard;
	struct timespec mtime;
};

const struct cache_header *cache_map_header(const struct cache_map *m)
{
	return m->h;
}

const void *cache_map_section(const struct cache_map *m, int s)
{
	return m->base + m->h->off[s];
}

const _Atomic unsigned char *cache_map_facts_checked(const struct cache_map *m)
{
	return m->facts_ok;
}

static const char *const DAMAGED = "checksum mismatch (damaged)";

/* Whether a computed sum matches the stored one. The fuzzer's build says yes to
 * all, so that its mutations reach the checks behind the sums. */
static int sum_ok(uint64_t got, uint64_t want)
{
#ifdef EPINEWS_FUZZ_NO_CHECKSUM
	(void)got, (void)want;
	return 1;
#else
	return got == want;
#endif
}

const char *cache_map_check_range(struct cache_map *m, uint64_t off, uint64_t len)
{
	if (!len)
		return NULL;
	if (off < DATA_START || off > m->summed_end || len > m->summed_end - off)
		return "a reference lies outside the file";
	uint64_t b0 = (off - DATA_START) / CACHE_CHUNK, b1 = (off + len - 1 - DATA_START) / CACHE_CHUNK;
	for (uint64_t b = b0; b <= b1; b++) {
		if (atomic_load_explicit(&m->block_ok[b], memory_order_acquire))
			continue;
		uint64_t at = DATA_START + b * CACHE_CHUNK;
		size_t n = m->summed_end - at < CACHE_CHUNK ? (size_t)(m->summed_end - at) : CACHE_CHUNK;
		if (!sum_ok(cache_sum(m->base + at, n, CHUNK_SEED(b)), m->bsum[b]))
			return DAMAGED;
		atomic_store_explicit(&m->block_ok[b], 1, memory_order_release);
	}
	return NULL;
}

/* Elements [first, first + n) of section s. */
static const char *check_elems(struct cache_map *m, int s, uint64_t first, uint64_t n)
{
	if (first > m->h->count[s] || n > m->h->count[s] - first)
		return "a reference lies outside its table";
	size_t sz = cache_esize(s);
	return cache_map_check_range(m, m->h->off[s] + first * sz, n * sz);
}

static const char *check_section(struct cache_map *m, int s)
{
	return check_elems(m, s, 0, m->h->count[s]);
}

/* A NUL-terminated string at offset `at` of the string table (whose last byte,
 * checked at open, is NUL: no string runs past it). */
static const char *check_string(struct cache_map *m, uint64_t at)
{
	uint64_t slen = m->h->count[S_STR];
	if (at >= slen)
		return "bad article string";
	const char *s = (const char *)cache_map_section(m, S_STR) + at;
	/* check a block at a time up to the NUL: only checked bytes are searched */
	uint64_t n = 0;
	for (;;) {
		uint64_t off = m->h->off[S_STR] + at + n;
		uint64_t room = CACHE_CHUNK - (off - DATA_START) % CACHE_CHUNK;
		if (room > slen - at - n)
			room = slen - at - n;
		const char *why = cache_map_check_range(m, off, room);
		if (why)
			return why;
		if (memchr(s + n, 0, room))
			return NULL;
		n += room;
	}
}

/* Article record k once its bytes are checked; NULL with *why set if not. */
static const struct art_rec *art_rec(struct cache_map *m, size_t k, const char **why)
{
	if ((*why = check_elems(m, S_ARTS, k, 1)) != NULL)
		return NULL;
	return (const struct art_rec *)cache_map_section(m, S_ARTS) + k;
}

const struct art_rec *cache_map_art_rec(struct cache_map *m, size_t k)
{
	const char *why;
	return art_rec(m, k, &why);
}

/* Run check(m, i) until it passes; ok[i] remembers that it did. */
static const char *once(struct cache_map *m, _Atomic unsigned char *ok, size_t i,
			const char *(*check)(struct cache_map *, size_t))
{
	if (atomic_load_explicit(&ok[i], memory_order_acquire))
		return NULL;
	const char *why = check(m, i);
	if (!why)
		atomic_store_explicit(&ok[i], 1, memory_order_release);
	return why;
}

static const char *check_art(struct cache_map *m, size_t k)
{
	const struct cache_header *h = m->h;
	const char *why;
	const struct art_rec *r = art_rec(m, k, &why);
	if (!r)
		return why;
	if (r->file >= h->count[S_FILES] || r->str[STR_TITLE] == NO_STR || r->str[STR_BODY] == NO_STR)
		return "bad article record";
	const struct file_rec *f = (const struct file_rec *)cache_map_section(m, S_FILES) + r->file;
	if (k < f->first || k - f->first >= f->count)
		return "bad article record";
	uint64_t slen = h->count[S_STR];
	for (int s = 0; s < NSTR; s++)
		if (s != STR_BODY && r->str[s] != NO_STR && (why = check_string(m, r->str[s])) != NULL)
			return why;
	uint64_t body = r->str[STR_BODY];
	if (body >= slen || (uint64_t)r->body_len >= slen - body)
		return "bad article body";
	if ((why = cache_map_check_range(m, h->off[S_STR] + body, (uint64_t)r->body_len + 1)) != NULL)
		return why;
	if (((const char *)cache_map_section(m, S_STR))[body + r->body_len] != 0)
		return "bad article body";
	if ((why = check_elems(m, S_PARA, r->para_first, r->npara)) != NULL)
		return why;
	const uint32_t *para = (const uint32_t *)cache_map_section(m, S_PARA) + r->para_first;
	for (uint32_t i = 0; i < r->npara; i++)
		if (para[i] > r->body_len || (i && para[i] < para[i - 1]))
			return "bad paragraph offset";
	return NULL;
}

static const char *check_facts(struct cache_map *m, size_t k)
{
	const char *why;
	const struct art_rec *r = art_rec(m, k, &why); /* the bounds of the spans */
	if (!r)
		return why;
	const uint32_t *ff = cache_map_section(m, S_FFIRST); /* checked at open */
	if ((why = check_elems(m, S_FACTS, ff[k], ff[k + 1] - ff[k])) != NULL)
		return why;
	const struct fact *fv = cache_map_section(m, S_FACTS);
	uint32_t bl = r->body_len;
	for (uint32_t i = ff[k]; i < ff[k + 1]; i++) {
		const struct fact *f = &fv[i];
		if ((unsigned)f->kind >= KIND_COUNT || f->place < -1 || f->place >= (int)m->nplaces ||
		    f->start > f->end || f->end > bl || f->sent_start > f->sent_end || f->sent_end > bl ||
		    (unsigned)f->qual > QUAL_UNDER || (unsigned)f->scope > SCOPE_CURRENT ||
		    f->place_from >= FROM_COUNT || f->date_from >= FROM_COUNT ||
		    memchr(f->unit, 0, sizeof f->unit) == NULL || f->nplaces > FACT_PLACES || f->check >= CHECK_COUNT)
			return "bad fact";
		for (int j = 0; j < f->nplaces; j++)
			if (f->places[j] < 0 || f->places[j] >= (int)m->nplaces)
				return "bad fact";
	}
	return NULL;
}

static const char *check_postings(struct cache_map *m, size_t t)
{
	const uint64_t *off = cache_map_section(m, S_OFF); /* checked at open */
	return check_elems(m, S_POST, off[t], off[t + 1] - off[t]);
}

const char *cache_map_check_art(struct cache_map *m, size_t k)
{
	return k < m->h->count[S_ARTS] ? once(m, m->art_ok, k, check_art) : "bad article number";
}

const char *cache_map_check_facts(struct cache_map *m, size_t k)
{
	return k < m->h->count[S_ARTS] ? once(m, m->facts_ok, k, check_facts) : "bad article number";
}

const char *cache_map_check_postings(struct cache_map *m, size_t t)
{
	return t < m->h->count[S_KEYS] ? once(m, m->post_ok, t, check_postings) : "bad index term";
}

const char *cache_map_check_all(struct cache_map *m)
{
	const char *why = cache_map_check_range(m, DATA_START, m->summed_end - DATA_START);
	for (size_t k = 0; !why && k < m->h->count[S_ARTS]; k++)
		if ((why = cache_map_check_art(m, k)) == NULL)
			why = cache_map_check_facts(m, k);
	return why;
}

/* What every use needs: checked at open. */
static const char *check_open(struct cache_map *m)
{
	const struct cache_header *h = m->h;
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
	uint8_t *page = xmalloc(DATA_START);
	memcpy(page, m->base, DATA_START);
	memset(page + offsetof(struct cache_header, head_sum), 0, sizeof h->head_sum);
	uint64_t head = cache_sum(page, DATA_START, CACHE_VERSION);
	free(page);
	if (!sum_ok(head, h->head_sum))
		return DAMAGED;
	/* the block sums end the file; every other section lies before them */
	uint64_t bs = h->off[S_BSUM];
	if (bs < DATA_START || bs % 8 || bs > m->len || h->count[S_BSUM] != (m->len - bs) / 8 ||
	    (m->len - bs) % 8)
		return "a section lies outside the file";
	m->summed_end = bs;
	m->nblocks = (bs - DATA_START + CACHE_CHUNK - 1) / CACHE_CHUNK;
	if (h->count[S_BSUM] != m->nblocks)
		return "a section lies outside the file";
	m->bsum = (const uint64_t *)(m->base + bs);
	if (!sum_ok(cache_sum(m->bsum, m->nblocks * 8, CACHE_VERSION), h->bsum_sum))
		return DAMAGED;
	for (int s = 0; s < S_BSUM; s++) {
		uint64_t off = h->off[s], n = h->count[s], sz = cache_esize(s);
		if (off < DATA_START || off % 8 || off > bs || n > (bs - off) / sz)
			return "a section lies outside the file";
	}
	m->block_ok = xcalloc(m->nblocks + 1, 1);
	uint64_t narts = h->count[S_ARTS], nfiles = h->count[S_FILES], slen = h->count[S_STR];
	if (narts > UINT32_MAX || h->count[S_FFIRST] != narts + 1 || h->count[S_HOME] != narts ||
	    h->count[S_ABOUT] != narts * FACTS_ABOUT || h->count[S_PMASK] != narts ||
	    h->count[S_ORDER] != narts)
		return "bad article count";
	m->art_ok = xcalloc(narts + 1, 1);
	m->facts_ok = xcalloc(narts + 1, 1);
	static const int small[] = { S_FILES, S_FFIRST, S_HOME, S_ABOUT, S_PMASK, S_KEYS, S_DF, S_OFF, S_ORDER };
	for (size_t i = 0; i < sizeof small / sizeof *small; i++) {
		const char *why = check_section(m, small[i]);
		if (why)
			return why;
	}
	const char *str = cache_map_section(m, S_STR);
	if (slen && (check_elems(m, S_STR, slen - 1, 1) || str[slen - 1] != 0))
		return "bad string table";
	const struct file_rec *files = cache_map_section(m, S_FILES);
	for (uint64_t f = 0; f < nfiles; f++) {
		const struct file_rec *r = &files[f];
		if ((uint64_t)r->first + r->count > narts)
			return "bad file record";
		const char *why = check_string(m, r->path);
		if (why)
			return why == DAMAGED ? why : "bad file record";
	}
	const uint32_t *ff = cache_map_section(m, S_FFIRST);
	const int32_t *home = cache_map_section(m, S_HOME);
	if (ff[0] != 0 || ff[narts] != h->count[S_FACTS])
		return "bad fact table";
	for (uint64_t i = 0; i < narts; i++)
		if (ff[i + 1] < ff[i] || home[i] < -1 || home[i] >= (int64_t)m->nplaces)
			return "bad fact table";
	const int32_t *about = cache_map_section(m, S_ABOUT);
	for (uint64_t i = 0; i < narts * FACTS_ABOUT; i++)
		if (about[i] < -1 || about[i] >= (int64_t)m->nplaces)
			return "bad fact table";
	uint64_t nterms = h->count[S_KEYS], plen = h->count[S_POST];
	const uint32_t *keys = cache_map_section(m, S_KEYS), *df = cache_map_section(m, S_DF);
	const uint64_t *off = cache_map_section(m, S_OFF);
	const uint8_t *post = cache_map_section(m, S_POST);
	if (h->count[S_DF] != nterms || h->count[S_OFF] != nterms + 1 || plen < 8 ||
	    off[nterms] != plen - 8 || check_elems(m, S_POST, plen - 8, 8) ||
	    memcmp(post + plen - 8, "\0\0\0\0\0\0\0\0", 8))
		return "bad index";
	for (uint64_t t = 0; t < nterms; t++) /* every posting takes a byte at least */
		if ((t && keys[t] <= keys[t - 1]) || off[t + 1] < off[t] || df[t] > off[t + 1] - off[t] ||
		    df[t] > narts)
			return "bad index";
	m->post_ok = xcalloc(nterms + 1, 1);
	const uint32_t *order = cache_map_section(m, S_ORDER);
	for (uint64_t i = 0; i < narts; i++)
		if (order[i] >= narts)
			return "bad date order";
	return NULL;
}

void cache_map_close(struct cache_map *m)
{
	if (!m)
		return;
	mapguard_remove(m->guard);
	if (m->base)
		munmap((void *)m->base, m->len);
	if (m->fd >= 0)
		close(m->fd);
	free((void *)m->block_ok);
	free((void *)m->art_ok);
	free((void *)m->facts_ok);
	free((void *)m->post_ok);
	free(m->slots);
	free(m);
}

struct cache_map *cache_map_open(const char *file, size_t nplaces, const char **why)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*why = errno == ENOENT ? "none yet" : "cannot be opened";
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size < DATA_START) {
		close(fd);
		*why = "too short";
		return NULL;
	}
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		close(fd);
		*why = "cannot be mapped";
		return NULL;
	}
	struct cache_map *m = xcalloc(1, sizeof *m);
	m->base = p;
	m->len = (size_t)st.st_size;
	m->fd = fd;
	m->mtime = st.st_mtim;
	m->guard = mapguard_add(p, m->len);
	m->h = p;
	m->nplaces = nplaces;
	if ((*why = check_open(m)) != NULL || (*why = cache_map_lost(m)) != NULL) {
		cache_map_close(m);
		return NULL;
	}
	uint64_t nfiles = m->h->count[S_FILES];
	m->nslots = 16;
	while (m->nslots < nfiles * 2)
		m->nslots *= 2;
	m->slots = xcalloc(m->nslots, sizeof *m->slots);
	const struct file_rec *files = cache_map_section(m, S_FILES);
	const char *str = cache_map_section(m, S_STR);
	for (uint64_t f = 0; f < nfiles; f++) {
		const char *path = str + files[f].path;
		size_t s = hash64(path, strlen(path), 0) & (m->nslots - 1);
		while (m->slots[s])
			s = (s + 1) & (m->nslots - 1);
		m->slots[s] = (uint32_t)f + 1;
	}
	return m;
}

const struct file_rec *cache_map_find_file(const struct cache_map *m, const char *path)
{
	const struct file_rec *files = cache_map_section(m, S_FILES);
	const char *str = cache_map_section(m, S_STR);
	size_t s = hash64(path, strlen(path), 0) & (m->nslots - 1);
	for (; m->slots[s]; s = (s + 1) & (m->nslots - 1)) {
		const struct file_rec *r = &files[m->slots[s] - 1];
		if (!strcmp(str + r->path, path))
			return r;
	}
	return NULL;
}

const char *cache_map_lost(const struct cache_map *m)
{
	if (mapguard_lost(m->guard))
		return "cut short while in use";
	struct stat st;
	if (fstat(m->fd, &st) != 0)
		return NULL; /* cannot tell */
	if ((uint64_t)st.st_size < m->len)
		return "cut short while in use";
	if (st.st_mtim.tv_sec != m->mtime.tv_sec || st.st_mtim.tv_nsec != m->mtime.tv_nsec)
		return "written over while in use";
	return NULL;
}
