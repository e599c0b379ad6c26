/* Test helper: read JSON Lines on stdin and print the named keys of each object,
 * tab-separated (null for JSON null, "missing" when absent). Exits 1 on a line that
 * is not a JSON object, so tests also prove the output parses. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long no = 0;
	while ((n = getline(&line, &cap, stdin)) > 0) {
		no++;
		cJSON *o = cJSON_ParseWithLength(line, (size_t)n);
		if (!cJSON_IsObject(o)) {
			fprintf(stderr, "json_get: line %ld is not a JSON object\n", no);
			return 1;
		}
		for (int i = 1; i < argc; i++) {
			const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, argv[i]);
			if (i > 1)
				putchar('\t');
			if (!v)
				fputs("missing", stdout);
			else if (cJSON_IsString(v))
				fputs(v->valuestring, stdout);
			else {
				char *s = cJSON_PrintUnformatted(v);
				fputs(s, stdout);
				free(s);
			}
		}
		putchar('\n');
		cJSON_Delete(o);
	}
	free(line);
	return 0;
}
