#include "article.h"

#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "fold.h"
#include "recover.h"
#include "hash.h"
#include "sanitize.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

void draft_init(struct draft *d)
{
	memset(d, 0, sizeof *d);
}

void draft_add_para(struct draft *d, const char *s, size_t n)
{
	d->para = xgrow(d->para, &d->cappara, d->npara + 1, sizeof *d->para);
	d->para[d->npara++] = xstrndup(s, n);
}

void draft_free(struct draft *d)
{
	free(d->title);
	free(d->subtitle);
	free(d->orig_title);
	free(d->source);
	free(d->place);
	free(d->url);
	free(d->raw_title);
	for (size_t i = 0; i < d->npara; i++)
		free(d->para[i]);
	free(d->para);
	draft_init(d);
}

static void sanitize_in_place(char **field)
{
	if (!*field || sanitize_is_clean(*field, strlen(*field)))
		return;
	char *clean = sanitize_field(*field, strlen(*field));
	free(*field);
	*field = clean;
}

/* A title made from the start of the first paragraph, for records that have none. */
static char *title_from_text(const char *p)
{
	size_t n = strlen(p), i = 0, chars = 0;
	const char *stop[] = { "。", "！", "？", "；" };
	while (i < n && chars < 40) {
		for (size_t k = 0; k < 4; k++)
			if (!strncmp(p + i, stop[k], 3))
				goto done;
		uint32_t cp;
		size_t step = utf8_decode((const unsigned char *)p + i, n - i, &cp);
		i += step ? step : 1;
		chars++;
	}
done:;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, p, i);
	if (i < n)
		sb_adds(&sb, "…");
	return sb_detach(&sb);
}

int article_build(struct draft *d, struct article *a)
{
	memset(a, 0, sizeof *a);
	sanitize_in_place(&d->title);
	sanitize_in_place(&d->subtitle);
	sanitize_in_place(&d->orig_title);
	sanitize_in_place(&d->source);
	sanitize_in_place(&d->place);
	sanitize_in_place(&d->url);
	sanitize_in_place(&d->raw_title);
	size_t out = 0;
	for (size_t i = 0; i < d->npara; i++) {
		size_t n = strlen(d->para[i]);
		if (n && (d->plain || sanitize_is_clean(d->para[i], n))) {
			d->para[out++] = d->para[i];
			continue;
		}
		char *p = sanitize_field(d->para[i], n);
		free(d->para[i]);
		if (p)
			d->para[out++] = p;
	}
	d->npara = out;

	clean_draft(d);
	if (!d->title && d->npara == 0) {
		draft_free(d);
		return -1;
	}
	recover_draft(d, a);
	if (!d->title)
		d->title = title_from_text(d->para[0]);

	/* One block holds the body, the other strings and the paragraph offsets:
	 * one allocation to make and one to free per article. */
	char **field[] = { &d->title, &d->subtitle, &d->orig_title, &d->source, &d->place, &d->url,
			   &d->raw_title };
	char **to[] = { &a->title, &a->subtitle, &a->orig_title, &a->source, &a->place, &a->url,
			&a->raw_title };
	size_t body_len = d->npara ? d->npara - 1 : 0, plen[64], *pl = d->npara <= 64 ? plen :
		xmalloc(d->npara * sizeof *pl);
	for (size_t i = 0; i < d->npara; i++)
		body_len += pl[i] = strlen(d->para[i]);
	size_t total = body_len + 1;
	for (size_t k = 0; k < sizeof field / sizeof *field; k++)
		total += *field[k] ? strlen(*field[k]) + 1 : 0;
	size_t para_at = (total + 3) & ~(size_t)3;
	char *blk = xmalloc(para_at + (d->npara ? d->npara : 1) * sizeof *a->para);
	a->para = (uint32_t *)(void *)(blk + para_at);
	size_t at = 0;
	for (size_t i = 0; i < d->npara; i++) {
		if (i)
			blk[at++] = '\n';
		a->para[i] = (uint32_t)at;
		memcpy(blk + at, d->para[i], pl[i]);
		at += pl[i];
	}
	blk[at++] = '\0';
	if (pl != plen)
		free(pl);
	a->npara = d->npara;
	a->body_len = body_len;
	a->body = blk;
	for (size_t k = 0; k < sizeof field / sizeof *field; k++) {
		if (!*field[k])
			continue;
		size_t n = strlen(*field[k]) + 1;
		memcpy(blk + at, *field[k], n);
		*to[k] = blk + at;
		at += n;
		free(*field[k]);
		*field[k] = NULL;
	}
	a->offset = d->offset;
	a->line = d->line;
	a->flags |= d->flags | ART_PACKED;
	if (fold_has_traditional(a->title, strlen(a->title)) ||
	    (a->subtitle && fold_has_traditional(a->subtitle, strlen(a->subtitle))) ||
	    fold_has_traditional(a->body, a->body_len))
		a->flags |= ART_TRADITIONAL; /* searched through the fold, not byte for byte */
	a->hash = hash64(a->body, a->body_len, hash64(a->title, strlen(a->title), 0));
	draft_free(d);
	return 0;
}

const char *article_para(const struct article *a, size_t i, size_t *len)
{
	size_t start = a->para[i];
	size_t end = i + 1 < a->npara ? a->para[i + 1] - 1 : a->body_len;
	*len = end - start;
	return a->body + start;
}

size_t article_chars(const struct article *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->npara; i++) {
		size_t len;
		const char *p = article_para(a, i, &len);
		n += utf8_count(p, len);
	}
	return n;
}

void article_free(struct article *a)
{
	if (a->flags & ART_BORROWED)
		return; /* its strings belong to the mapped cache */
	if (a->flags & ART_PACKED) {
		free(a->body); /* and with it everything else */
		memset(a, 0, sizeof *a);
		return;
	}
	free(a->title);
	free(a->subtitle);
	free(a->orig_title);
	free(a->source);
	free(a->place);
	free(a->url);
	free(a->raw_title);
	free(a->body);
	free(a->para);
	memset(a, 0, sizeof *a);
}
