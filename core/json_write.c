#include "json_write.h"

#include <stdio.h>
#include <string.h>

void json_string(struct strbuf *sb, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	sb_reserve(sb, n + 2);
	sb_addc(sb, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && c != 0xC2 && c != 0xD8 && c != 0xE2)
			continue;
		if (c >= 0x80) { /* C1 and BiDi controls: escaped, so a terminal never obeys them */
			unsigned cp = 0;
			size_t k = 0;
			const unsigned char *u = (const unsigned char *)s + i;
			if (c == 0xC2 && i + 1 < n && u[1] >= 0x80 && u[1] <= 0x9F)
				cp = u[1], k = 2;
			else if (c == 0xD8 && i + 1 < n && u[1] == 0x9C)
				cp = 0x061C, k = 2;
			else if (c == 0xE2 && i + 2 < n && u[1] == 0x80 && ((u[2] >= 0xAA && u[2] <= 0xAE) || u[2] == 0x8E || u[2] == 0x8F))
				cp = 0x2000u + (u[2] - 0x80u), k = 3;
			else if (c == 0xE2 && i + 2 < n && u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
				cp = 0x2040u + (u[2] - 0x80u), k = 3;
			if (!k)
				continue;
			sb_add(sb, s + run, i - run);
			char e[6] = { '\\', 'u', hex[cp >> 12], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15], hex[cp & 15] };
			sb_add(sb, e, 6);
			i += k - 1;
			run = i + 1;
			continue;
		}
		sb_add(sb, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': sb_add(sb, "\\\"", 2); break;
		case '\\': sb_add(sb, "\\\\", 2); break;
		case '\n': sb_add(sb, "\\n", 2); break;
		case '\t': sb_add(sb, "\\t", 2); break;
		case '\r': sb_add(sb, "\\r", 2); break;
		default: {
			char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			sb_add(sb, u, 6);
		}
		}
	}
	sb_add(sb, s + run, n - run);
	sb_addc(sb, '"');
}

void jw_begin(struct jsonw *w, struct strbuf *sb)
{
	w->sb = sb;
	w->n = 0;
	sb_addc(sb, '{');
}

void jw_end(struct jsonw *w)
{
	sb_addc(w->sb, '}');
}

void jw_key(struct jsonw *w, const char *key)
{
	if (w->n++)
		sb_addc(w->sb, ',');
	json_string(w->sb, key, strlen(key));
	sb_addc(w->sb, ':');
}

void jw_strn(struct jsonw *w, const char *key, const char *val, size_t n)
{
	jw_key(w, key);
	if (val)
		json_string(w->sb, val, n);
	else
		sb_add(w->sb, "null", 4);
}

void jw_str(struct jsonw *w, const char *key, const char *val)
{
	jw_strn(w, key, val, val ? strlen(val) : 0);
}

void jw_int(struct jsonw *w, const char *key, long long val)
{
	jw_key(w, key);
	sb_addf(w->sb, "%lld", val);
}

void jw_double(struct jsonw *w, const char *key, double val)
{
	jw_key(w, key);
	sb_addf(w->sb, "%.6g", val);
}

void jw_bool(struct jsonw *w, const char *key, int val)
{
	jw_key(w, key);
	sb_adds(w->sb, val ? "true" : "false");
}

void jw_null(struct jsonw *w, const char *key)
{
	jw_key(w, key);
	sb_add(w->sb, "null", 4);
}
