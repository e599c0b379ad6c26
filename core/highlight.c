#include "highlight.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "files.h"
#include "json_parse.h"
#include "json_write.h"
#include "strbuf.h"
#include "xalloc.h"

#define STORE_MAX (64u << 20) /* a store larger than this is not ours */

static const char *const type_names[] = { "fact", "passage", "article" };
static const char *const status_names[] = { "ok", "moved", "changed", "missing" };

const char *hl_type_name(enum hl_type t)
{
	return type_names[t];
}

const char *hl_status_name(enum hl_status s)
{
	return status_names[s];
}

const char *hl_store_path(char **paths, int npaths, char *buf, size_t size)
{
	char name[64];
	snprintf(name, sizeof name, "highlights-%016llx.json",
		 (unsigned long long)archive_paths_key(paths, npaths));
	return xdg_file("XDG_DATA_HOME", ".local/share", name, buf, size);
}

/* ---- highlights -------------------------------------------------------------- */

static char *dupn(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void hl_free(struct highlight *h)
{
	free(h->title);
	free(h->quote);
	free(h->note);
	memset(h, 0, sizeof *h);
}

static void hl_copy(struct highlight *dst, const struct highlight *src)
{
	*dst = *src;
	dst->title = dup_or_null(src->title);
	dst->quote = dup_or_null(src->quote);
	dst->note = dup_or_null(src->note);
}

static void base(struct highlight *h, const struct article *a, enum hl_type t)
{
	memset(h, 0, sizeof *h);
	h->type = t;
	snprintf(h->article, sizeof h->article, "%s", a->id);
	h->title = xstrdup(a->title);
	h->created = (int64_t)time(NULL);
}

void hl_of_fact(struct highlight *h, const struct article *a, const struct fact *f)
{
	base(h, a, HL_FACT);
	h->start = f->start;
	h->end = f->end;
	h->quote = dupn(a->body + f->start, f->end - f->start);
	snprintf(h->kind, sizeof h->kind, "%s", fact_kind_name(f->kind));
	h->value = f->value;
}

void hl_of_passage(struct highlight *h, const struct article *a, uint32_t start, uint32_t end)
{
	base(h, a, HL_PASSAGE);
	if (end > a->body_len)
		end = (uint32_t)a->body_len;
	if (start > end)
		start = end;
	/* whole characters only */
	while (start > 0 && ((unsigned char)a->body[start] & 0xC0) == 0x80)
		start--;
	while (end < a->body_len && ((unsigned char)a->body[end] & 0xC0) == 0x80)
		end++;
	h->start = start;
	h->end = end;
	h->quote = dupn(a->body + start, end - start);
}

void hl_of_article(struct highlight *h, const struct article *a)
{
	base(h, a, HL_ARTICLE);
	h->end = (uint32_t)a->body_len;
}

static int same(const struct highlight *a, const struct highlight *b)
{
	return a->type == b->type && !strcmp(a->article, b->article) &&
	       (a->type == HL_ARTICLE || (a->start == b->start && a->end == b->end));
}

static long find_in(const struct highlight *v, size_t n, const struct highlight *h)
{
	for (size_t i = 0; i < n; i++)
		if (same(&v[i], h))
			return (long)i;
	return -1;
}

long hl_find(const struct hl_store *s, const struct highlight *h)
{
	return find_in(s->v, s->n, h);
}

static void push(struct highlight **v, size_t *n, size_t *cap, const struct highlight *h)
{
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	hl_copy(&(*v)[(*n)++], h);
}

static void drop(struct highlight *v, size_t *n, size_t i)
{
	hl_free(&v[i]);
	memmove(v + i, v + i + 1, (*n - i - 1) * sizeof *v);
	(*n)--;
}

/* Record a change for the merge: the latest state of h in `added`, or h in `removed`. */
static void note_change(struct hl_store *s, const struct highlight *h, int removed)
{
	long a = find_in(s->added, s->nadded, h), r = find_in(s->removed, s->nremoved, h);
	if (a >= 0)
		drop(s->added, &s->nadded, (size_t)a);
	if (r >= 0)
		drop(s->removed, &s->nremoved, (size_t)r);
	size_t cap = s->nadded, rcap = s->nremoved;
	if (removed)
		push(&s->removed, &s->nremoved, &rcap, h);
	else
		push(&s->added, &s->nadded, &cap, h);
}

size_t hl_add(struct hl_store *s, const struct highlight *h)
{
	long i = hl_find(s, h);
	if (i >= 0)
		return (size_t)i;
	push(&s->v, &s->n, &s->cap, h);
	note_change(s, h, 0);
	return s->n - 1;
}

void hl_remove(struct hl_store *s, size_t i)
{
	if (i >= s->n)
		return;
	note_change(s, &s->v[i], 1);
	drop(s->v, &s->n, i);
}

void hl_set_note(struct hl_store *s, size_t i, const char *note)
{
	if (i >= s->n)
		return;
	free(s->v[i].note);
	s->v[i].note = note && *note ? xstrdup(note) : NULL;
	note_change(s, &s->v[i], 0);
}

/* ---- the file ---------------------------------------------------------------- */

static void to_json(struct strbuf *sb, const struct highlight *v, size_t n)
{
	sb_adds(sb, "{\"epinews_highlights\":1,\"highlights\":[\n");
	for (size_t i = 0; i < n; i++) {
		const struct highlight *h = &v[i];
		struct jsonw w;
		jw_begin(&w, sb);
		jw_str(&w, "type", type_names[h->type]);
		jw_str(&w, "article", h->article);
		jw_str(&w, "title", h->title);
		jw_str(&w, "quote", h->quote);
		jw_int(&w, "start", h->start);
		jw_int(&w, "end", h->end);
		if (h->type == HL_FACT) {
			jw_str(&w, "kind", h->kind);
			jw_int(&w, "value", (long long)h->value);
		}
		jw_str(&w, "note", h->note);
		jw_int(&w, "created", (long long)h->created);
		jw_end(&w);
		sb_adds(sb, i + 1 < n ? ",\n" : "\n");
	}
	sb_adds(sb, "]}\n");
}

static const char *str_item(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int num_item(const cJSON *o, const char *key, double lo, double hi, double *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble > hi)
		return -1;
	*out = v->valuedouble;
	return 0;
}

/* Parse a store's text. Returns 0, or -1 with *why. */
static int from_json(const char *text, size_t len, struct highlight **v, size_t *n, const char **why)
{
	*v = NULL;
	*n = 0;
	size_t cap = 0;
	cJSON *root = json_parse(text, len, NULL);
	if (!root) {
		*why = "not valid JSON";
		return -1;
	}
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "highlights");
	const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "epinews_highlights");
	if (!cJSON_IsObject(root) || !cJSON_IsArray(list) || !cJSON_IsNumber(ver) || ver->valuedouble != 1) {
		*why = "not an epinews highlights file (version 1)";
		cJSON_Delete(root);
		return -1;
	}
	const cJSON *e;
	cJSON_ArrayForEach(e, list)
	{
		struct highlight h;
		memset(&h, 0, sizeof h);
		const char *type = str_item(e, "type"), *art = str_item(e, "article");
		double start, end, created = 0, value = 0;
		int t = -1;
		for (int k = 0; type && k < 3; k++)
			if (!strcmp(type, type_names[k]))
				t = k;
		if (t < 0 || !art || strlen(art) >= sizeof h.article || !str_item(e, "title") ||
		    num_item(e, "start", 0, 4294967295.0, &start) || num_item(e, "end", start, 4294967295.0, &end) ||
		    (t != HL_ARTICLE && !str_item(e, "quote")) ||
		    (t == HL_FACT && (!str_item(e, "kind") || strlen(str_item(e, "kind")) >= sizeof h.kind ||
				      num_item(e, "value", -9.2e18, 9.2e18, &value)))) {
			*why = "a highlight lacks its type, article, title, span or words";
			for (size_t i = 0; i < *n; i++)
				hl_free(&(*v)[i]);
			free(*v);
			*v = NULL;
			*n = 0;
			cJSON_Delete(root);
			return -1;
		}
		num_item(e, "created", -9.2e18, 9.2e18, &created);
		h.type = (enum hl_type)t;
		snprintf(h.article, sizeof h.article, "%s", art);
		h.title = (char *)str_item(e, "title");
		h.quote = (char *)str_item(e, "quote");
		h.note = (char *)str_item(e, "note");
		h.start = (uint32_t)start;
		h.end = (uint32_t)end;
		if (t == HL_FACT)
			snprintf(h.kind, sizeof h.kind, "%s", str_item(e, "kind"));
		h.value = (int64_t)value;
		h.created = (int64_t)created;
		if (find_in(*v, *n, &h) < 0)
			push(v, n, &cap, &h); /* copies the strings */
	}
	cJSON_Delete(root);
	return 0;
}

