/* A saved web page reduced to its article: the title from og:title, <h1> or
 * <title>; the date, source and URL from meta tags; the body from the block
 * that holds the most paragraph text, less its links. Menus, related links,
 * share bars and footers fall outside that block or are dropped by the
 * web-page cleaning rules (d.web). */
#include "format.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "html.h"
#include "recover.h"
#include "xalloc.h"

static int name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name);
}

static char *attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Meta tags naming a field, in order of preference. */
static const char *const meta_title[] = { "og:title", "twitter:title", NULL };
static const char *const meta_date[] = { "article:published_time", "og:article:published_time",
					 "pubdate", "publishdate", "publish_date", "datepublished",
					 "og:release_date", "dc.date", "dc.date.issued", "date", NULL };
static const char *const meta_source[] = { "source", "og:site_name", "sitename", "site_name", NULL };
static const char *const meta_url[] = { "og:url", NULL };

struct page {
	char *meta[4][12]; /* title, date, source, url: by rank in their list */
	char *title_tag, *h1, *canonical, *time_tag;
	xmlNode *best;
	long best_score;
};

static const char *const *const meta_lists[4] = { meta_title, meta_date, meta_source, meta_url };

static void take_meta(struct page *pg, const xmlNode *n)
{
	char *key = attr(n, "property");
	if (!key)
		key = attr(n, "name");
	if (!key)
		key = attr(n, "itemprop");
	if (!key)
		return;
	for (int f = 0; f < 4; f++)
		for (int r = 0; meta_lists[f][r] && r < 12; r++)
			if (!strcasecmp(key, meta_lists[f][r]) && !pg->meta[f][r])
				pg->meta[f][r] = attr(n, "content");
	free(key);
}

/* Text characters in n and under it, and how many of them are inside links. */
static void node_text(const xmlNode *n, long *text, long *link, int in_link, int depth)
{
	if (n->type == XML_TEXT_NODE && n->content) {
		long k = 0;
		for (const unsigned char *p = n->content; *p; p++)
			k += (*p & 0xC0) != 0x80 && *p > ' '; /* characters, not bytes or spaces */
		*text += k;
		if (in_link)
			*link += k;
	} else if (n->type == XML_ELEMENT_NODE && !html_is_dropped((const char *)n->name) && depth < 64) {
		for (const xmlNode *c = n->children; c; c = c->next)
			node_text(c, text, link, in_link || name_is(n, "a"), depth + 1);
	}
}

/* Children that carry a block's own text, not blocks of their own. */
static int inline_text(const xmlNode *c)
{
	static const char *const names[] = { "p", "span", "font", "strong", "b", "em", "i", "a", "br" };
	if (c->type == XML_TEXT_NODE)
		return 1;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (name_is(c, names[i]))
			return 1;
	return 0;
}

/* A block's score: the text of its own paragraphs (its text and its <p>,
 * <span>, <font>… children), the text of links counted twice against it. */
static long score(const xmlNode *n)
{
	long s = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (!inline_text(c))
			continue;
		long text = 0, link = 0;
		node_text(c, &text, &link, 0, 0);
		s += text - 2 * link;
	}
	return s;
}

static void visit(struct page *pg, xmlNode *n, int depth)
{
	for (; n && depth < 256; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		if (!strcasecmp(name, "meta")) {
			take_meta(pg, n);
		} else if (!strcasecmp(name, "title") && !pg->title_tag) {
			pg->title_tag = html_node_text(n);
		} else if (!strcasecmp(name, "h1") && !pg->h1) {
			pg->h1 = html_node_text(n);
		} else if (!strcasecmp(name, "link") && !pg->canonical) {
			char *rel = attr(n, "rel");
			if (rel && !strcasecmp(rel, "canonical"))
				pg->canonical = attr(n, "href");
			free(rel);
		} else if (!strcasecmp(name, "time") && !pg->time_tag) {
			pg->time_tag = attr(n, "datetime");
		}
		if (html_is_dropped(name) && strcasecmp(name, "head"))
			continue;
		long s = score(n);
		if (s > pg->best_score) {
			pg->best_score = s;
			pg->best = n;
		}
		visit(pg, n->children, depth + 1);
	}
}

static char *first_of(char *const *v, int n)
{
	for (int i = 0; i < n; i++)
		if (v[i] && v[i][0])
			return v[i];
	return NULL;
}

static void keep_para(void *arg, const char *p, size_t n)
{
	draft_add_para(arg, p, n);
}

int page_like(const char *s, size_t n)
{
	size_t lim = n < 4096 ? n : 4096;
	size_t i = 0;
	while (i < lim && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (lim - i >= 9 && (!strncasecmp(s + i, "<!doctype", 9) || !strncasecmp(s + i, "<html", 5)))
		return 1;
	/* at least 3 block-level tags in the first 4 KB */
	static const char *const tags[] = { "<p>", "<p ", "<div", "<br", "<li", "<h1", "<h2", "<table", "<tr" };
	int count = 0;
	for (size_t k = 0; k < sizeof tags / sizeof *tags && count < 3; k++) {
		size_t tl = strlen(tags[k]);
		for (size_t j = 0; j + tl <= lim && count < 3; j++)
			if (s[j] == '<' && !strncasecmp(s + j, tags[k], tl))
				count++;
	}
	return count >= 3;
}

void load_page(const char *s, size_t n, struct load_ctx *c)
{
	xmlDoc *doc = html_read(s, n);
	if (!doc) {
		diag_report(c->diag, c->path, 0, "not readable as HTML, skipped");
		return;
	}
	struct page pg;
	memset(&pg, 0, sizeof pg);
	visit(&pg, xmlDocGetRootElement(doc), 0);
	struct draft d;
	draft_init(&d);
	d.web = 1;
	d.line = 1; /* the page is one record, from its first byte */
	const char *title = first_of(pg.meta[0], 12);
	d.title = xstrdup(title ? title : pg.h1 ? pg.h1 : pg.title_tag ? pg.title_tag : "");
	if (!d.title[0]) {
		free(d.title);
		d.title = NULL;
	}
	const char *date = first_of(pg.meta[1], 12);
	if (!date)
		date = pg.time_tag;
	if (date && date_parse(date, &d.date))
		d.date_from = DATE_FROM_META;
	const char *src = first_of(pg.meta[2], 12);
	if (src) {
		d.source = xstrdup(src);
		d.source_from = SOURCE_FROM_META;
	}
	const char *url = pg.canonical ? pg.canonical : first_of(pg.meta[3], 12);
	if (url)
		d.url = xstrdup(url);
	xmlNode *body = pg.best ? pg.best->children : xmlDocGetRootElement(doc);
	html_node_paragraphs(body, 0, keep_para, &d);
	for (int f = 0; f < 4; f++)
		for (int r = 0; r < 12; r++)
			free(pg.meta[f][r]);
	free(pg.title_tag);
	free(pg.h1);
	free(pg.canonical);
	free(pg.time_tag);
	xmlFreeDoc(doc);
	if (!d.title && !d.npara) {
		diag_report(c->diag, c->path, 0, "web page with no title and no text, skipped");
		draft_free(&d);
		return;
	}
	c->emit(c->arg, &d);
}
