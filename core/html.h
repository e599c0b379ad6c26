/* HTML to paragraphs, through libxml2's HTML parser: block elements (p, div,
 * br, li, h1-h6, tr, blockquote…) end paragraphs, entities are decoded,
 * scripts, styles, comments, navigation and footers are dropped. */
#ifndef EPINEWS_HTML_H
#define EPINEWS_HTML_H
#include <stddef.h>

/* Markup in s[0..n): a tag (<p, </, <br, <div, <span, <font…) or an entity. */
int html_has_markup(const char *s, size_t n);

/* Receives each paragraph, trimmed and with runs of white space folded. */
typedef void (*html_para_fn)(void *arg, const char *p, size_t n);

/* The paragraphs of UTF-8 HTML text s[0..n). With lines_break set, a newline
 * in the text also ends a paragraph (markup left in a text format: the lines
 * were its paragraphs); otherwise it is white space, as in HTML. */
void html_paragraphs(const char *s, size_t n, int lines_break, html_para_fn fn, void *arg);

/* The tree of HTML text, parsed as libxml2 parses pages (recovering from
 * errors, no network). Free it with xmlFreeDoc. */
struct _xmlDoc;
struct _xmlNode;
struct _xmlDoc *html_read(const char *s, size_t n);
/* The paragraphs of node and its following siblings, as html_paragraphs. */
void html_node_paragraphs(struct _xmlNode *node, int lines_break, html_para_fn fn, void *arg);
/* The text under node as one line, or NULL when it has none. */
char *html_node_text(struct _xmlNode *node);
/* Is an element of this name never article text (script, nav, footer…)? */
int html_is_dropped(const char *name);

#endif
