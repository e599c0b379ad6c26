#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "radix.h"
#include "split.h"
#include "utf8.h"
#include "xalloc.h"

#define SHARED_SLOT 0xFFFEu /* code points past the BMP, and U+FFFE/U+FFFF */
#define END_MARK 0xFFFFu
#define CHUNK_PAIRS ((size_t)1 << 23) /* sorted at once by index_build, at most */
/* Chunks start small enough for the sort to run in cache, and become as large
 * as allowed once one holds many distinct keys (each is a segment to merge). */
#define FIRST_CHUNK_PAIRS ((size_t)1 << 18)
#define MAX_PARTS 8 /* pieces of the archive indexed apart, at most */

static inline uint32_t slot_of(uint32_t cp)
{
	cp = fold_cp(cp);
	return cp < SHARED_SLOT ? cp : SHARED_SLOT;
}

/* ---- building ---------------------------------------------------------------- */

/* One key's posting list inside a chunk: first article, then deltas in blob. */
struct seg {
	uint32_t key, first, last, n;
	uint64_t off, len;
};

struct chunk {
	struct seg *segs;
	size_t nsegs;
	uint8_t *blob;
	size_t bloblen;
};

struct builder {
	const struct archive *ar;
	size_t from, to; /* articles */
	size_t chunk_pairs; /* pairs sorted at once; an article may span chunks */
	uint64_t *pairs, *tmp;
	size_t npairs, cap;
	size_t limit; /* pairs sorted at once now: at most cap */
	uint64_t *seen; /* pairs emitted lately, by hash of the key: repeats in an article skipped */
	struct chunk *chunks;
	size_t nchunks;
};

static size_t put_varint(uint8_t *p, uint32_t v)
{
	size_t n = 0;
	while (v >= 0x80) {
		p[n++] = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (uint8_t)v;
	return n;
}

static inline uint32_t get_varint(const uint8_t **pp)
{
	const uint8_t *p = *pp;
	uint32_t v = *p & 0x7f;
	int shift = 7;
	while (*p++ & 0x80) { /* a damaged list cannot shift past 32 bits */
		if (shift < 32)
			v |= (uint32_t)(*p & 0x7f) << shift;
		shift += 7;
	}
	*pp = p;
	return v;
}

#define SEEN_BITS 14
static void flush_chunk(struct builder *b)
{
	if (!b->npairs)
		return;
	if (radix_sort_hi32(b->pairs, b->tmp, b->npairs) != b->pairs) {
		uint64_t *t = b->pairs;
		b->pairs = b->tmp;
		b->tmp = t;
	}
	struct chunk c = { 0 };
	size_t capsegs = 1024;
	c.segs = xmalloc(capsegs * sizeof *c.segs);
	c.blob = xmalloc(b->npairs * 5 + 16);
	for (size_t i = 0; i < b->npairs;) {
		uint32_t key = (uint32_t)(b->pairs[i] >> 32);
		uint32_t doc = (uint32_t)b->pairs[i];
		if (c.nsegs == capsegs) {
			capsegs *= 2;
			c.segs = xrealloc(c.segs, capsegs * sizeof *c.segs);
		}
		struct seg *s = &c.segs[c.nsegs++];
		s->key = key;
		s->first = s->last = doc;
		s->n = 1;
		s->off = c.bloblen;
		for (i++; i < b->npairs && (uint32_t)(b->pairs[i] >> 32) == key; i++) {
			doc = (uint32_t)b->pairs[i];
			if (doc == s->last)
				continue;
			c.bloblen += put_varint(c.blob + c.bloblen, doc - s->last);
			s->last = doc;
			s->n++;
		}
		s->len = c.bloblen - s->off;
	}
	c.blob = xrealloc(c.blob, c.bloblen + 1);
	b->chunks = xrealloc(b->chunks, (b->nchunks + 1) * sizeof *b->chunks);
	b->chunks[b->nchunks++] = c;
	if (c.nsegs * 8 > b->npairs) /* many keys: sort as much as fits at once */
		b->limit = b->cap;
	b->npairs = 0;
}

static inline void emit(struct builder *b, uint32_t key, uint32_t doc)
{
	uint64_t v = (uint64_t)key << 32 | doc;
	uint64_t *seen = &b->seen[(key * 0x9E3779B1u) >> (32 - SEEN_BITS)];
	if (*seen == v)
		return; /* this article gave this pair already */
	*seen = v;
	if (b->npairs == b->limit)
		flush_chunk(b);
	b->pairs[b->npairs++] = v;
}

/* Emit the pairs of s[0..n), carrying the previous slot in *prev. */
static void emit_text(struct builder *b, const char *s, size_t n, uint32_t doc, uint32_t *prev)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		uint32_t cp, slot;
		if (u[i] < 0x80) {
			cp = u[i++];
		} else if (utf8_is_cjk3(u + i, n - i)) { /* most characters: no full decode */
			cp = utf8_cp3(u + i);
			i += 3;
		} else {
			size_t l = utf8_decode(u + i, n - i, &cp);
			i += l ? l : 1;
		}
		slot = slot_of(cp);
		if (*prev != END_MARK)
			emit(b, *prev << 16 | slot, doc);
		*prev = slot;
	}
}

