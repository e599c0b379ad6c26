/* The table of subcommands and options (commands.h). */
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/sanitize.h"
#include "core/strbuf.h"

#define JSON_OPT(what) { "json", 'j', 1, NULL, what }

static const struct cli_option list_opts[] = {
	JSON_OPT("one JSON object per line, with every field"),
	{ NULL, 0, 0, NULL, NULL },
};
static const struct cli_option show_opts[] = {
	JSON_OPT("the article as one JSON object, with its body"),
	{ NULL, 0, 0, NULL, NULL },
};
static const struct cli_option facts_opts[] = {
	JSON_OPT("one JSON object per measure"),
	{ "csv", 'c', 1, NULL, "CSV with a header line (text cells safe from formulas)" },
	{ "kind", 'k', 1, "K", "only measures of kind K (beds, confirmed, ...; see epinews(1))" },
	{ "place", 'p', 1, "P", "only measures in place P or somewhere in it" },
	{ "query", 'q', 1, "Q", "only in the articles that query Q finds (see search --help)" },
	{ NULL, 0, 0, NULL, NULL },
};
static const struct cli_option places_opts[] = {
	JSON_OPT("one JSON object per place"),
	{ NULL, 0, 0, NULL, NULL },
};
static const struct cli_option search_opts[] = {
	JSON_OPT("one JSON object per article, with score and hits"),
	{ "sort", 's', 1, "relevance|date", "the order (date by default)" },
	{ "limit", 'n', 1, "N", "at most N articles" },
	{ "count", 'c', 0, NULL, "print only the number of matches" },
	{ "scan", 'S', 0, NULL, "scan every article instead of using the index" },
	{ "time", 't', 0, NULL, "print on stderr the time to open the archive and the median of 7 runs" },
	{ NULL, 0, 0, NULL, NULL },
};
static const struct cli_option index_opts[] = {
	{ "check", 'c', 0, NULL, "only say whether the existing cache is sound" },
	{ "path", 'p', 0, NULL, "only print the cache file's name" },
	{ NULL, 0, 0, NULL, NULL },
};
static const struct cli_option mark_opts[] = {
	{ "fact", 'f', 1, "N", "the N-th measure of the article, as facts lists them" },
	{ "passage", 'p', 1, "START:END", "a passage: byte offsets in the body that show prints" },
	{ "article", 'a', 1, NULL, "the whole article" },
	{ "note", 'n', 1, "TEXT", "a note on the highlight (marking again changes it)" },
	{ NULL, 0, 0, NULL, NULL },
};
static const struct cli_option unmark_opts[] = {
	{ "fact", 'f', 1, "N", "the highlight of the N-th measure" },
	{ "passage", 'p', 1, "START:END", "the highlight of that passage" },
	{ "article", 'a', 1, NULL, "the highlight of the whole article" },
	{ "all", 'A', 0, NULL, "every highlight of the article" },
	{ NULL, 0, 0, NULL, NULL },
};
static const struct cli_option highlights_opts[] = {
	JSON_OPT("one JSON object per highlight"),
	{ "path", 'p', 0, NULL, "only print the highlights file's name" },
	{ NULL, 0, 0, NULL, NULL },
};
static const struct cli_option export_opts[] = {
	{ "format", 'F', 1, "csv|jsonl|md", "the format (csv by default)" },
	{ "highlights", 'H', 1, NULL, "your highlights (the default)" },
	{ "query", 'q', 1, "Q", "instead, every measure of the articles query Q finds" },
	{ "kind", 'k', 1, "K", "only measures of kind K" },
	{ "output", 'o', 1, "FILE", "write FILE (atomically) instead of standard output" },
	{ "force", 'f', 1, NULL, "with -o: replace an existing FILE" },
	{ "excel", 'x', 0, NULL, "start a CSV with a byte order mark, for spreadsheet programs" },
	{ NULL, 0, 0, NULL, NULL },
};

