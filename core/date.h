/* Calendar dates as written in archives: ISO strings, URLs, Chinese datelines. */
#ifndef EPINEWS_DATE_H
#define EPINEWS_DATE_H
#include <stddef.h>

/* A possibly partial date: a zero field is unknown. */
struct ymd {
	int y, m, d;
};

int ymd_valid(int y, int m, int d);
int ymd_full(struct ymd v);
/* "YYYY-MM-DD" for a full date, "-" otherwise. buf holds at least 11 bytes. */
const char *ymd_format(struct ymd v, char *buf);
/* Days since 1970-01-01 of a full date (for comparisons and ranges). */
long ymd_days(struct ymd v);
struct ymd ymd_from_days(long days);

/* A record's date field: 2020-02-17, 2020/2/17, 2020.2.17, 20200217, 2020年2月17日,
 * with or without a time after it, or Unix time in seconds or milliseconds.
 * Returns 1 and fills *out when a full valid date was found. */
int date_parse(const char *s, struct ymd *out);
/* A date inside a URL path: /2020-02-17/, /20200217/, /2020/0217/, /2020/02/17/. */
int date_from_url(const char *url, struct ymd *out);
/* Find "M月D日" (ASCII or full-width digits) in s[0..n). Returns 1 with the month,
 * day and the byte span [*start, *end) of the match. */
int find_month_day(const char *s, size_t n, int *m, int *d, size_t *start, size_t *end);

/* Every full date written in s[0..n): 2020年2月17日 (or 号), 2020-02-17, 2020/2/17,
 * 2020.2.17, in ASCII or full-width digits. Fills up to max dates (and, when at is
 * not NULL, their byte offsets); returns how many. */
size_t find_full_dates(const char *s, size_t n, struct ymd *out, size_t *at, size_t max);
/* The year that puts month m, day d nearest to one of the dates f[0..k), when that
 * is at most span days away; 0 when none is. */
int year_near(int m, int d, const struct ymd *f, size_t k, int span);

#endif
