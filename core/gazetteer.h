/* Places: China's provinces, prefectures and counties (from the AreaCity data set)
 * and the countries news most often names, with a matcher for running text. */
#ifndef EPINEWS_GAZETTEER_H
#define EPINEWS_GAZETTEER_H
#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

enum place_level { PLACE_PROVINCE, PLACE_PREFECTURE, PLACE_COUNTY, PLACE_COUNTRY };

struct place {
	const char *short_name, *full_name, *pinyin; /* point into the gazetteer's text */
	int level;
	int parent; /* index, or -1 */
	int same;   /* the next place of the same full name (桥西区 of another city), or -1 */
};

struct name_slot {
	uint64_t hash;
	int32_t place; /* -1: empty */
	uint16_t len;  /* bytes */
};

struct gazetteer {
	char *text; /* owned copy of the data, cut into fields */
	struct place *v;
	size_t n;
	struct name_slot *slots;
	size_t nslots;
	size_t max_len; /* longest name, in bytes */
	uint8_t first[0x10000 / 8]; /* BMP code points that start a name */
	uint8_t pair[1 << 14];      /* Bloom bits of the first two code points of names */
	uint8_t pair_len[1 << 14];  /* the same, with the name's length in bytes */
};

/* Whether a name can start with the character at s: a cheap test to skip most
 * positions of running text before gazetteer_match (never 0 where it matches). */
static inline int gazetteer_may_start(const struct gazetteer *g, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	if (!n || u[0] >= 0xF0)
		return 0; /* names start with a BMP character */
	if (u[0] < 0x80)
		cp = u[0];
	else if (u[0] < 0xE0)
		cp = n >= 2 ? ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F) : 0;
	else
		cp = n >= 3 ? utf8_cp3(u) : 0;
	return (g->first[cp >> 3] >> (cp & 7)) & 1;
}

/* Build the gazetteer from the data compiled into the program. */
void gazetteer_init(struct gazetteer *g);
void gazetteer_free(struct gazetteer *g);
/* The longest place name that starts at s. Returns its byte length and sets *place,
 * or returns 0. Short names are matched for provinces and prefectures only. */
size_t gazetteer_match(const struct gazetteer *g, const char *s, size_t n, int *place);
/* A place by exact name (short, full or pinyin), or -1. */
int gazetteer_find(const struct gazetteer *g, const char *name);
/* The prefecture-level city a place belongs to (itself for one), or -1. */
int gazetteer_city(const struct gazetteer *g, int place);
/* The province a place belongs to (itself for one), or -1. */
int gazetteer_province(const struct gazetteer *g, int place);

/* Of the places named like p (p and its `same` chain), the one in `area`, or -1. */
int gazetteer_named_within(const struct gazetteer *g, int p, int area);

/* Is place p inside area (itself, a county of a city, a city of a province)? */
int gazetteer_within(const struct gazetteer *g, int p, int area);

#endif
