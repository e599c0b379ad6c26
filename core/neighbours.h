/* The year of a dateline that the article itself cannot settle, taken from the
 * full dates of the other articles in its file, or else of the files nearest
 * it in its folder of the same shape and extension (natural order: page2
 * before page10), when those dates lie within RECOVER_SPAN days of each other
 * and the month and day fit among them. Such a date is marked
 * DATE_FROM_NEIGHBOURS; it is never an anchor itself. */
#ifndef EPINEWS_NEIGHBOURS_H
#define EPINEWS_NEIGHBOURS_H
#include <stddef.h>

#include "date.h"

struct archive;

/* Settle the years of the articles of files [first_file, nfiles) that were
 * read (not those a cache supplies still unread). */
void neighbours_years(struct archive *ar, size_t first_file);
/* The date in the year that keeps month m, day d with the dates v[0..n) within
 * span days; returns 0 when no year does (or the dates alone spread wider). */
int neighbours_fit(int m, int d, const struct ymd *v, size_t n, int span, struct ymd *out);
/* strcmp, but runs of digits compare as numbers. */
int natural_cmp(const char *a, const char *b);

#endif
