/* Measures extracted from an article's text: each figure with its kind, value,
 * qualifier, scope, place, as-of date and the byte span of its words. */
#ifndef EPINEWS_FACTS_H
#define EPINEWS_FACTS_H
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "fact_kinds.h"
#include "gazetteer.h"

enum fact_qualifier { QUAL_NONE, QUAL_APPROX, QUAL_OVER, QUAL_UNDER };
/* Where a measure's place or date was read: its own sentence, the place its aid
 * goes to, an earlier sentence of its paragraph, the rest of the article, or the
 * article's dateline (or date). */
enum fact_origin { FROM_NONE, FROM_SENTENCE, FROM_DESTINATION, FROM_PARAGRAPH, FROM_ARTICLE, FROM_DATELINE,
		   FROM_COUNT };
enum fact_scope { SCOPE_NONE, SCOPE_CUMULATIVE, SCOPE_NEW, SCOPE_CURRENT };
/* A consistency rule a measure breaks with others of its article (facts_check):
 * its parts do not add up to it (本土 + 境外输入 ≠ 新增), a part is larger than
 * its total, or cured + deaths + current cases ≠ the cumulative total. */
enum fact_check { CHECK_NONE, CHECK_PARTS_SUM, CHECK_PART_EXCEEDS, CHECK_BALANCE, CHECK_COUNT };

#define FACT_PLACES 6 /* the most members of a list of places a measure keeps */

struct fact {
	enum fact_kind kind;
	int64_t value, value_max; /* value_max > value only for a range (3至5人) */
	char unit[8];
	enum fact_qualifier qual;
	enum fact_scope scope;
	int place;                /* gazetteer index, or -1: the places' lowest common parent */
	int32_t places[FACT_PLACES]; /* a list the figure is about (拉萨、日喀则等地), or place alone */
	uint8_t nplaces;
	struct ymd date;          /* as-of date; y == 0 when the year is not known */
	struct ymd since;         /* the start of the period it covers (自3月11日以来), or m == 0 */
	int hour;                 /* as-of hour, or -1 */
	uint8_t place_from, date_from; /* enum fact_origin */
	uint8_t check;            /* enum fact_check */
	int64_t check_sum, check_total; /* what the rule added up, and the total it expected */
	uint32_t start, end;      /* the fact's words: byte span in the article body */
	uint32_t sent_start, sent_end; /* its sentence */
};

struct facts {
	struct fact *v;
	size_t n, cap;
};

/* Append the facts of article a to out. `file_city` (from facts_file_city) resolves
 * 我市 in a newspaper article that does not name its city itself. Returns the
 * article's home city, as article_home_city does. */
int facts_extract(const struct article *a, const struct gazetteer *gz, int file_city,
		  struct facts *out);
/* The places an article is about, in FACTS_ABOUT slots (-1 for none): the
 * dateline's, those its title names, and those its body names at least twice,
 * in that order; a name inside a body's name (武汉大学, 湖北日报) names no
 * place. With its measures' places, what place: matches (factdb_places). */
#define FACTS_ABOUT 8
/* facts_extract that also fills about[FACTS_ABOUT] (about may be NULL). */
int facts_extract_about(const struct article *a, const struct gazetteer *gz, int file_city, struct facts *out,
			int32_t *about);
/* The city a newspaper page names most across its articles (the paper's own city),
 * for arts[0..n) from one file; -1 when it is not a newspaper page. */
int facts_file_city(const struct article *arts, size_t n, const struct gazetteer *gz);
/* The city an article is about: its dateline place, else the city it names most. */
int article_home_city(const struct article *a, const struct gazetteer *gz);

/* Flag the measures v[0..n) of one article that break a consistency rule with
 * each other (enum fact_check); the others are left as they are. */
void facts_check(const char *body, struct fact *v, size_t n);
/* The rule's machine name ("parts_sum"), or NULL for none. */
const char *fact_check_name(enum fact_check c);
/* What f's check found, in words, into buf (96 bytes); NULL when none. */
const char *fact_check_note(const struct fact *f, char *buf, size_t size);

/* The first pass keeps fast first-character tests beside some word tables
 * (destinations, 全市 and its kin): the name of the first table whose words a
 * test would miss, or NULL when they agree. For the tests. */
const char *facts_tables_disagree(void);
void facts_free(struct facts *f);

const char *fact_kind_name(enum fact_kind k);
const char *fact_kind_words(enum fact_kind k);
/* -1 when no kind has that name */
int fact_kind_from_name(const char *name);
const char *fact_qualifier_name(enum fact_qualifier q); /* NULL for none */
const char *fact_scope_name(enum fact_scope s);         /* NULL for none */
const char *fact_origin_name(enum fact_origin o);       /* NULL for none */
/* "2020-02-04", "--02-04" without a year, or NULL. buf holds 11 bytes. */
const char *fact_date_format(const struct fact *f, char *buf);
/* The same for the start of the period a measure covers. */
const char *fact_since_format(const struct fact *f, char *buf);

#endif
