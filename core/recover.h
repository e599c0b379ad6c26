/* What an article says of itself beyond its fields: its date (a dateline's
 * month and day with the year from a full date in the text, a title or closing
 * line that carries the date, the URL, the path), its source (dateline,
 * byline, 来源, a column or site name in the title, the URL's host, the folder)
 * and a clean title. Each is kept with where it came from. The year a dateline
 * takes from the other articles of its file or folder is neighbours.c's. */
#ifndef EPINEWS_RECOVER_H
#define EPINEWS_RECOVER_H

#include "article.h"

enum date_from {
	DATE_FROM_NONE,
	DATE_FROM_FIELD,      /* the record's date field */
	DATE_FROM_META,       /* a page's meta tag */
	DATE_FROM_DATELINE,   /* the dateline, its year from a full date in the text */
	DATE_FROM_TEXT,       /* a full date the text gives as the article's */
	DATE_FROM_TITLE,      /* a full date opening the title */
	DATE_FROM_URL,        /* a date in the URL's path */
	DATE_FROM_PATH,       /* the file's path or name */
	DATE_FROM_NEIGHBOURS, /* the dateline, its year from the other articles nearby */
};

enum source_from {
	SOURCE_FROM_NONE,
	SOURCE_FROM_FIELD,    /* the record's source field */
	SOURCE_FROM_LABEL,    /* a 来源： line */
	SOURCE_FROM_DATELINE, /* 新华社…电, 央视网消息 */
	SOURCE_FROM_BYLINE,   /* 湖北日报全媒记者…, （楚天都市报记者…）, 《人民日报》（…版） */
	SOURCE_FROM_TITLE,    /* a column (人民网评：) or a site suffix (… - 人民网) */
	SOURCE_FROM_URL,      /* the URL's host */
	SOURCE_FROM_PATH,     /* a folder or file named after the outlet */
	SOURCE_FROM_META,     /* a page's meta tag */
};

/* Days within which a year is taken from a nearby full date. */
#define RECOVER_SPAN 62

const char *date_from_name(unsigned v);
/* a's date as "2020-02-05", "2020-02-05~" when neighbours inferred it, or "-".
 * buf holds at least 12 bytes. */
const char *article_date_text(const struct article *a, char *buf);
const char *source_from_name(unsigned v);

/* What path says: a date in its name (20200217.json), a year folder (2020/),
 * an outlet the file or one of the two folders above it is named after. */
void recover_path(const char *path, struct path_facts *pf);
/* Clean the title (a [视频]-style tag, a trailing " ...", a site suffix; the raw
 * title goes to d->raw_title) and find the date and source, what the file's
 * path says (d->pathf) last. d is cleaned and sanitized; a->date, a->dateline
 * and a->flags are set, d->source may be. */
void recover_draft(struct draft *d, struct article *a);
/* A title cleaned: returns a new string, and in *suffix (when not NULL) a new
 * string naming the site the suffix named, or NULL. */
char *title_clean(const char *raw, char **suffix);

#endif