static void *build_range(void *arg)
{
	struct builder *b = arg;
	/* a pair per byte at most: small archives need small buffers */
	uint64_t need = 1;
	for (size_t d = b->from; d < b->to && need < b->chunk_pairs; d++)
		need += archive_art(b->ar, d)->body_len + strlen(archive_art(b->ar, d)->title) +
			(archive_art(b->ar, d)->subtitle ? strlen(archive_art(b->ar, d)->subtitle) + 1 : 0) + 2;
	b->cap = need < b->chunk_pairs ? (size_t)need : b->chunk_pairs;
	b->limit = b->cap < FIRST_CHUNK_PAIRS ? b->cap : FIRST_CHUNK_PAIRS;
	b->pairs = xmalloc(b->cap * sizeof *b->pairs);
	b->tmp = xmalloc(b->cap * sizeof *b->tmp);
	b->seen = xmalloc(((size_t)1 << SEEN_BITS) * sizeof *b->seen);
	memset(b->seen, 0xff, ((size_t)1 << SEEN_BITS) * sizeof *b->seen); /* no article is UINT32_MAX */
	for (size_t d = b->from; d < b->to; d++) {
		const struct article *a = archive_art(b->ar, d);
		uint32_t prev = END_MARK;
		emit_text(b, a->title, strlen(a->title), (uint32_t)d, &prev);
		emit_text(b, "\n", 1, (uint32_t)d, &prev);
		if (a->subtitle) { /* searched with the title and body */
			emit_text(b, a->subtitle, strlen(a->subtitle), (uint32_t)d, &prev);
			emit_text(b, "\n", 1, (uint32_t)d, &prev);
		}
		emit_text(b, a->body, a->body_len, (uint32_t)d, &prev);
		emit(b, prev << 16 | END_MARK, (uint32_t)d);
	}
	flush_chunk(b);
	free(b->pairs);
	free(b->tmp);
	free(b->seen);
	return NULL;
}

/* The next segment of each chunk, in a heap ordered by key, then chunk: a key's
 * segments come out in article order. */
struct head {
	uint32_t key, c;
};

static int head_less(struct head a, struct head b)
{
	return a.key < b.key || (a.key == b.key && a.c < b.c);
}

static void sift_down(struct head *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && head_less(h[l], h[m]))
			m = l;
		if (l + 1 < n && head_less(h[l + 1], h[m]))
			m = l + 1;
		if (m == i)
			return;
		struct head t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/* One thread's share of the merge: the keys in [lo, hi), written to post from
 * `at`; its keys, df and offsets (relative to at) in its own arrays. */
struct merge_part {
	const struct chunk *ch;
	size_t nch;
	uint64_t lo, hi;
	uint8_t *post;
	size_t at, plen;
	uint32_t *keys, *df;
	uint64_t *off;
	size_t nterms;
};

