#include "searches.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "strbuf.h"
#include "xalloc.h"

void searches_init(struct searches *s)
{
	memset(s, 0, sizeof *s);
}

void searches_free(struct searches *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].name);
		free(s->v[i].query);
	}
	free(s->v);
	memset(s, 0, sizeof *s);
}

int searches_name_ok(const char *name, size_t n)
{
	if (!n || n > 40)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

const char *searches_find(const struct searches *s, const char *name, size_t n)
{
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->v[i].name) == n && !memcmp(s->v[i].name, name, n))
			return s->v[i].query;
	return NULL;
}

int searches_put(struct searches *s, const char *name, const char *query, int saved, const char **why)
{
	if (!searches_name_ok(name, strlen(name))) {
		*why = "a saved search's name is letters, digits, _ or - (Chinese works), at most 40 bytes";
		return -1;
	}
	const char *texts[2] = { name, query };
	for (int t = 0; t < 2; t++)
		for (const unsigned char *c = (const unsigned char *)texts[t]; *c; c++)
			if (*c < 0x20 || *c == 0x7F || (c[0] == 0xC2 && c[1] >= 0x80 && c[1] <= 0x9F)) {
				*why = "a saved search is one line of text, without control characters";
				return -1;
			}
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].name, name)) {
			free(s->v[i].query);
			s->v[i].query = xstrdup(query);
			s->v[i].saved = saved;
			return 0;
		}
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = (struct saved_search){ xstrdup(name), xstrdup(query), saved };
	return 0;
}

static const char *skip_blank(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static int parse_range(struct searches *s, const char *p, const char *e, int saved, const char **why)
{
	p = skip_blank(p, e);
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	const char *eq = memchr(p, '=', (size_t)(e - p));
	if (!eq) {
		*why = "expected NAME = QUERY";
		return -1;
	}
	const char *ne = eq;
	while (ne > p && (ne[-1] == ' ' || ne[-1] == '\t'))
		ne--;
	const char *q = skip_blank(eq + 1, e);
	if (q == e) {
		*why = "a saved search needs a query after =";
		return -1;
	}
	char *name = xstrndup(p, (size_t)(ne - p)), *query = xstrndup(q, (size_t)(e - q));
	int rc = searches_put(s, name, query, saved, why);
	free(name);
	free(query);
	return rc;
}

int searches_parse_line(struct searches *s, const char *line, int saved, const char **why)
{
	return parse_range(s, line, line + strlen(line), saved, why);
}

/* Each line of text: skip blanks and comments, hand the rest to fn. */
static int each_line(struct searches *s, const char *text, size_t n, const char *name, struct diag *dg,
		     int config)
{
	int bad = 0;
	unsigned long ln = 0;
	for (const char *p = text, *end = text + n; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		ln++;
		const char *q = skip_blank(p, e);
		if (q < e && *q != '#') {
			const char *why = NULL;
			int rc = 0;
			if (!config)
				rc = parse_range(s, q, e, 1, &why);
			else if ((size_t)(e - q) > 7 && !memcmp(q, "search", 6) && (q[6] == ' ' || q[6] == '\t'))
				rc = parse_range(s, q + 7, e, 0, &why);
			if (rc < 0) {
				bad++;
				diag_report(dg, name, ln, "%s", why);
			}
		}
		p = nl ? nl + 1 : end;
	}
	return bad;
}

int searches_load_text(struct searches *s, const char *text, size_t n, const char *name, struct diag *dg)
{
	return each_line(s, text, n, name, dg, 0);
}

int searches_load_config(struct searches *s, const char *text, size_t n, const char *name, struct diag *dg)
{
	return each_line(s, text, n, name, dg, 1);
}

char *searches_format(const struct searches *s, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "# Saved searches (epinews): NAME = QUERY, used as @NAME in any query.\n");
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].saved)
			sb_addf(&sb, "%s = %s\n", s->v[i].name, s->v[i].query);
	*len = sb.len;
	return sb_detach(&sb);
}

const char *searches_file(char *buf, size_t size)
{
	return xdg_file("XDG_DATA_HOME", ".local/share", "searches", buf, size);
}

/* The whole of a small file, or NULL. */
static char *read_small(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t k;
	while ((k = fread(buf, 1, sizeof buf, f)) > 0 && sb.len < ((size_t)1 << 20))
		sb_add(&sb, buf, k);
	fclose(f);
	*n = sb.len;
	return sb.s ? sb_detach(&sb) : xstrdup("");
}

void searches_load_user(struct searches *s, struct diag *dg)
{
	char path[4096];
	size_t n;
	char *text;
	if (xdg_file("XDG_CONFIG_HOME", ".config", "config", path, sizeof path) && (text = read_small(path, &n))) {
		searches_load_config(s, text, n, path, dg);
		free(text);
	}
	if (searches_file(path, sizeof path) && (text = read_small(path, &n))) {
		searches_load_text(s, text, n, path, dg);
		free(text);
	}
}

int searches_save_user(const struct searches *s)
{
	char path[4096];
	if (!searches_file(path, sizeof path)) {
		errno = ENOENT;
		return -1;
	}
	if (make_parent_dirs(path) < 0)
		return -1;
	size_t len;
	char *text = searches_format(s, &len);
	int rc = write_atomic(path, text, len, 1);
	free(text);
	return rc;
}
