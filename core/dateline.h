/* The dateline that opens a Chinese news article: "新华社武汉2月5日电",
 * "央广网河南分网2月13日消息", "湖北日报讯（记者…）2月28日", "本报讯(记者 …)1月12日". */
#ifndef EPINEWS_DATELINE_H
#define EPINEWS_DATELINE_H
#include <stddef.h>

struct dateline {
	char *source; /* outlet, NULL when not named ("本报" is not a name) */
	char *place;  /* place the report was filed from, or NULL */
	int month, day; /* 0 when absent */
};

/* Read the dateline at the start of a paragraph. Returns 1 when one was found. */
int dateline_parse(const char *s, size_t n, struct dateline *out);
void dateline_free(struct dateline *dl);

#endif
