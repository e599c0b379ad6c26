#include "json_parse.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void *json_alloc(size_t n)
{
	return xmalloc(n);
}

/* cJSON keeps its hooks in its own globals: set them once, before any parse. */
static void set_hooks(void)
{
	cJSON_Hooks h = { json_alloc, free };
	cJSON_InitHooks(&h);
}

static int hex4(const char *s, unsigned *v)
{
	*v = 0;
	for (int k = 0; k < 4; k++) {
		char c = s[k];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return 0;
		*v = *v << 4 | (unsigned)d;
	}
	return 1;
}

/* The offset of the first \uD800-\uDFFF escape in s[from..n) that is not
 * half of a pair (what Python writes for a broken emoji), or n. */
static size_t lone_surrogate(const char *s, size_t n, size_t from)
{
	for (size_t i = from; i + 6 <= n; i++) {
		if (s[i] != '\\')
			continue;
		if (s[i + 1] != 'u') { /* another escape: skip its second character */
			i++;
			continue;
		}
		unsigned v, w;
		if (!hex4(s + i + 2, &v))
			continue;
		if (v >= 0xD800 && v <= 0xDBFF && i + 12 <= n && s[i + 6] == '\\' && s[i + 7] == 'u' &&
		    hex4(s + i + 8, &w) && w >= 0xDC00 && w <= 0xDFFF) {
			i += 11; /* a pair */
			continue;
		}
		if (v >= 0xD800 && v <= 0xDFFF)
			return i;
		i += 5;
	}
	return n;
}

cJSON *json_parse(const char *s, size_t n, const char **end)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, set_hooks);
	size_t at = lone_surrogate(s, n, 0);
	if (at == n)
		return cJSON_ParseWithLengthOpts(s, n, end, 0);
	/* a lone surrogate becomes U+FFFD (the same six bytes) and the record stays */
	char *c = xmalloc(n + 1);
	memcpy(c, s, n);
	c[n] = '\0';
	for (; at < n; at = lone_surrogate(c, n, at + 6))
		memcpy(c + at, "\\ufffd", 6);
	const char *e = c;
	cJSON *j = cJSON_ParseWithLengthOpts(c, n, &e, 0);
	if (end)
		*end = s + (e - c);
	free(c);
	return j;
}
