#include "format.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fields.h"
#include "json_parse.h"
#include "lines.h"
#include "strbuf.h"
#include "xalloc.h"

static int usable(const cJSON *v)
{
	if (!v || cJSON_IsNull(v))
		return 0;
	if (cJSON_IsString(v))
		return v->valuestring && v->valuestring[0];
	return cJSON_IsNumber(v) || cJSON_IsArray(v);
}

/* The first name found in o, then one level down in its objects. */
static const cJSON *field(const cJSON *o, const char *const *names)
{
	for (const char *const *n = names; *n; n++) {
		const cJSON *v = cJSON_GetObjectItem(o, *n);
		if (usable(v))
			return v;
	}
	const cJSON *c;
	cJSON_ArrayForEach(c, o) if (cJSON_IsObject(c))
	{
		for (const char *const *n = names; *n; n++) {
			const cJSON *v = cJSON_GetObjectItem(c, *n);
			if (usable(v))
				return v;
		}
	}
	return NULL;
}

/* The longest string in o or one level down: the text when no name says so. */
static const cJSON *longest_string(const cJSON *o, const cJSON *skip1, const cJSON *skip2)
{
	const cJSON *best = NULL, *c;
	size_t bn = 0;
	cJSON_ArrayForEach(c, o)
	{
		const cJSON *cand[64];
		size_t k = 0;
		if (cJSON_IsString(c))
			cand[k++] = c;
		else if (cJSON_IsObject(c)) {
			const cJSON *g;
			cJSON_ArrayForEach(g, c) if (cJSON_IsString(g) && k < 64) cand[k++] = g;
		}
		for (size_t i = 0; i < k; i++) {
			if (cand[i] == skip1 || cand[i] == skip2 || !cand[i]->valuestring)
				continue;
			size_t n = strlen(cand[i]->valuestring);
			if (n > bn && strncmp(cand[i]->valuestring, "http", 4)) {
				bn = n;
				best = cand[i];
			}
		}
	}
	return bn >= 30 ? best : NULL;
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

/* A one-line field (title, source) without its markup or entities. */
static char *plain_of(const cJSON *v)
{
	char *s = string_of(v);
	if (!s)
		return NULL;
	char *p = rec_plain(s, strlen(s));
	free(s);
	return p;
}

/* The value at a '.'-joined path of keys, matched in any case. */
static const cJSON *at_path(const cJSON *o, const char *path)
{
	char key[256];
	while (o && *path) {
		size_t k = strcspn(path, ".");
		if (k >= sizeof key || !cJSON_IsObject(o))
			return NULL;
		memcpy(key, path, k);
		key[k] = '\0';
		o = cJSON_GetObjectItem(o, key);
		path += k + (path[k] == '.');
	}
	return o;
}

/* Field f of record o: where --map says, else by name. */
static const cJSON *field_of(const cJSON *o, enum rec_field f, const struct load_ctx *c)
{
	if (c->map && c->map->path[f])
		return at_path(o, c->map->path[f]);
	return field(o, rec_field_names(f));
}

static int is_record(const cJSON *o, const struct load_ctx *c)
{
	return field_of(o, RF_TITLE, c) || field_of(o, RF_TEXT, c);
}

static void emit_record(const cJSON *o, uint64_t off, uint64_t line, struct load_ctx *c)
{
	struct draft d;
	draft_init(&d);
	d.offset = off;
	d.line = line;
	const cJSON *title = field_of(o, RF_TITLE, c), *text = field_of(o, RF_TEXT, c);
	const cJSON *url = field_of(o, RF_URL, c);
	if (!text)
		text = field_of(o, RF_BRIEF, c);
	if (!text && !(c->map && c->map->path[RF_TEXT]))
		text = longest_string(o, title, url);
	d.title = plain_of(title);
	d.url = string_of(url);
	d.source = plain_of(field_of(o, RF_SOURCE, c));
	char *date = string_of(field_of(o, RF_DATE, c));
	if (date)
		date_parse(date, &d.date); /* a record's date: recover_draft marks it so */
	free(date);
	char *body = string_of(text);
	if (body) {
		rec_add_text(&d, body, strlen(body));
		free(body);
	}
	if (!d.title && !d.npara) {
		diag_report(c->diag, c->path, line, "JSON record has no title and no text, skipped");
		draft_free(&d);
		return;
	}
	c->emit(c->arg, &d);
}

/* The array holding the most objects anywhere under o: where the records are
 * ("videoList", "data.list", "result.articles"). */
static const cJSON *find_records(const cJSON *o, int depth, size_t *best_n)
{
	const cJSON *best = NULL, *c;
	if (depth > 8)
		return NULL;
	cJSON_ArrayForEach(c, o)
	{
		if (cJSON_IsArray(c)) {
			size_t objs = 0;
			const cJSON *e;
			cJSON_ArrayForEach(e, c) objs += cJSON_IsObject(e) != 0;
			if (objs && objs > *best_n) {
				*best_n = objs;
				best = c;
			}
		} else if (cJSON_IsObject(c)) {
			const cJSON *b = find_records(c, depth + 1, best_n);
			if (b)
				best = b;
		}
	}
	return best;
}

/* Why an array's objects gave nothing: their keys, for the message. */
static void keys_of(const cJSON *o, struct strbuf *sb)
{
	const cJSON *c;
	int k = 0;
	cJSON_ArrayForEach(c, o) if (c->string)
	{
		if (k++ == 8) {
			sb_adds(sb, ", …");
			break;
		}
		if (k > 1)
			sb_adds(sb, ", ");
		sb_adds(sb, c->string);
	}
}

static void records_of(const cJSON *o, uint64_t off, uint64_t line, struct load_ctx *c)
{
	const char *records = c->map ? c->map->records : NULL;
	if (!records && is_record(o, c)) {
		emit_record(o, off, line, c);
		return;
	}
	size_t n = 0;
	const cJSON *arr = records ? at_path(o, records) : find_records(o, 0, &n);
	if (records && !cJSON_IsArray(arr)) {
		struct strbuf keys = STRBUF_INIT;
		keys_of(o, &keys);
		diag_report(c->diag, c->path, line, "no array at records=%s (keys: %s), skipped", records,
			    keys.len ? keys.s : "none");
		sb_free(&keys);
		return;
	}
	if (records) {
		const cJSON *e;
		cJSON_ArrayForEach(e, arr) n += cJSON_IsObject(e) != 0;
	}
	if (!arr) {
		struct strbuf keys = STRBUF_INIT;
		keys_of(o, &keys);
		diag_report(c->diag, c->path, line,
			    "JSON object has no title, no text and no array of records (keys: %s), skipped; "
			    "settle it with --map records=KEY or --map text=KEY",
			    keys.len ? keys.s : "none");
		sb_free(&keys);
		return;
	}
	size_t found = 0;
	const cJSON *e, *first = NULL;
	cJSON_ArrayForEach(e, arr) if (cJSON_IsObject(e))
	{
		if (!first)
			first = e;
		if (is_record(e, c) || longest_string(e, NULL, NULL)) {
			emit_record(e, off, line, c);
			found++;
		}
	}
	if (!found) {
		struct strbuf keys = STRBUF_INIT;
		keys_of(first, &keys);
		diag_report(c->diag, c->path, line,
			    "%zu objects under %s[]; none has a title or a text field (keys: %s), skipped; "
			    "settle it with --map text=KEY (a '.' between nested keys)",
			    n, arr->string ? arr->string : "?", keys.len ? keys.s : "none");
		sb_free(&keys);
	}
}

static void record(const char *s, size_t n, uint64_t off, uint64_t line, struct load_ctx *c)
{
	const char *end = NULL;
	cJSON *o = json_parse(s, n, &end);
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
	records_of(o, off, line, c);
	cJSON_Delete(o);
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
