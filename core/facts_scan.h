/* The measure extractor's shared state, for its three parts: facts_marks.c
 * (one pass over a body that notes where places, numbers and sentence ends
 * start), facts_where.c (a figure's place and as-of date, and where each came
 * from) and facts.c (what a figure counts). Not for use outside them. */
#ifndef EPINEWS_FACTS_SCAN_H
#define EPINEWS_FACTS_SCAN_H
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "facts.h"
#include "gazetteer.h"

/* What one pass over an article's body notes at the start of a character, so that
 * the extractor visits only the characters that can start something. */
enum {
	M_END = 1,    /* a sentence ends: 。！？； ! ? ; or a newline */
	M_NUM = 2,    /* a number may start (cnum_starts) */
	M_ZERO = 4,   /* 无 or 零: a zero in words may start */
	M_REL = 8,    /* 今, 昨 or 当: a relative date may start */
	M_SCOPE = 16, /* a scope word, 我市 or 全省 may start */
	M_PLACE = 32, /* a place name starts: len and place are its longest match */
	M_PAREN = 64, /* a bracket opens or closes: a place inside one stays there */
	M_BODY = 128, /* a place that starts a body's name (湖南医疗队): a last resort */
	M_DEST = 256, /* a word that is a destination itself (援鄂): place is where */
	/* only during the first pass: what may start here, to be looked up */
	M_TRY_SCOPE = 1 << 12, /* a phrase of scope_places (31个省, 中国以外) */
	M_TRY_DEST = 1 << 13,  /* a word of dest_short (援鄂) */
	M_STORED = 0x1FF,      /* the bits a mark keeps */
};

struct mark {
	uint32_t at;
	int32_t place;
	uint16_t len;
	uint16_t what;
};

struct marks {
	struct mark *v;
	size_t n, cap;
};

struct when {
	int y, m, d, hour;
	int rel; /* day offset from the article date (今天 0, 昨日 -1), REL_CONTEXT, or 99 */
};
/* 当天 with no date before it in its sentence: the day the paragraph is about */
#define REL_CONTEXT 100

/* The places of a list (武汉、黄石和孝感), the most specific of each run
 * (湖北省武汉市: 武汉市). */
struct place_list {
	int v[FACT_PLACES];
	int n;
};

/* Where a figure's place may come from when its sentence names none. */
struct dest {
	size_t at;
	int place; /* what the list's members share */
	struct place_list list;
};

struct ctx {
	const struct article *a;
	const struct gazetteer *gz;
	int file_city;
	int named;    /* the city the article is about (facts_home_city), or -1 */
	int resolved; /* home, province and fallback below are known */
	int home;     /* city, or -1 */
	int province; /* province, or -1 */
	int fallback; /* place when a sentence names none */
	const struct marks *mk;
	size_t m0, m1; /* the current sentence's marks */
	/* what earlier sentences said, for a figure whose own sentence does not */
	int para_place;           /* the paragraph's subject so far, or -1 */
	int para_have, art_have;  /* a date was stated earlier in the paragraph, article */
	struct when para_when, art_when;
	int art_dest;             /* where the article's aid goes, or -1 */
	int art_dest_known;
	struct dest dests[8];     /* the current sentence's destinations */
	size_t ndests;
	int dests_known;
};

/* The first mark from k on at or after byte `at` with one of the bits in `what`,
 * or m1. */
static inline size_t next_mark(const struct ctx *c, size_t k, size_t at, unsigned what)
{
	const struct mark *m = c->mk->v;
	while (k < c->m1 && (m[k].at < at || !(m[k].what & what)))
		k++;
	return k;
}

/* Where a left-to-right scan of one sentence has got to: the last place and scope
 * seen so far, so that each figure only scans the text since the previous one. */
struct scan {
	size_t ss, pos;
	size_t mi; /* no mark before it is at or after pos */
	int place;
	int outer; /* the place before an open bracket, or -2 outside one */
	enum fact_scope scope;
	struct place_list list; /* the list `place` stands for */
	size_t place_end;       /* where the last place name ended */
};

/* facts_marks.c */
void facts_first_pass(const struct article *a, const struct gazetteer *gz, struct marks *mk);
int facts_home_city(const struct article *a, const struct gazetteer *gz, const struct marks *mk);
unsigned facts_marks_of_cp(uint32_t cp);
void facts_about(const struct article *a, const struct gazetteer *gz, const struct marks *mk, int32_t *about);
int facts_dest_may_start(uint32_t ch);
const char *facts_marks_tables_disagree(void);

/* facts_where.c */
void facts_scan_start(const struct ctx *c, struct scan *sc, size_t ss);
void facts_scan_to(struct ctx *c, const char *b, struct scan *sc, size_t pos);
/* The place, the list of places and where they came from, of the figure f at
 * [f->start, f->end) of the sentence [ss, se), whose scan has got to it. */
void facts_figure_place(struct ctx *c, size_t ss, size_t se, const struct scan *sc, struct fact *f);
void facts_figure_date(struct ctx *c, const char *b, size_t ss, size_t se, size_t fs, size_t fe, struct fact *f);
void facts_remember(struct ctx *c, size_t ss, size_t se, unsigned any);
const char *facts_where_tables_disagree(void);

#endif