static int read_file(const char *path, struct strbuf *sb)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	char buf[65536];
	ssize_t r;
	while ((r = read(fd, buf, sizeof buf)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		sb_add(sb, buf, (size_t)r);
		if (sb->len > STORE_MAX) {
			close(fd);
			errno = EFBIG;
			return -1;
		}
	}
	close(fd);
	return 0;
}

/* Whether file holds exactly text. */
static int same_text(const char *file, const struct strbuf *text)
{
	struct strbuf had = STRBUF_INIT;
	int same = read_file(file, &had) == 0 && had.len == text->len &&
		   (!text->len || !memcmp(had.s, text->s, text->len));
	sb_free(&had);
	return same;
}

/* Copy a store that does not parse to PATH.bad (PATH.bad.N when taken by
 * another text; a copy of the same text is kept once). 0 when the text is safe
 * in a copy, else -1 (nothing left behind): the store must not be written over.
 * warning says which. */
static int put_aside(const char *path, const struct strbuf *text, char *warning, size_t wsize,
		     const char *why)
{
	struct strbuf bad = STRBUF_INIT;
	int err = 0;
	for (int k = 0; k < 1000 && !err; k++) {
		sb_reset(&bad);
		if (k)
			sb_addf(&bad, "%s.bad.%d", path, k);
		else
			sb_addf(&bad, "%s.bad", path);
		int fd = open(bad.s, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0) {
			if (errno != EEXIST) {
				err = errno;
				break;
			}
			if (!same_text(bad.s, text))
				continue;
			snprintf(warning, wsize, "%s: %s; a copy was kept as %s before, starting an empty store",
				 path, why, bad.s);
			sb_free(&bad);
			return 0;
		}
		size_t done = 0;
		while (done < text->len && !err) {
			ssize_t w = write(fd, text->s + done, text->len - done);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				err = w < 0 ? errno : EIO;
			else
				done += (size_t)w;
		}
		if (!err && fsync(fd) != 0)
			err = errno;
		if (close(fd) != 0 && !err)
			err = errno;
		if (err) {
			unlink(bad.s); /* no empty or partial copy that says it was kept */
			break;
		}
		sync_parent_dir(bad.s);
		snprintf(warning, wsize, "%s: %s; kept aside as %s, starting an empty store", path, why, bad.s);
		sb_free(&bad);
		return 0;
	}
	snprintf(warning, wsize, "%s: %s, and it could not be copied aside (%s): not saving over it", path, why,
		 strerror(err ? err : EEXIST));
	sb_free(&bad);
	return -1;
}

