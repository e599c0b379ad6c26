#include "fields.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hash.h"
#include "html.h"
#include "lines.h"
#include "strbuf.h"
#include "xalloc.h"

static const char *const k_title[] = { "title", "headline", "video_title", "name", "标题", "subject", NULL };
static const char *const k_text[] = { "text", "content", "body", "article", "正文", "内容", "html",
				      "contents", "article_content", NULL };
static const char *const k_brief[] = { "brief", "summary", "desc", "description", "abstract",
				       "摘要", NULL };
static const char *const k_url[] = { "url", "link", "href", "链接", "source_url", NULL };
static const char *const k_date[] = { "date", "pubtime", "pub_date", "publish_time", "pub_time",
				      "publishTime", "pubDate", "published", "published_at",
				      "time", "created_at", "datetime", "发布时间", "日期", "时间", NULL };
static const char *const k_source[] = { "source", "media", "来源", "site", "author", NULL };

const char *const *rec_field_names(enum rec_field f)
{
	static const char *const *const lists[RF_COUNT] = { k_title, k_text, k_brief,
							    k_url,   k_date, k_source };
	return f < RF_COUNT ? lists[f] : NULL;
}

int rec_field_rank(enum rec_field f, const char *name, size_t n)
{
	const char *const *names = rec_field_names(f);
	for (int i = 0; names && names[i]; i++)
		if (strlen(names[i]) == n && !strncasecmp(names[i], name, n))
			return i;
	return -1;
}

static void add_para(void *arg, const char *p, size_t n)
{
	draft_add_para(arg, p, n);
}

static void join_para(void *arg, const char *p, size_t n)
{
	struct strbuf *sb = arg;
	if (sb->len)
		sb_addc(sb, ' ');
	sb_add(sb, p, n);
}

void rec_add_text(struct draft *d, const char *text, size_t n)
{
	if (html_has_markup(text, n)) {
		html_paragraphs(text, n, 0, add_para, d);
		return;
	}
	struct lines ls = { 0 };
	lines_split(&ls, text, n, 0, 1);
	for (size_t i = 0; i < ls.n; i++)
		if (ls.v[i].n)
			draft_add_para(d, ls.v[i].s, ls.v[i].n);
	lines_free(&ls);
}

char *rec_plain(const char *s, size_t n)
{
	if (!html_has_markup(s, n))
		return n ? xstrndup(s, n) : NULL;
	struct strbuf sb = STRBUF_INIT;
	html_paragraphs(s, n, 0, join_para, &sb);
	if (!sb.len) {
		sb_free(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

int field_map_add(struct field_map *m, const char *spec, const char **why)
{
	static const char *const fields[RF_COUNT] = { "title", "text", "brief", "url", "date", "source" };
	const char *eq = strchr(spec, '=');
	if (!eq || eq == spec || !eq[1]) {
		*why = "expected FIELD=PATH, as in text=video_detail.content";
		return -1;
	}
	size_t k = (size_t)(eq - spec);
	char **slot = NULL;
	if (k == 7 && !strncmp(spec, "records", 7))
		slot = &m->records;
	for (int f = 0; !slot && f < RF_COUNT; f++)
		if (strlen(fields[f]) == k && !strncmp(spec, fields[f], k))
			slot = &m->path[f];
	if (!slot) {
		*why = "unknown field: use records, title, text, brief, url, date or source";
		return -1;
	}
	free(*slot);
	*slot = xstrdup(eq + 1);
	return 0;
}

void field_map_free(struct field_map *m)
{
	free(m->records);
	for (int f = 0; f < RF_COUNT; f++)
		free(m->path[f]);
	memset(m, 0, sizeof *m);
}

int field_maps_add(struct field_maps *ms, const char *glob, const char *spec, const char **why)
{
	struct field_rule *r = NULL;
	for (size_t i = 0; i < ms->n && !r; i++)
		if (!strcmp(ms->v[i].glob, glob))
			r = &ms->v[i];
	if (!r) {
		ms->v = xgrow(ms->v, &ms->cap, ms->n + 1, sizeof *ms->v);
		r = &ms->v[ms->n++];
		memset(r, 0, sizeof *r);
		r->glob = xstrdup(glob);
	}
	return field_map_add(&r->map, spec, why);
}

int field_maps_line(struct field_maps *ms, const char *line, const char **why)
{
	while (*line == ' ' || *line == '\t')
		line++;
	if (strncmp(line, "json", 4) || (line[4] != ' ' && line[4] != '\t'))
		return 0;
	char *copy = xstrdup(line + 4), *save = NULL;
	const char *glob = strtok_r(copy, " \t\r\n", &save);
	const char *spec = glob ? strtok_r(NULL, " \t\r\n", &save) : NULL;
	int rc = 1;
	if (!spec) {
		*why = "usage: json GLOB FIELD=PATH..., as in json */day-*.json records=videoList";
		rc = -1;
	}
	for (; rc == 1 && spec; spec = strtok_r(NULL, " \t\r\n", &save))
		if (field_maps_add(ms, glob, spec, why) != 0)
			rc = -1;
	free(copy);
	return rc;
}

void field_maps_for(const struct field_maps *ms, const char *path, struct field_map *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; ms && i < ms->n; i++) {
		const struct field_rule *r = &ms->v[i];
		if (fnmatch(r->glob, path, 0) != 0)
			continue;
		if (r->map.records)
			out->records = r->map.records;
		for (int f = 0; f < RF_COUNT; f++)
			if (r->map.path[f])
				out->path[f] = r->map.path[f];
	}
}

uint64_t field_maps_key(const struct field_maps *ms)
{
	uint64_t h = 0;
	for (size_t i = 0; i < ms->n; i++) {
		const struct field_rule *r = &ms->v[i];
		h = hash64(r->glob, strlen(r->glob) + 1, h);
		for (int f = -1; f < RF_COUNT; f++) {
			const char *p = f < 0 ? r->map.records : r->map.path[f];
			h = hash64(p ? p : "", p ? strlen(p) + 1 : 0, h + (uint64_t)(f + 2));
		}
	}
	return ms->n ? h | 1 : 0;
}

void field_maps_free(struct field_maps *ms)
{
	for (size_t i = 0; i < ms->n; i++) {
		free(ms->v[i].glob);
		field_map_free(&ms->v[i].map);
	}
	free(ms->v);
	memset(ms, 0, sizeof *ms);
}
