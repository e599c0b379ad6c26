#include "html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"

int html_has_markup(const char *s, size_t n)
{
	static const char *const marks[] = { "<p",     "<P",      "</",    "<br",   "<BR",
					     "<div",   "<DIV",    "<span", "<font", "<img",
					     "<a ",    "<strong", "<b>",   "<li",   "<table",
					     "&nbsp;", "&amp;",   "&lt;",  "&gt;",  "&quot;",
					     "&#",     "<!--" };
	const char *lt = memchr(s, '<', n), *amp = memchr(s, '&', n);
	if (!lt && !amp)
		return 0;
	const char *from = lt && (!amp || lt < amp) ? lt : amp;
	size_t rest = n - (size_t)(from - s);
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (memmem(from, rest, marks[i], strlen(marks[i])))
			return 1;
	return 0;
}

/* Elements whose content is never article text. */
static int dropped(const char *name)
{
	static const char *const names[] = { "script", "style", "noscript", "template", "iframe",
					     "head",   "nav",   "footer",   "select",   "button",
					     "svg",    "form",  "object",   "embed" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcasecmp(name, names[i]))
			return 1;
	return 0;
}

/* Elements that end the paragraph before and after them. */
static int block(const char *name)
{
	static const char *const names[] = {
		"p",          "div",     "br",      "li",    "ul",     "ol",         "h1",
		"h2",         "h3",      "h4",      "h5",    "h6",     "tr",         "table",
		"blockquote", "section", "article", "pre",   "dd",     "dt",         "dl",
		"hr",         "header",  "main",    "aside", "figure", "figcaption", "center",
		"body",       "html",    "td",      "th"
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcasecmp(name, names[i]))
			return 1;
	return 0;
}

struct walk {
	struct strbuf para;
	int lines_break;
	html_para_fn fn;
	void *arg;
};

static void flush(struct walk *w)
{
	const char *s = w->para.s;
	size_t n = w->para.len;
	/* trim spaces and full-width spaces at both ends */
	for (int again = 1; again;) {
		again = 0;
		while (n && *s == ' ') {
			s++;
			n--;
			again = 1;
		}
		while (n && s[n - 1] == ' ') {
			n--;
			again = 1;
		}
		if (n >= 3 && !memcmp(s, "　", 3)) {
			s += 3;
			n -= 3;
			again = 1;
		}
		if (n >= 3 && !memcmp(s + n - 3, "　", 3)) {
			n -= 3;
			again = 1;
		}
	}
	if (n)
		w->fn(w->arg, s, n);
	w->para.len = 0;
}

/* Append text, folding white space (and no-break spaces) into one space. */
static void add_text(struct walk *w, const char *t)
{
	for (const unsigned char *p = (const unsigned char *)t; *p;) {
		int nl = *p == '\n';
		int space = *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f';
		size_t k = 1;
		if (p[0] == 0xC2 && p[1] == 0xA0) { /* &nbsp; */
			space = 1;
			k = 2;
		}
		if (nl && w->lines_break) {
			flush(w);
		} else if (space) {
			if (w->para.len && w->para.s[w->para.len - 1] != ' ')
				sb_addc(&w->para, ' ');
		} else {
			sb_add(&w->para, (const char *)p, 1);
		}
		p += k;
	}
}

static void walk_nodes(struct walk *w, xmlNode *n, int depth)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				add_text(w, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			const char *name = (const char *)n->name;
			if (dropped(name))
				continue;
			int b = block(name);
			if (b)
				flush(w);
			if (depth < 256)
				walk_nodes(w, n->children, depth + 1);
			if (b)
				flush(w);
		}
	}
}

struct _xmlDoc *html_read(const char *s, size_t n)
{
	if (n > (size_t)0x7fffffff)
		n = 0x7fffffff;
	return htmlReadMemory(s, (int)n, NULL, "UTF-8",
			      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				      HTML_PARSE_NONET | HTML_PARSE_COMPACT);
}

void html_node_paragraphs(struct _xmlNode *node, int lines_break, html_para_fn fn, void *arg)
{
	struct walk w = { STRBUF_INIT, lines_break, fn, arg };
	walk_nodes(&w, node, 0);
	flush(&w);
	sb_free(&w.para);
}

static void join_para(void *arg, const char *p, size_t n)
{
	struct strbuf *sb = arg;
	if (sb->len)
		sb_addc(sb, ' ');
	sb_add(sb, p, n);
}

char *html_node_text(struct _xmlNode *node)
{
	struct strbuf sb = STRBUF_INIT;
	if (node)
		html_node_paragraphs(node->children, 0, join_para, &sb);
	if (!sb.len) {
		sb_free(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

int html_is_dropped(const char *name)
{
	return dropped(name);
}

void html_paragraphs(const char *s, size_t n, int lines_break, html_para_fn fn, void *arg)
{
	htmlDocPtr doc = html_read(s, n);
	if (doc) {
		html_node_paragraphs(xmlDocGetRootElement(doc), lines_break, fn, arg);
		xmlFreeDoc(doc);
	}
}
