#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"

#include "hash.h"
#include "utf8.h"
#include "xalloc.h"

extern const char places_tsv[];
extern const char countries_tsv[];

static uint32_t pair_bit(uint32_t a, uint32_t b)
{
	return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> 15; /* 17 bits */
}

static uint32_t pair_len_bit(uint32_t a, uint32_t b, size_t len)
{
	return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u) ^ ((uint32_t)len * 0xC2B2AE3Du)) >> 15;
}

static void add_name(struct gazetteer *g, const char *name, int place)
{
	size_t len = strlen(name);
	if (len < 6) /* one character is never a place name on its own */
		return;
	uint64_t h = hash64(name, len, 0);
	size_t i = h & (g->nslots - 1);
	while (g->slots[i].place >= 0) {
		if (g->slots[i].hash == h && g->slots[i].len == len)
			return; /* first wins */
		i = (i + 1) & (g->nslots - 1);
	}
	g->slots[i].hash = h;
	g->slots[i].place = place;
	g->slots[i].len = (uint16_t)len;
	if (len > g->max_len)
		g->max_len = len;
	uint32_t cp, cp2;
	size_t k = utf8_decode((const unsigned char *)name, len, &cp);
	if (k && cp < 0x10000)
		g->first[cp >> 3] |= (uint8_t)(1u << (cp & 7));
	if (k && utf8_decode((const unsigned char *)name + k, len - k, &cp2)) {
		uint32_t bit = pair_bit(cp, cp2);
		g->pair[bit >> 3] |= (uint8_t)(1u << (bit & 7));
		bit = pair_len_bit(cp, cp2, len);
		g->pair_len[bit >> 3] |= (uint8_t)(1u << (bit & 7));
	}
}

static char *field(char **p)
{
	char *s = *p, *e = strchr(s, '\t');
	if (e) {
		*e = '\0';
		*p = e + 1;
	} else {
		*p = s + strlen(s);
	}
	return s;
}

static int by_id(const void *a, const void *b, void *ids)
{
	const long *id = ids;
	long x = id[*(const size_t *)a], y = id[*(const size_t *)b];
	return (x > y) - (x < y);
}

static int lookup(const struct gazetteer *g, const char *s, size_t len);

