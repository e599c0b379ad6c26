/* Parsing JSON with cJSON, its memory taken through xalloc: running out of
 * memory inside the parser then stops with "out of memory", as everywhere
 * else, instead of passing for malformed input. */
#ifndef EPINEWS_JSON_PARSE_H
#define EPINEWS_JSON_PARSE_H
#include <cjson/cJSON.h>
#include <stddef.h>

/* cJSON_ParseWithLengthOpts(s, n, end, 0). */
cJSON *json_parse(const char *s, size_t n, const char **end);

#endif