/* The first segment of c with a key at or above k. */
static size_t seg_from(const struct chunk *c, uint64_t k)
{
	size_t lo = 0, hi = c->nsegs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->segs[mid].key < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void *merge_range(void *arg)
{
	struct merge_part *m = arg;
	const struct chunk *ch = m->ch;
	size_t nch = m->nch;
	size_t *pos = xcalloc(nch ? nch : 1, sizeof *pos), *end = xcalloc(nch ? nch : 1, sizeof *end);
	struct head *heap = xmalloc((nch ? nch : 1) * sizeof *heap);
	size_t nh = 0;
	for (size_t c = 0; c < nch; c++) {
		pos[c] = seg_from(&ch[c], m->lo);
		end[c] = seg_from(&ch[c], m->hi);
		if (pos[c] < end[c])
			heap[nh++] = (struct head){ ch[c].segs[pos[c]].key, (uint32_t)c };
	}
	for (size_t i = nh; i-- > 0;)
		sift_down(heap, nh, i);
	size_t capterms = 1024, nterms = 0, plen = 0;
	uint32_t *keys = xmalloc(capterms * sizeof *keys), *df = xmalloc(capterms * sizeof *df);
	uint64_t *off = xmalloc((capterms + 1) * sizeof *off);
	uint8_t *post = m->post + m->at;
	while (nh) {
		uint32_t key = heap[0].key;
		if (nterms == capterms) {
			capterms *= 2;
			keys = xrealloc(keys, capterms * sizeof *keys);
			df = xrealloc(df, capterms * sizeof *df);
			off = xrealloc(off, (capterms + 1) * sizeof *off);
		}
		keys[nterms] = key;
		off[nterms] = plen;
		uint32_t n = 0, last = 0;
		while (nh && heap[0].key == key) {
			size_t c = heap[0].c;
			const struct seg *s = &ch[c].segs[pos[c]++];
			uint32_t seg_n = s->n;
			if (!n) /* the list's first article */
				plen += put_varint(post + plen, s->first);
			else if (s->first != last)
				plen += put_varint(post + plen, s->first - last);
			else /* an article cut by a chunk boundary: listed once */
				seg_n--;
			memcpy(post + plen, ch[c].blob + s->off, s->len);
			plen += s->len;
			n += seg_n;
			last = s->last;
			if (pos[c] < end[c])
				heap[0].key = ch[c].segs[pos[c]].key;
			else
				heap[0] = heap[--nh];
			sift_down(heap, nh, 0);
		}
		df[nterms++] = n;
	}
	free(pos);
	free(end);
	free(heap);
	m->keys = keys;
	m->df = df;
	m->off = off;
	m->nterms = nterms;
	m->plen = plen;
	return NULL;
}

/* Merge every chunk (in article order) into the final tables, the key space
 * cut into nparts ranges of about equal postings, merged on as many threads. */
static void merge_chunks(struct chunk *ch, size_t nch, int nparts, struct index *ix)
{
	/* bytes of postings by the key's first character, at most */
	enum { BUCKETS = 1 << 16 };
	uint64_t *by_first = xcalloc(BUCKETS, sizeof *by_first), total = 0;
	for (size_t c = 0; c < nch; c++)
		for (size_t k = 0; k < ch[c].nsegs; k++) {
			uint64_t len = ch[c].segs[k].len + 5; /* and its first delta */
			by_first[ch[c].segs[k].key >> 16] += len;
			total += len;
		}
	if (nparts < 1)
		nparts = 1;
	struct merge_part *mp = xcalloc((size_t)nparts, sizeof *mp);
	uint8_t *post = xmalloc(total + 1);
	uint64_t acc = 0;
	int p = 0;
	mp[0].lo = 0;
	for (uint32_t f = 0; f < BUCKETS && p + 1 < nparts; f++) {
		acc += by_first[f];
		if (acc * (uint64_t)nparts >= total * (uint64_t)(p + 1)) { /* part p ends after f */
			mp[p].hi = (uint64_t)(f + 1) << 16;
			mp[p + 1].lo = mp[p].hi;
			mp[p + 1].at = (size_t)acc;
			p++;
		}
	}
	nparts = p + 1; /* fewer when a few first characters hold everything */
	mp[p].hi = (uint64_t)1 << 32;
	free(by_first);
	for (int t = 0; t < nparts; t++) {
		mp[t].ch = ch;
		mp[t].nch = nch;
		mp[t].post = post;
	}
	split_run_parts(nparts, nparts, merge_range, mp, sizeof *mp);
	/* join the parts: close the gaps the upper bounds left in post */
	size_t nterms = 0, plen = 0;
	for (int t = 0; t < nparts; t++)
		nterms += mp[t].nterms;
	uint32_t *keys = xmalloc((nterms + 1) * sizeof *keys), *df = xmalloc((nterms + 1) * sizeof *df);
	uint64_t *off = xmalloc((nterms + 1) * sizeof *off);
	size_t k = 0;
	for (int t = 0; t < nparts; t++) {
		if (mp[t].at != plen)
			memmove(post + plen, post + mp[t].at, mp[t].plen);
		for (size_t i = 0; i < mp[t].nterms; i++, k++) {
			keys[k] = mp[t].keys[i];
			df[k] = mp[t].df[i];
			off[k] = plen + mp[t].off[i];
		}
		plen += mp[t].plen;
		free(mp[t].keys);
		free(mp[t].df);
		free(mp[t].off);
	}
	off[nterms] = plen;
	free(mp);
	ix->nterms = nterms;
	ix->keys = keys;
	ix->df = df;
	ix->off = off;
	ix->post = post = xrealloc(post, plen + 1);
	ix->post_len = plen;
	ix->own[0] = keys;
	ix->own[1] = df;
	ix->own[2] = off;
	ix->own[3] = post;
}

void index_build(const struct archive *ar, int nthreads, struct index *ix)
{
	index_build_chunked(ar, nthreads, CHUNK_PAIRS, ix);
}

void index_build_chunked(const struct archive *ar, int nthreads, size_t chunk_pairs, struct index *ix)
{
	memset(ix, 0, sizeof *ix);
	ix->ndocs = (uint32_t)ar->n;
	if (nthreads < 1)
		nthreads = 1;
	if (ar->n < 64 || ar->bytes < (1u << 20))
		nthreads = 1;
	/* more parts than threads: a thread that finishes early takes another;
	 * their chunks, in part order, are in article order */
	int nparts = split_count(ar, nthreads, 4096, MAX_PARTS);
	struct builder *b = xcalloc((size_t)nparts, sizeof *b);
	size_t *bounds = xmalloc(((size_t)nparts + 1) * sizeof *bounds);
	split_articles(ar, nparts, bounds);
	for (int t = 0; t < nparts; t++) {
		b[t].ar = ar;
		b[t].from = bounds[t];
		b[t].to = bounds[t + 1];
		b[t].chunk_pairs = chunk_pairs > 1 ? chunk_pairs : 2;
	}
	free(bounds);
	split_run_parts(nthreads, nparts, build_range, b, sizeof *b);
	size_t nch = 0;
	for (int t = 0; t < nparts; t++)
		nch += b[t].nchunks;
	struct chunk *all = xcalloc(nch ? nch : 1, sizeof *all);
	nch = 0;
	for (int t = 0; t < nparts; t++) {
		if (b[t].nchunks)
			memcpy(all + nch, b[t].chunks, b[t].nchunks * sizeof *all);
		nch += b[t].nchunks;
		free(b[t].chunks);
	}
	merge_chunks(all, nch, nthreads, ix);
	for (size_t c = 0; c < nch; c++) {
		free(all[c].segs);
		free(all[c].blob);
	}
	free(all);
	free(b);
}

void index_free(struct index *ix)
{
	for (int i = 0; i < 4; i++)
		free(ix->own[i]);
	memset(ix, 0, sizeof *ix);
}

uint64_t index_bytes(const struct index *ix)
{
	return ix->post_len + ix->nterms * (2 * sizeof(uint32_t) + sizeof(uint64_t));
}

/* ---- lookup ------------------------------------------------------------------ */

static size_t lower_bound(const struct index *ix, uint32_t key)
{
	size_t lo = 0, hi = ix->nterms;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t term_of(const struct index *ix, uint32_t key)
{
	size_t t = lower_bound(ix, key);
	return t < ix->nterms && ix->keys[t] == key ? t : (size_t)-1;
}

/* Postings of term t that may be read (none when a check found them damaged). */
static uint32_t usable_df(const struct index *ix, size_t t)
{
	return ix->check && ix->check(ix->check_arg, t) != 0 ? 0 : ix->df[t];
}

static void decode_into_bits(const struct index *ix, size_t t, struct bits *out)
{
	const uint8_t *p = ix->post + ix->off[t];
	uint32_t doc = 0, df = usable_df(ix, t);
	for (uint32_t i = 0; i < df; i++) {
		doc = i ? doc + get_varint(&p) : get_varint(&p);
		if (doc < out->n)
			bits_set(out, doc);
	}
}

size_t index_postings(const struct index *ix, uint32_t key, uint32_t **docs)
{
	size_t t = term_of(ix, key);
	*docs = NULL;
	if (t == (size_t)-1)
		return 0;
	uint32_t df = usable_df(ix, t);
	uint32_t *v = xmalloc((df + 1) * sizeof *v);
	const uint8_t *p = ix->post + ix->off[t];
	uint32_t doc = 0;
	for (uint32_t i = 0; i < df; i++) {
		doc = i ? doc + get_varint(&p) : get_varint(&p);
		if (doc >= ix->ndocs) /* only a damaged index can say so */
			return *docs = v, i;
		v[i] = doc;
	}
	*docs = v;
	return df;
}

static int by_df(const void *a, const void *b, void *arg)
{
	const struct index *ix = arg;
	uint32_t x = ix->df[*(const size_t *)a], y = ix->df[*(const size_t *)b];
	return (x > y) - (x < y);
}

/* Intersect sorted v[0..n) with the posting list of term t, in place. */
static size_t intersect(const struct index *ix, size_t t, uint32_t *v, size_t n)
{
	const uint8_t *p = ix->post + ix->off[t];
	uint32_t left = usable_df(ix, t);
	size_t out = 0, i = 0;
	if (!left)
		return 0;
	uint32_t doc = get_varint(&p);
	left--;
	while (i < n) {
		if (v[i] < doc) {
			i++;
			continue;
		}
		if (v[i] == doc)
			v[out++] = v[i++];
		if (!left)
			break;
		doc += get_varint(&p);
		left--;
	}
	return out;
}

#define MAX_INTERSECT 4

int index_lookup(const struct index *ix, const struct fold_str *q, struct bits *out)
{
	bits_init(out, ix->ndocs, 0);
	if (q->n == 0) {
		bits_not(out);
		return 1;
	}
	int exact = 1;
	for (size_t i = 0; i < q->n; i++)
		if (slot_of(q->cp[i]) == SHARED_SLOT || q->cp[i] == '\n')
			exact = 0;
	if (q->n == 1) {
		uint32_t lo = slot_of(q->cp[0]) << 16;
		for (size_t t = lower_bound(ix, lo); t < ix->nterms && ix->keys[t] <= (lo | 0xFFFF); t++)
			decode_into_bits(ix, t, out);
		return exact;
	}
	size_t *terms = xmalloc(q->n * sizeof *terms), nt = 0;
	for (size_t i = 0; i + 1 < q->n; i++) {
		uint32_t key = slot_of(q->cp[i]) << 16 | slot_of(q->cp[i + 1]);
		size_t t = term_of(ix, key);
		if (t == (size_t)-1) {
			free(terms);
			return 1; /* a pair no article has: nothing matches */
		}
		int dup = 0;
		for (size_t k = 0; k < nt; k++)
			dup |= terms[k] == t;
		if (!dup)
			terms[nt++] = t;
	}
	qsort_r(terms, nt, sizeof *terms, by_df, (void *)ix);
	uint32_t *v;
	size_t n = index_postings(ix, ix->keys[terms[0]], &v);
	for (size_t k = 1; k < nt && k < MAX_INTERSECT && n; k++)
		n = intersect(ix, terms[k], v, n);
	for (size_t i = 0; i < n; i++)
		if (v[i] < out->n)
			bits_set(out, v[i]);
	free(v);
	free(terms);
	return exact && q->n == 2;
}
