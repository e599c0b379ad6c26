/* News outlets: their canonical names, the other spellings that open a
 * dateline, a byline or a column title, and the host names of their sites. One
 * table serves datelines, bylines, titles, URLs and folder names. */
#ifndef EPINEWS_OUTLETS_H
#define EPINEWS_OUTLETS_H
#include <stddef.h>

/* The outlet whose name or other spelling is the longest prefix of s[0..n):
 * its canonical name, with the prefix's byte length in *len. NULL when none. */
const char *outlet_at(const char *s, size_t n, size_t *len);
/* The outlet of a web host ("www.cnr.cn", "news.cn"), or NULL. */
const char *outlet_of_host(const char *host, size_t n);
/* The outlet named by one word of a file or folder name ("cnr", "xinhua",
 * "人民日报"), matched whole and case-insensitively, or NULL. */
const char *outlet_of_word(const char *w, size_t n);
/* The outlet of a column title's head ("央视快评", "东湖评论"), or NULL; *len is
 * the byte length of the column's name. */
const char *outlet_of_column(const char *s, size_t n, size_t *len);
/* A source as written ("环球时报-环球网", "法制日报（作者…）", "经济日报记者 …")
 * reduced to an outlet name: the canonical name when it opens with a known one,
 * else the text up to a byline or bracket. A new string, or NULL when nothing
 * is left. */
char *outlet_canonical(const char *s, size_t n);

/* 1 when the table of names is in the byte order outlet_at relies on. */
int outlets_sorted(void);

#endif