const struct cli_command cli_commands[] = {
	{ "list", "[--json] PATH...", "one line per article",
	  "One article per line: ID DATE PLACE SOURCE TITLE, tab-separated.", list_opts, NULL, cmd_list },
	{ "show", "[--json] ID PATH...", "one cleaned article",
	  "Print one cleaned article. ID may be a unique prefix of 4+ characters.", show_opts, NULL, cmd_show },
	{ "facts", "[--json|--csv] [--kind K] [--place P] [--query Q] PATH...", "the measures in every article",
	  "Every measure found in every article: ID KIND VALUE+UNIT PLACE DATE WORDS.", facts_opts, NULL,
	  cmd_facts },
	{ "places", "[--json] PATH...", "the places articles are about, with counts",
	  "The places the articles are about, most first: COUNT PLACE WITHIN.\n"
	  "COUNT is what search --count place:PLACE gives: articles about the place\n"
	  "or somewhere in it, by their dateline, title, measures or a place their\n"
	  "body names twice.",
	  places_opts, NULL, cmd_places },
	{ "search", "[--json] [--sort relevance|date] [--limit N] [--count] [--scan] [--time] QUERY PATH...",
	  "articles matching a query",
	  "Articles matching QUERY, in the `list` format (JSON adds score and hits).\n"
	  "  武汉 床位            both words        a OR b, a | b   either\n"
	  "  -word               without           \"a phrase\"      exactly\n"
	  "  place:武汉 (city:)   date:2020-02  date:2020-02-01..2020-02-15\n"
	  "  after:D before:D    source:新华社    kind:beds   beds>1000\n"
	  "  title:W text:W      @NAME (a saved search)",
	  search_opts, "Exit status 1 when nothing matches.", cmd_search },
	{ "index", "[--check | --path] PATH...", "build or refresh the cache",
	  "Build or refresh the cache of these paths (articles, measures and the\n"
	  "search index) in $XDG_CACHE_HOME/epinews, and print what it took.",
	  index_opts, NULL, cmd_index },
	{ "mark", "(--fact N | --passage START:END | --article) [--note TEXT] ID PATH...",
	  "mark a measure, a passage or an article",
	  "Mark the N-th measure of article ID (as `epinews facts` lists them),\n"
	  "a passage (byte offsets in the `show` body) or the whole article.",
	  mark_opts, NULL, cmd_mark },
	{ "unmark", "(--fact N | --passage START:END | --article | --all) ID PATH...", "remove a highlight",
	  "Remove a highlight of article ID (--all: every one of it).", unmark_opts, NULL, cmd_unmark },
	{ "highlights", "[--json | --path] PATH...", "your highlights, found again",
	  "Every highlight of these archives, found again in them:\n"
	  "STATUS TYPE ARTICLE WORDS NOTE, tab-separated. STATUS is ok, moved (the\n"
	  "words are elsewhere in the article), changed (the article's text changed)\n"
	  "or missing (no article has the words any more).",
	  highlights_opts, NULL, cmd_highlights },
	{ "export", "[--format csv|jsonl|md] [--highlights | --query Q] [--kind K] [-o FILE [--force]] [--excel] PATH...",
	  "highlights or measures with their provenance",
	  "Your highlights (the default), or every measure of the articles that\n"
	  "query Q finds, with their provenance: article, title, source, date,\n"
	  "place, URL, file and byte span, the measure, the sentence, your note.",
	  export_opts, NULL, cmd_export },
};
const size_t cli_ncommands = sizeof cli_commands / sizeof *cli_commands;

const struct cli_command *cli_find_command(const char *name)
{
	for (size_t k = 0; k < cli_ncommands; k++)
		if (!strcmp(cli_commands[k].name, name))
			return &cli_commands[k];
	return NULL;
}

/* Edit distance, for names of a few letters. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[32];
	if (la >= 31 || lb >= 31)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0]++;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

/* Of names (count of them, each `stride` bytes apart), the nearest to word. */
static const char *nearest(const char *word, const char *const *names, size_t count, size_t stride)
{
	const char *best = NULL;
	size_t bd = 3, wl = strlen(word);
	for (size_t k = 0; k < count; k++) {
		const char *name = *(const char *const *)(const void *)((const char *)names + k * stride);
		size_t d = wl >= 2 && !strncmp(name, word, wl) ? 1 : distance(word, name);
		if (d < bd) {
			bd = d;
			best = name;
		}
	}
	return best;
}

const char *cli_nearest_command(const char *word)
{
	return nearest(word, &cli_commands[0].name, cli_ncommands, sizeof cli_commands[0]);
}

