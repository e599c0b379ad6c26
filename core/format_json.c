#include "format.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "lines.h"
#include "strbuf.h"
#include "xalloc.h"

static const cJSON *field(const cJSON *o, const char *const *names)
{
	for (; *names; names++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, *names);
		if (v && !cJSON_IsNull(v))
			return v;
	}
	return NULL;
}

static char *string_of(const cJSON *v)
{
	if (cJSON_IsString(v) && v->valuestring)
		return xstrdup(v->valuestring);
	if (cJSON_IsNumber(v)) {
		struct strbuf sb = STRBUF_INIT;
		sb_addf(&sb, "%.0f", v->valuedouble);
		return sb_detach(&sb);
	}
	if (cJSON_IsArray(v)) { /* a text given as a list of paragraphs */
		struct strbuf sb = STRBUF_INIT;
		const cJSON *e;
		cJSON_ArrayForEach(e, v) if (cJSON_IsString(e) && e->valuestring)
		{
			if (sb.len)
				sb_addc(&sb, '\n');
			sb_adds(&sb, e->valuestring);
		}
		return sb_detach(&sb);
	}
	return NULL;
}

static void record(const char *s, size_t n, uint64_t off, uint64_t line, struct load_ctx *c)
{
	static const char *const k_title[] = { "title", "headline", "标题", NULL };
	static const char *const k_text[] = { "text", "content", "body", "正文", "内容", NULL };
	static const char *const k_url[] = { "url", "link", "href", NULL };
	static const char *const k_date[] = { "date", "time", "pubtime", "publish_time", "pub_time",
					      "publishTime", "pubDate", "日期", NULL };
	static const char *const k_source[] = { "source", "来源", NULL };
	const char *end = NULL;
	cJSON *o = cJSON_ParseWithLengthOpts(s, n, &end, 0);
	if (!o) {
		size_t at = end && end >= s ? (size_t)(end - s) : 0;
		diag_report(c->diag, c->path, line, "malformed JSON record (error at byte %llu), skipped",
			    (unsigned long long)(off + at));
		return;
	}
	if (!cJSON_IsObject(o)) {
		diag_report(c->diag, c->path, line, "JSON value is not an object, skipped");
		cJSON_Delete(o);
		return;
	}
	struct draft d;
	draft_init(&d);
	d.offset = off;
	d.line = line;
	d.title = string_of(field(o, k_title));
	d.url = string_of(field(o, k_url));
	d.source = string_of(field(o, k_source));
	char *date = string_of(field(o, k_date));
	if (date)
		date_parse(date, &d.date);
	free(date);
	char *text = string_of(field(o, k_text));
	if (text) {
		struct lines ls = { 0 };
		lines_split(&ls, text, strlen(text), 0, 1);
		for (size_t i = 0; i < ls.n; i++)
			if (ls.v[i].n)
				draft_add_para(&d, ls.v[i].s, ls.v[i].n);
		lines_free(&ls);
		free(text);
	}
	cJSON_Delete(o);
	if (!d.title && !d.npara) {
		diag_report(c->diag, c->path, line, "JSON record has no title and no text, skipped");
		draft_free(&d);
		return;
	}
	c->emit(c->arg, &d);
}

/* JSON Lines: every non-empty line is a record of its own. */
static int looks_like_jsonl(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	if (!nl)
		return 0;
	/* the first line must close its object by itself */
	int depth = 0, str = 0, esc = 0;
	for (const char *p = s; p < nl; p++) {
		char ch = *p;
		if (str) {
			if (esc)
				esc = 0;
			else if (ch == '\\')
				esc = 1;
			else if (ch == '"')
				str = 0;
		} else if (ch == '"') {
			str = 1;
		} else if (ch == '{' || ch == '[') {
			depth++;
		} else if (ch == '}' || ch == ']') {
			depth--;
		}
	}
	if (depth != 0 || str)
		return 0;
	const char *q = nl + 1, *e = s + n;
	while (q < e && (*q == ' ' || *q == '\n' || *q == '\t'))
		q++;
	return q < e && *q == '{';
}

static void load_lines(const char *s, size_t n, struct load_ctx *c)
{
	struct lines ls = { 0 };
	lines_split(&ls, s, n, 0, 1);
	for (size_t i = 0; i < ls.n; i++) {
		const struct line *l = &ls.v[i];
		if (!l->n)
			continue;
		if (l->s[0] != '{') {
			diag_report(c->diag, c->path, l->no, "not a JSON object, line skipped");
			continue;
		}
		record(l->s, l->n, (uint64_t)(l->s - s), l->no, c);
	}
	lines_free(&ls);
}

/* Objects at the top level or inside one top-level array, however they are laid out. */
static void load_stream(const char *s, size_t n, struct load_ctx *c)
{
	size_t i = 0;
	uint64_t line = 1;
	int in_array = 0, complained = 0;
	while (i < n) {
		char ch = s[i];
		if (ch == '\n') {
			line++;
			i++;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == ',') {
			i++;
			continue;
		}
		if (ch == '[' && !in_array) {
			in_array = 1;
			i++;
			continue;
		}
		if (ch == ']' && in_array) {
			in_array = 0;
			i++;
			continue;
		}
		if (ch != '{') {
			if (!complained)
				diag_report(c->diag, c->path, line, "unexpected text outside a JSON object, skipped");
			complained = 1;
			while (i < n && s[i] != '{') {
				line += s[i] == '\n';
				i++;
			}
			continue;
		}
		complained = 0;
		size_t start = i;
		uint64_t start_line = line;
		int depth = 0, str = 0, esc = 0;
		for (; i < n; i++) {
			char x = s[i];
			if (x == '\n')
				line++;
			if (str) {
				if (esc)
					esc = 0;
				else if (x == '\\')
					esc = 1;
				else if (x == '"')
					str = 0;
			} else if (x == '"') {
				str = 1;
			} else if (x == '{' || x == '[') {
				depth++;
			} else if (x == '}' || x == ']') {
				if (--depth == 0) {
					i++;
					break;
				}
			}
		}
		if (depth != 0) {
			diag_report(c->diag, c->path, start_line,
				    "truncated JSON record (the file ends inside it), skipped");
			return;
		}
		record(s + start, i - start, start, start_line, c);
	}
}

void load_json(const char *s, size_t n, struct load_ctx *c)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '{' && looks_like_jsonl(s + i, n - i))
		load_lines(s, n, c);
	else
		load_stream(s, n, c);
}
