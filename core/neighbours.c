#include "neighbours.h"

#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "recover.h"
#include "xalloc.h"

/* Anchors wanted from the folder before a year is judged. */
#define FOLDER_ANCHORS 3

int neighbours_fit(int m, int d, const struct ymd *v, size_t n, int span, struct ymd *out)
{
	if (!n)
		return 0;
	long lo = ymd_days(v[0]), hi = lo;
	int ylo = v[0].y, yhi = v[0].y;
	for (size_t i = 1; i < n; i++) {
		long x = ymd_days(v[i]);
		if (x < lo) {
			lo = x;
			ylo = v[i].y;
		}
		if (x > hi) {
			hi = x;
			yhi = v[i].y;
		}
	}
	if (hi - lo > span)
		return 0;
	for (int y = ylo - 1; y <= yhi + 1; y++) {
		if (!ymd_valid(y, m, d))
			continue;
		struct ymd c = { y, m, d };
		long x = ymd_days(c);
		if ((x > hi ? x : hi) - (x < lo ? x : lo) <= span) {
			*out = c;
			return 1;
		}
	}
	return 0;
}

int natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			size_t la = strspn(a, "0123456789"), lb = strspn(b, "0123456789");
			if (la != lb)
				return la < lb ? -1 : 1;
			int c = memcmp(a, b, la);
			if (c)
				return c;
			a += la;
			b += lb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

struct anchors {
	struct ymd *v;
	size_t n, cap;
};

struct state {
	struct archive *ar;
	struct anchors *file; /* per file, computed when first wanted */
	unsigned char *done;
};

static int is_anchor(const struct article *a)
{
	unsigned from = ART_GET(a->flags, ART_DATE_FROM_SHIFT);
	return ymd_full(a->date) && from != DATE_FROM_NONE && from != DATE_FROM_NEIGHBOURS;
}

static const struct anchors *file_anchors(struct state *st, size_t f)
{
	struct anchors *an = &st->file[f];
	if (st->done[f])
		return an;
	st->done[f] = 1;
	const struct file_info *fi = &st->ar->finfo[f];
	for (size_t i = fi->first; i < fi->first + fi->count; i++) {
		const struct article *a = archive_art(st->ar, i);
		if (is_anchor(a)) {
			an->v = xgrow(an->v, &an->cap, an->n + 1, sizeof *an->v);
			an->v[an->n++] = a->date;
		}
	}
	return an;
}

static int unread(const struct archive *ar, size_t i)
{
	return i < ar->lazy.n && atomic_load_explicit(&ar->lazy.state[i], memory_order_acquire);
}

static int wants_year(const struct article *a)
{
	return !ymd_full(a->date) && a->dateline.m && a->dateline.d;
}

static size_t dir_len(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? (size_t)(s - path) : 0;
}

static int folder_order(const void *x, const void *y, void *arg)
{
	char **files = arg;
	const char *a = files[*(const size_t *)x], *b = files[*(const size_t *)y];
	size_t la = dir_len(a), lb = dir_len(b);
	int c = memcmp(a, b, la < lb ? la : lb);
	if (c || la != lb)
		return c ? c : la < lb ? -1 : 1;
	return natural_cmp(a + la, b + lb);
}

static void add_all(struct anchors *to, const struct anchors *from)
{
	for (size_t i = 0; i < from->n; i++) {
		to->v = xgrow(to->v, &to->cap, to->n + 1, sizeof *to->v);
		to->v[to->n++] = from->v[i];
	}
}

static const char *extension(const char *path)
{
	const char *base = path + dir_len(path), *dot = strrchr(base, '.');
	return dot ? dot : "";
}

static unsigned file_format(const struct archive *ar, size_t f)
{
	const struct file_info *fi = &ar->finfo[f];
	return fi->count ? ART_GET(archive_art(ar, fi->first)->flags, ART_FORMAT_SHIFT) : 0;
}

/* Files of one scraper's output: one folder, one extension, one shape. A folder
 * that gathers archives of several kinds lends no years across them. */
static int same_kind(const struct archive *ar, size_t a, size_t b)
{
	char **files = ar->files;
	size_t la = dir_len(files[a]);
	return la == dir_len(files[b]) && !memcmp(files[a], files[b], la) &&
	       !strcmp(extension(files[a]), extension(files[b])) &&
	       file_format(ar, a) == file_format(ar, b);
}

void neighbours_years(struct archive *ar, size_t first_file)
{
	if (first_file >= ar->nfiles)
		return;
	struct state st = { ar, xcalloc(ar->nfiles, sizeof *st.file), xcalloc(ar->nfiles, 1) };
	size_t *order = NULL, *pos = NULL;
	struct anchors near = { NULL, 0, 0 };
	for (size_t f = first_file; f < ar->nfiles; f++) {
		const struct file_info *fi = &ar->finfo[f];
		int wanted = 0;
		for (size_t i = fi->first; i < fi->first + fi->count && !wanted; i++)
			wanted = !unread(ar, i) && wants_year(&ar->art[i]);
		if (!wanted)
			continue;
		const struct anchors *own = file_anchors(&st, f);
		near.n = 0;
		if (own->n) {
			add_all(&near, own);
		} else {
			/* the folder's files, nearest first */
			if (!order) {
				order = xmalloc(ar->nfiles * sizeof *order);
				pos = xmalloc(ar->nfiles * sizeof *pos);
				for (size_t k = 0; k < ar->nfiles; k++)
					order[k] = k;
				qsort_r(order, ar->nfiles, sizeof *order, folder_order, ar->files);
				for (size_t k = 0; k < ar->nfiles; k++)
					pos[order[k]] = k;
			}
			size_t p = pos[f];
			for (size_t step = 1; near.n < FOLDER_ANCHORS; step++) {
				int any = 0;
				if (p >= step && same_kind(ar, order[p - step], f)) {
					add_all(&near, file_anchors(&st, order[p - step]));
					any = 1;
				}
				if (p + step < ar->nfiles && same_kind(ar, order[p + step], f)) {
					add_all(&near, file_anchors(&st, order[p + step]));
					any = 1;
				}
				if (!any)
					break;
			}
		}
		for (size_t i = fi->first; i < fi->first + fi->count; i++) {
			if (unread(ar, i))
				continue;
			struct article *a = &ar->art[i];
			struct ymd v;
			if (wants_year(a) && neighbours_fit(a->dateline.m, a->dateline.d, near.v,
							    near.n, RECOVER_SPAN, &v)) {
				a->date = v;
				ART_SET(a->flags, ART_DATE_FROM_SHIFT, DATE_FROM_NEIGHBOURS);
			}
		}
	}
	for (size_t f = 0; f < ar->nfiles; f++)
		free(st.file[f].v);
	free(st.file);
	free(st.done);
	free(order);
	free(pos);
	free(near.v);
}
