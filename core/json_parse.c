#include "json_parse.h"

#include <pthread.h>
#include <stdlib.h>

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

cJSON *json_parse(const char *s, size_t n, const char **end)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, set_hooks);
	return cJSON_ParseWithLengthOpts(s, n, end, 0);
}
