/* A record's fields, as JSON objects and CSV headers name them: which name
 * means which field, and a field's value made into paragraphs or a line. */
#ifndef EPINEWS_FIELDS_H
#define EPINEWS_FIELDS_H
#include <stddef.h>
#include <stdint.h>

#include "article.h"

enum rec_field { RF_TITLE, RF_TEXT, RF_BRIEF, RF_URL, RF_DATE, RF_SOURCE, RF_COUNT };

/* The names of field f, most preferred first, NULL-terminated. Matched
 * case-insensitively. */
const char *const *rec_field_names(enum rec_field f);
/* The rank of name among field f's names (0 best), or -1. */
int rec_field_rank(enum rec_field f, const char *name, size_t n);
/* A text field's value as d's paragraphs: its lines, or its HTML's blocks. */
void rec_add_text(struct draft *d, const char *text, size_t n);
/* A one-line field (title, source) without markup or entities: a new string,
 * or NULL when nothing is left. */
char *rec_plain(const char *s, size_t n);

/* Where a user says a JSON file's records and fields are (--map FIELD=PATH):
 * PATH is keys joined by '.', matched in any case ("video_detail.content");
 * records is the array of records from the top of each JSON value
 * ("videoList", "data.list"). NULL where the heuristics decide. */
struct field_map {
	char *records;
	char *path[RF_COUNT];
};

/* Take one "FIELD=PATH" (FIELD: records, title, text, brief, date, source,
 * url). Returns 0, or -1 with *why set. */
int field_map_add(struct field_map *m, const char *spec, const char **why);
void field_map_free(struct field_map *m);

/* Maps for the files whose path matches a glob (fnmatch, '*' crossing '/'):
 * the config file's "json GLOB FIELD=PATH…" lines, then --map (glob "*").
 * Where several match a file, later ones win field by field. */
struct field_rule {
	char *glob;
	struct field_map map;
};
struct field_maps {
	struct field_rule *v;
	size_t n, cap;
};

/* Add FIELD=PATH to the rule for glob (made when new). 0, or -1 with *why. */
int field_maps_add(struct field_maps *ms, const char *glob, const char *spec, const char **why);
/* A config line: 1 when it is a "json GLOB FIELD=PATH…" line and applied, 0
 * when it is not one, -1 with *why when it is one but wrong. */
int field_maps_line(struct field_maps *ms, const char *line, const char **why);
/* The map for a file: its strings borrowed from ms. Empty when none matches. */
void field_maps_for(const struct field_maps *ms, const char *path, struct field_map *out);
/* A hash of every rule, for naming the cache they build; 0 when there is none. */
uint64_t field_maps_key(const struct field_maps *ms);
void field_maps_free(struct field_maps *ms);

#endif
