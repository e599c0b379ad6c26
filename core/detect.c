#include "format.h"

#include <string.h>

#include "lines.h"
#include "utf8.h"

const char *format_name(enum format f)
{
	switch (f) {
	case FMT_EMPTY: return "empty";
	case FMT_BLOCKS: return "blocks";
	case FMT_JSON: return "json";
	case FMT_PAPER: return "newspaper";
	case FMT_WEB: return "web page";
	case FMT_PLAIN: return "plain";
	case FMT_DUMP: return "dump";
	case FMT_CSV: return "csv";
	case FMT_PAGE: return "html page";
	}
	return "?";
}

int is_next_news(const char *s, size_t n)
{
	if (n < 9 || s[0] != '=')
		return 0;
	size_t i = 0;
	while (i < n && s[i] == '=')
		i++;
	while (i < n && s[i] == ' ')
		i++;
	if (n - i < 9 || strncasecmp(s + i, "NEXT NEWS", 9) != 0)
		return 0;
	i += 9;
	while (i < n && (s[i] == ' ' || s[i] == '='))
		i++;
	return i == n;
}

int is_heading_line(const char *s, size_t n)
{
	if (n == 0 || utf8_count_upto(s, n, 41) > 40)
		return 0;
	uint32_t e = last_cp(s, n);
	if (e == 0x3002 || e == 0xFF01 || e == 0xFF1F || e == '!' || e == '?' || e == 0xFF1B ||
	    e == ';' || e == 0x2026 || e == 0xFF0C || e == ',' || e == 0x3001 || e == ':' ||
	    e == 0xFF1A)
		return 0;
	/* "label: value" lines are fields, not headings */
	for (size_t i = 0; i < n && i < 24; i++)
		if (s[i] == ':' || has_prefix(s + i, n - i, "："))
			return 0;
	return 1;
}

int is_paper_start(const char *s, size_t n)
{
	if (has_prefix(s, n, "本报讯") || has_prefix(s, n, "（上接第") || has_prefix(s, n, "(上接第"))
		return 1;
	/* 本报北京1月5日讯, 本报石家庄讯 */
	if (has_prefix(s, n, "本报")) {
		size_t lim = n < 40 ? n : 40;
		const char *x = memmem(s, lim, "讯", 3);
		if (x && !memmem(s, (size_t)(x - s), "，", 3) && !memmem(s, (size_t)(x - s), "。", 3))
			return 1;
	}
	return 0;
}

enum format format_detect(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i == n)
		return FMT_EMPTY;
	if (s[i] == '{')
		return FMT_JSON;
	if (s[i] == '[') {
		size_t j = i + 1;
		while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'))
			j++;
		if (j == n || s[j] == '{' || s[j] == ']')
			return FMT_JSON;
	}
	if (has_prefix(s + i, n - i, ">>>"))
		return FMT_BLOCKS;
	if (csv_header(s + i, n - i))
		return FMT_CSV;

	size_t scan = n < (1u << 20) ? n : (1u << 20);
	struct lines ls = { 0 };
	lines_split(&ls, s, scan, 0, 1);
	int starts = 0, chrome = 0, separators = 0, symbols = 0;
	const struct line *first = NULL;
	int title_repeats = 0;
	for (size_t k = 0; k < ls.n; k++) {
		const struct line *l = &ls.v[k];
		if (!l->n)
			continue;
		if (is_next_news(l->s, l->n))
			separators++;
		else if (is_symbol_line(l->s, l->n))
			symbols++;
		if (is_paper_start(l->s, l->n))
			starts++;
		if (k < 40 && (memmem(l->s, l->n, "您的位置", 12) || memmem(l->s, l->n, "当前位置", 12) ||
			       memmem(l->s, l->n, "首页 >", 8) || memmem(l->s, l->n, "首页>", 7)))
			chrome++;
		if (has_prefix(l->s, l->n, "责任编辑") || has_prefix(l->s, l->n, "郑重声明") ||
		    (l->n == 12 && has_prefix(l->s, l->n, "推荐内容")))
			chrome++;
		if (!first)
			first = l;
		else if (k < 20 && l->n == first->n && !memcmp(l->s, first->s, l->n))
			title_repeats++;
	}
	lines_free(&ls);
	if (separators)
		return FMT_BLOCKS;
	if (symbols >= 2)
		return FMT_DUMP;
	if (page_like(s + i, n - i))
		return FMT_PAGE;
	if (starts >= 2)
		return FMT_PAPER;
	if (chrome || title_repeats)
		return FMT_WEB;
	return FMT_PLAIN;
}