int hl_open(struct hl_store *s, const char *path)
{
	memset(s, 0, sizeof *s);
	s->path = path ? xstrdup(path) : NULL;
	if (!path)
		return 0;
	struct strbuf text = STRBUF_INIT;
	if (read_file(path, &text) != 0) {
		int e = errno;
		sb_free(&text);
		if (e == ENOENT)
			return 0;
		char dir[384]; /* a longer one is named in the plain message */
		if (e == ENOTDIR && not_a_dir(path, dir, sizeof dir))
			snprintf(s->warning, sizeof s->warning,
				 "%s is a file, not a directory: highlights cannot be saved (move it, or set "
				 "XDG_DATA_HOME to another directory)", dir);
		else
			snprintf(s->warning, sizeof s->warning, "%s: cannot read: %s; highlights will not be saved",
				 path, strerror(e));
		free(s->path);
		s->path = NULL; /* never write over what could not be read */
		s->save_errno = e;
		return -1;
	}
	const char *why;
	if (from_json(text.s ? text.s : "", text.len, &s->v, &s->n, &why) != 0) {
		if (put_aside(path, &text, s->warning, sizeof s->warning, why) != 0) {
			free(s->path);
			s->path = NULL;
			s->save_errno = EIO;
		}
		sb_free(&text);
		return -1;
	}
	s->cap = s->n;
	sb_free(&text);
	return 0;
}