void gazetteer_init(struct gazetteer *g)
{
	memset(g, 0, sizeof *g);
	size_t a = strlen(places_tsv), b = strlen(countries_tsv);
	g->text = xmalloc(a + b + 1);
	memcpy(g->text, places_tsv, a);
	memcpy(g->text + a, countries_tsv, b + 1);
	size_t lines = 0;
	for (const char *p = g->text; *p; p++)
		lines += *p == '\n';
	g->v = xcalloc(lines + 1, sizeof *g->v);
	long *ids = xcalloc(lines + 1, sizeof *ids), *pids = xcalloc(lines + 1, sizeof *pids);
	char *p = g->text;
	size_t countries_from = 0;
	while (*p) {
		char *nl = strchr(p, '\n');
		*nl = '\0';
		char *q = p;
		struct place *pl = &g->v[g->n];
		if (p >= g->text + a) { /* countries: name, pinyin */
			if (!countries_from)
				countries_from = g->n;
			pl->full_name = pl->short_name = field(&q);
			pl->pinyin = field(&q);
			pl->level = PLACE_COUNTRY;
			pl->parent = -1;
		} else {
			ids[g->n] = strtol(field(&q), NULL, 10);
			pids[g->n] = strtol(field(&q), NULL, 10);
			pl->level = (int)strtol(field(&q), NULL, 10);
			pl->short_name = field(&q);
			pl->full_name = field(&q);
			pl->pinyin = field(&q);
		}
		g->n++;
		p = nl + 1;
	}
	/* parents: binary search over the ids in numeric order */
	size_t nat = countries_from ? countries_from : g->n;
	size_t *ord = xmalloc((nat + 1) * sizeof *ord);
	for (size_t i = 0; i < nat; i++)
		ord[i] = i;
	qsort_r(ord, nat, sizeof *ord, by_id, ids);
	for (size_t i = 0; i < nat; i++) {
		g->v[i].parent = -1;
		size_t lo = 0, hi = nat;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (ids[ord[mid]] < pids[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		if (pids[i] && lo < nat && ids[ord[lo]] == pids[i])
			g->v[i].parent = (int)ord[lo];
	}
	free(ord);
	free(ids);
	free(pids);
	g->nslots = 1;
	while (g->nslots < g->n * 4)
		g->nslots *= 2;
	g->slots = xmalloc(g->nslots * sizeof *g->slots);
	for (size_t i = 0; i < g->nslots; i++)
		g->slots[i].place = -1;
	/* Order decides which place a shared name means: prefectures before provinces
	 * (北京市 the city), full names before short ones. */
	static const int full_order[] = { PLACE_PREFECTURE, PLACE_PROVINCE, PLACE_COUNTY, PLACE_COUNTRY };
	for (int o = 0; o < 4; o++)
		for (size_t i = 0; i < g->n; i++)
			if (g->v[i].level == full_order[o])
				add_name(g, g->v[i].full_name, (int)i);
	/* places that share a full name, chained from the one lookup gives */
	for (size_t i = 0; i < g->n; i++)
		g->v[i].same = -1;
	for (size_t i = g->n; i-- > 0;) {
		int first = lookup(g, g->v[i].full_name, strlen(g->v[i].full_name));
		if (first >= 0 && first != (int)i) { /* put i right after the first */
			g->v[i].same = g->v[first].same;
			g->v[first].same = (int)i;
		}
	}
	static const int short_order[] = { PLACE_PREFECTURE, PLACE_PROVINCE };
	for (int o = 0; o < 2; o++)
		for (size_t i = 0; i < g->n; i++)
			if (g->v[i].level == short_order[o])
				add_name(g, g->v[i].short_name, (int)i);
}

void gazetteer_free(struct gazetteer *g)
{
	free(g->text);
	free(g->v);
	free(g->slots);
	memset(g, 0, sizeof *g);
}

static int lookup(const struct gazetteer *g, const char *s, size_t len)
{
	uint64_t h = hash64(s, len, 0);
	size_t i = h & (g->nslots - 1);
	while (g->slots[i].place >= 0) {
		if (g->slots[i].hash == h && g->slots[i].len == len)
			return g->slots[i].place;
		i = (i + 1) & (g->nslots - 1);
	}
	return -1;
}

size_t gazetteer_match(const struct gazetteer *g, const char *s, size_t n, int *place)
{
	if (!gazetteer_may_start(g, s, n))
		return 0;
	uint32_t cp;
	size_t k = utf8_decode((const unsigned char *)s, n, &cp);
	if (!k)
		return 0;
	uint32_t cp2;
	size_t k2 = utf8_decode((const unsigned char *)s + k, n - k, &cp2);
	if (!k2)
		return 0;
	uint32_t bit = pair_bit(cp, cp2);
	if (!(g->pair[bit >> 3] & (1u << (bit & 7))))
		return 0;
	uint32_t cp1 = cp;
	/* candidate ends: after each following character, longest first */
	size_t ends[16], ne = 0, i = k;
	while (i < n && i <= g->max_len && ne < 16) {
		size_t step = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (!step)
			break;
		i += step;
		ends[ne++] = i;
	}
	while (ne--) {
		uint32_t lb = pair_len_bit(cp1, cp2, ends[ne]);
		if (!(g->pair_len[lb >> 3] & (1u << (lb & 7))))
			continue; /* no name of this length starts so */
		int p = lookup(g, s, ends[ne]);
		if (p >= 0) {
			*place = p;
			return ends[ne];
		}
	}
	return 0;
}

int gazetteer_find(const struct gazetteer *g, const char *name)
{
	int p = lookup(g, name, strlen(name));
	if (p >= 0)
		return p;
	if (fold_has_traditional(name, strlen(name))) { /* 廣州 is 广州 */
		char *s = fold_t2s_copy(name, strlen(name));
		p = gazetteer_find(g, s);
		free(s);
		return p;
	}
	/* pinyin and short names: only for provinces, prefectures and countries, as in
	 * running text (新华 is not 新华区) */
	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].level != PLACE_COUNTY &&
		    (!strcmp(g->v[i].pinyin, name) || !strcmp(g->v[i].short_name, name)))
			return (int)i;
	return -1;
}

int gazetteer_city(const struct gazetteer *g, int p)
{
	while (p >= 0 && g->v[p].level == PLACE_COUNTY)
		p = g->v[p].parent;
	if (p >= 0 && g->v[p].level == PLACE_PROVINCE)
		return lookup(g, g->v[p].full_name, strlen(g->v[p].full_name)) == p ? -1 :
			lookup(g, g->v[p].full_name, strlen(g->v[p].full_name));
	return p;
}

int gazetteer_province(const struct gazetteer *g, int p)
{
	while (p >= 0 && g->v[p].level != PLACE_PROVINCE && g->v[p].level != PLACE_COUNTRY)
		p = g->v[p].parent;
	return p;
}

int gazetteer_named_within(const struct gazetteer *g, int p, int area)
{
	for (int q = p; q >= 0; q = g->v[q].same)
		for (int a = q; a >= 0; a = g->v[a].parent)
			if (a == area)
				return q;
	return -1;
}

int gazetteer_within(const struct gazetteer *g, int p, int area)
{
	if (area < 0)
		return 0;
	for (; p >= 0; p = g->v[p].parent)
		if (p == area || !strcmp(g->v[p].full_name, g->v[area].full_name))
			return 1;
	return 0;
}
