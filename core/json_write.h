/* Writing flat JSON objects (one per line) into a strbuf. */
#ifndef EPINEWS_JSON_WRITE_H
#define EPINEWS_JSON_WRITE_H
#include <stddef.h>

#include "strbuf.h"

struct jsonw {
	struct strbuf *sb;
	int n; /* members written in the current object or array */
};

void json_string(struct strbuf *sb, const char *s, size_t n);
void jw_begin(struct jsonw *w, struct strbuf *sb);       /* "{" */
void jw_end(struct jsonw *w);                            /* "}" */
void jw_str(struct jsonw *w, const char *key, const char *val); /* null when val is NULL */
void jw_strn(struct jsonw *w, const char *key, const char *val, size_t n);
void jw_int(struct jsonw *w, const char *key, long long val);
void jw_double(struct jsonw *w, const char *key, double val);
void jw_bool(struct jsonw *w, const char *key, int val);
void jw_null(struct jsonw *w, const char *key);
/* Start a member whose value the caller writes itself. */
void jw_key(struct jsonw *w, const char *key);

#endif