void cli_parse_begin(struct cli_parse *p, const char *cmd, int argc, char **argv)
{
	memset(p, 0, sizeof *p);
	p->cmd = cli_find_command(cmd);
	p->argc = argc;
	p->argv = argv;
	size_t n = 0, s = 0;
	for (const struct cli_option *o = p->cmd->opts; o->name && n + 2 < sizeof p->lo / sizeof *p->lo; o++) {
		p->lo[n++] = (struct option){ o->name, o->arg ? required_argument : no_argument, NULL, o->key };
		if (o->short_too && s + 3 < sizeof p->so) {
			p->so[s++] = (char)o->key;
			if (o->arg)
				p->so[s++] = ':';
		}
	}
	p->lo[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	p->lo[n] = (struct option){ NULL, 0, NULL, 0 };
	p->so[s++] = 'h';
	p->so[s] = '\0';
	optind = 1;
	opterr = 0; /* said below, naming the command */
}

int cli_parse_next(struct cli_parse *p)
{
	int c = getopt_long(p->argc, p->argv, p->so, p->lo, NULL);
	if (c != '?' && c != ':')
		return c;
	const char *bad = optind - 1 < p->argc && optind >= 1 ? p->argv[optind - 1] : "";
	char shown[3] = { '-', (char)optopt, 0 };
	const char *what = optopt && strncmp(bad, "--", 2) != 0 ? shown : bad;
	char *safe = sanitize_visible_dup(what);
	/* a long option that wants an argument and has none, or one we do not have */
	const char *name = !strncmp(what, "--", 2) ? what + 2 : NULL;
	const struct cli_option *o = NULL;
	for (const struct cli_option *k = p->cmd->opts; name && k->name; k++)
		if (!strncmp(name, k->name, strcspn(name, "=")) && strlen(k->name) == strcspn(name, "="))
			o = k;
	for (const struct cli_option *k = p->cmd->opts; !name && k->name; k++)
		if (k->short_too && k->key == optopt)
			o = k;
	if (o && o->arg)
		fprintf(stderr, "epinews %s: %s needs an argument (%s)\n", p->cmd->name, safe, o->arg);
	else {
		size_t nopts = 0;
		while (p->cmd->opts[nopts].name)
			nopts++;
		char word[64];
		snprintf(word, sizeof word, "%.*s", (int)strcspn(name ? name : "", "="), name ? name : "");
		const char *near = name ? nearest(word, &p->cmd->opts[0].name, nopts, sizeof p->cmd->opts[0]) : NULL;
		fprintf(stderr, "epinews %s: unknown option '%s'%s%s%s\n", p->cmd->name, safe,
			near ? " (did you mean --" : "", near ? near : "", near ? "?)" : "");
	}
	fprintf(stderr, "Try 'epinews %s --help'.\n", p->cmd->name);
	free(safe);
	return '?';
}

int cli_help(const char *cmd)
{
	const struct cli_command *c = cli_find_command(cmd);
	printf("usage: epinews %s %s\n%s\n", c->name, c->synopsis, c->description);
	struct strbuf sb = STRBUF_INIT;
	for (const struct cli_option *o = c->opts; o->name; o++) {
		sb_reset(&sb);
		if (o->short_too && o->key == 'o')
			sb_addf(&sb, "-o, ");
		sb_addf(&sb, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		printf("  %-22s %s\n", sb.s, o->help);
	}
	sb_free(&sb);
	if (c->notes)
		printf("%s\n", c->notes);
	return EXIT_OK;
}

void cli_usage_all(FILE *out)
{
	enum { WIDTH = 79, INDENT = 17, SUMMARY = 41 };
	fprintf(out, "usage: epinews [PATH...]%*s browse archives in the terminal\n", 17, "");
	for (size_t k = 0; k < cli_ncommands; k++) {
		const struct cli_command *c = &cli_commands[k];
		int col = fprintf(out, "       epinews %s", c->name);
		/* the synopsis word by word, wrapped under the command */
		for (const char *w = c->synopsis; *w;) {
			size_t n = strcspn(w, " ");
			if (col + 1 + (int)n > WIDTH) {
				fprintf(out, "\n%*s", INDENT, "");
				col = INDENT;
			} else {
				fputc(' ', out);
				col++;
			}
			col += fprintf(out, "%.*s", (int)n, w);
			w += n;
			w += strspn(w, " ");
		}
		if (col + 2 <= SUMMARY)
			fprintf(out, "%*s%s\n", SUMMARY - col, "", c->summary);
		else
			fprintf(out, "\n%*s%s\n", SUMMARY, "", c->summary);
	}
}