static void free_list(struct highlight *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		hl_free(&v[i]);
	free(v);
}

void hl_close(struct hl_store *s)
{
	free_list(s->v, s->n);
	free_list(s->added, s->nadded);
	free_list(s->removed, s->nremoved);
	free(s->path);
	memset(s, 0, sizeof *s);
}

int hl_save(struct hl_store *s)
{
	if (!s->path) {
		errno = s->save_errno ? s->save_errno : EROFS;
		return -1;
	}
	if (!s->nadded && !s->nremoved)
		return 0;
	if (make_parent_dirs(s->path) != 0)
		return -1;
	struct strbuf lock = STRBUF_INIT;
	sb_addf(&lock, "%s.lock", s->path);
	int lfd = open(lock.s, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	sb_free(&lock);
	if (lfd < 0)
		return -1;
	while (flock(lfd, LOCK_EX) != 0)
		if (errno != EINTR) {
			close(lfd);
			return -1;
		}
	/* what is on disk now (another instance may have saved since we read) */
	struct highlight *disk = NULL;
	size_t ndisk = 0;
	struct strbuf text = STRBUF_INIT;
	if (read_file(s->path, &text) == 0) {
		const char *why;
		if (from_json(text.s ? text.s : "", text.len, &disk, &ndisk, &why) != 0 &&
		    put_aside(s->path, &text, s->warning, sizeof s->warning, why) != 0) {
			sb_free(&text);
			flock(lfd, LOCK_UN);
			close(lfd);
			return -2; /* the warning says why */
		}
	} else if (errno != ENOENT) {
		int e = errno;
		sb_free(&text);
		close(lfd);
		errno = e;
		return -1;
	}
	sb_free(&text);
	size_t cap = ndisk;
	for (size_t i = 0; i < s->nremoved; i++) {
		long k = find_in(disk, ndisk, &s->removed[i]);
		if (k >= 0)
			drop(disk, &ndisk, (size_t)k);
	}
	for (size_t i = 0; i < s->nadded; i++) {
		long k = find_in(disk, ndisk, &s->added[i]);
		if (k >= 0) { /* ours is newer: take its note */
			free(disk[k].note);
			disk[k].note = dup_or_null(s->added[i].note);
		} else {
			push(&disk, &ndisk, &cap, &s->added[i]);
		}
	}
	struct strbuf out = STRBUF_INIT;
	to_json(&out, disk, ndisk);
	int rc = write_atomic(s->path, out.s, out.len, 1);
	int e = errno;
	sb_free(&out);
	flock(lfd, LOCK_UN);
	close(lfd);
	if (rc != 0) {
		free_list(disk, ndisk);
		errno = e;
		return -1;
	}
	free_list(s->v, s->n);
	s->v = disk;
	s->n = s->cap = ndisk;
	free_list(s->added, s->nadded);
	free_list(s->removed, s->nremoved);
	s->added = s->removed = NULL;
	s->nadded = s->nremoved = 0;
	return 0;
}

/* ---- finding a highlight in the archive ---------------------------------------- */

/* The occurrence of quote in a's body nearest to `near`. */
static long locate(const struct article *a, const char *quote, uint32_t near)
{
	size_t ql = strlen(quote);
	if (!ql)
		return -1;
	long best = -1;
	for (const char *p = a->body; (p = memmem(p, a->body_len - (size_t)(p - a->body), quote, ql)); p++) {
		long at = (long)(p - a->body);
		if (best < 0 || labs(at - (long)near) < labs(best - (long)near))
			best = at;
		if (at > (long)near)
			break;
	}
	return best;
}

static long same_fact(const struct highlight *h, const struct factdb *fdb, long doc, uint32_t s, uint32_t e)
{
	if (!fdb || doc < 0 || (size_t)doc >= fdb->ndocs)
		return -1;
	size_t nf;
	const struct fact *f = factdb_of(fdb, (size_t)doc, &nf);
	for (size_t i = 0; i < nf; i++)
		if (f[i].start == s && f[i].end == e && !strcmp(fact_kind_name(f[i].kind), h->kind))
			return (long)i;
	for (size_t i = 0; i < nf; i++)
		if (f[i].start < e && f[i].end > s && !strcmp(fact_kind_name(f[i].kind), h->kind))
			return (long)i;
	return -1;
}

void hl_resolve(const struct highlight *h, const struct archive *ar, const struct factdb *fdb,
		struct hl_where *w)
{
	memset(w, 0, sizeof *w);
	w->status = HL_MISSING;
	w->doc = w->fact = -1;
	int amb;
	struct article *a = strlen(h->article) >= 8 ? archive_find((struct archive *)ar, h->article, &amb) : NULL;
	if (a && strcmp(a->id, h->article))
		a = NULL; /* a prefix match is not the article */
	if (a) {
		long doc = (long)(a - ar->art);
		if (h->type == HL_ARTICLE) {
			*w = (struct hl_where){ HL_OK, doc, 0, (uint32_t)a->body_len, -1 };
			return;
		}
		size_t ql = strlen(h->quote);
		if (h->end <= a->body_len && h->end - h->start == ql && !memcmp(a->body + h->start, h->quote, ql)) {
			*w = (struct hl_where){ HL_OK, doc, h->start, h->end, -1 };
		} else {
			long at = locate(a, h->quote, h->start);
			if (at >= 0)
				*w = (struct hl_where){ HL_MOVED, doc, (uint32_t)at, (uint32_t)(at + (long)ql), -1 };
		}
		if (w->doc >= 0) {
			if (h->type == HL_FACT)
				w->fact = same_fact(h, fdb, w->doc, w->start, w->end);
			return;
		}
	}
	/* the text changed (so did the id): the same title, the words still in it */
	for (size_t d = 0; d < ar->n; d++) {
		const struct article *b = archive_art(ar, d);
		if (!h->title || strcmp(b->title, h->title))
			continue;
		if (h->type == HL_ARTICLE) {
			*w = (struct hl_where){ HL_CHANGED, (long)d, 0, (uint32_t)b->body_len, -1 };
			return;
		}
		long at = locate(b, h->quote, h->start);
		if (at >= 0) {
			*w = (struct hl_where){ HL_CHANGED, (long)d, (uint32_t)at,
						(uint32_t)(at + (long)strlen(h->quote)), -1 };
			if (h->type == HL_FACT)
				w->fact = same_fact(h, fdb, w->doc, w->start, w->end);
			return;
		}
	}
}
