/* mark, unmark, highlights: the highlights store from the command line. */
#include "cli/cli.h"
#include "cli/commands.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/highlight.h"
#include "core/json_write.h"
#include "core/sanitize.h"

/* What a mark/unmark command names inside the article. */
struct target {
	enum hl_type type;
	long fact;               /* 1-based */
	uint32_t start, end;
	int all;
};

static int parse_span(const char *s, uint32_t *a, uint32_t *b)
{
	char *end;
	unsigned long x = strtoul(s, &end, 10);
	if (end == s || *end != ':')
		return -1;
	const char *t = end + 1;
	unsigned long y = strtoul(t, &end, 10);
	if (end == t || *end || x > y || y > UINT32_MAX)
		return -1;
	*a = (uint32_t)x;
	*b = (uint32_t)y;
	return 0;
}

static int open_store(struct hl_store *st, char **paths, int npaths)
{
	char buf[4096];
	const char *path = hl_store_path(paths, npaths, buf, sizeof buf);
	if (!path) {
		fprintf(stderr, "epinews: no place for highlights: set XDG_DATA_HOME or HOME\n");
		return -1;
	}
	hl_open(st, path);
	if (st->warning[0])
		fprintf(stderr, "epinews: %s\n", st->warning);
	return 0;
}

static int mark_or_unmark(int argc, char **argv, int unmark)
{
	const char *cmd = unmark ? "unmark" : "mark";
	struct target tg = { HL_ARTICLE, 0, 0, 0, 0 };
	int given = 0, c;
	const char *note = NULL;
	struct cli_parse cp;
	cli_parse_begin(&cp, cmd, argc, argv);
	while ((c = cli_parse_next(&cp)) != -1) {
		switch (c) {
		case 'f': {
			char *end;
			tg.fact = strtol(optarg, &end, 10);
			if (*end || tg.fact < 1)
				return cli_usage(cmd, "--fact takes the measure's number in the article (1, 2, ...)");
			tg.type = HL_FACT;
			given++;
			break;
		}
		case 'p':
			if (parse_span(optarg, &tg.start, &tg.end) != 0)
				return cli_usage(cmd, "--passage takes START:END, byte offsets in the body");
			tg.type = HL_PASSAGE;
			given++;
			break;
		case 'a': tg.type = HL_ARTICLE; given++; break;
		case 'A': tg.all = 1; given++; break;
		case 'n': note = optarg; break;
		case 'h':
			return cli_help(cmd);
		default: return EXIT_USAGE; /* cli_parse_next said why */
		}
	}
	if (given != 1 || (tg.all && !unmark))
		return cli_usage(cmd, "say what to %s: one of --fact N, --passage START:END, --article%s", cmd,
				 unmark ? ", --all" : "");
	if (optind + 1 >= argc)
		return cli_usage(cmd, "an article ID and an archive path are needed");
	const char *id = argv[optind];
	char **paths = argv + optind + 1;
	int npaths = argc - optind - 1;
	struct corpus co;
	cli_open(&co, paths, npaths, tg.type == HL_FACT ? NEED_FACTS : 0);
	int amb = 0, rc = EXIT_OK, saved;
	struct article *a = archive_find(&co.ar, id, &amb);
	struct hl_store st;
	struct strbuf done = STRBUF_INIT; /* what to say once it is saved */
	if (!a) {
		fprintf(stderr, "epinews %s: %s: %s\n", cmd, id, amb ? "ambiguous id prefix" : "no such article");
		corpus_free(&co);
		return amb ? EXIT_USAGE : EXIT_NOTHING;
	}
	if (open_store(&st, paths, npaths) != 0) {
		corpus_free(&co);
		return EXIT_NOTHING;
	}
	struct highlight h;
	memset(&h, 0, sizeof h);
	if (tg.type == HL_FACT) {
		size_t nf;
		const struct fact *f = factdb_of(&co.fdb, (size_t)(a - co.ar.art), &nf);
		if ((size_t)tg.fact > nf) {
			fprintf(stderr, "epinews %s: article %s has %zu measure(s), not %ld\n", cmd, a->id, nf, tg.fact);
			rc = EXIT_NOTHING;
			goto out;
		}
		hl_of_fact(&h, a, &f[tg.fact - 1]);
	} else if (tg.type == HL_PASSAGE) {
		if (tg.end > a->body_len || tg.start == tg.end) {
			fprintf(stderr, "epinews %s: the passage %u:%u is not inside the body (%zu bytes)\n", cmd,
				tg.start, tg.end, a->body_len);
			rc = EXIT_USAGE;
			goto out;
		}
		hl_of_passage(&h, a, tg.start, tg.end);
	} else {
		hl_of_article(&h, a);
	}
	if (unmark) {
		size_t removed = 0;
		for (size_t i = st.n; i-- > 0;)
			if (!strcmp(st.v[i].article, a->id) && (tg.all || hl_find(&st, &h) == (long)i)) {
				hl_remove(&st, i);
				removed++;
			}
		if (!removed) {
			fprintf(stderr, "epinews unmark: no such highlight in article %s\n", a->id);
			rc = EXIT_NOTHING;
			goto out;
		}
		sb_addf(&done, "unmarked %zu highlight(s) in %s\n", removed, a->id);
	} else {
		long had = hl_find(&st, &h);
		size_t i = hl_add(&st, &h);
		if (note)
			hl_set_note(&st, i, note);
		sb_addf(&done, "%s %s in %s: ", had >= 0 ? "updated" : "marked", hl_type_name(h.type), a->id);
		const char *what = h.quote ? h.quote : a->title;
		sanitize_visible(&done, what, strlen(what), 1);
		sb_addc(&done, '\n');
	}
	/* what was done is said once it is saved, and only then */
	if (!st.path) { /* the store could not be opened: said above, with why */
		fprintf(stderr, "epinews %s: not saved, nothing changed\n", cmd);
		rc = EXIT_NOTHING;
	} else if ((saved = hl_save(&st)) != 0) {
		char *path = sanitize_visible_dup(saved == -2 ? st.warning : st.path);
		fprintf(stderr, "epinews %s: not saved, nothing changed: %s%s%s\n", cmd, path,
			saved == -2 ? "" : ": ", saved == -2 ? "" : strerror(errno));
		free(path);
		rc = EXIT_NOTHING;
	} else if (done.len) {
		fwrite(done.s, 1, done.len, stdout);
	}
out:
	sb_free(&done);
	hl_free(&h);
	hl_close(&st);
	corpus_free(&co);
	return rc;
}

int cmd_mark(int argc, char **argv)
{
	return mark_or_unmark(argc, argv, 0);
}

int cmd_unmark(int argc, char **argv)
{
	return mark_or_unmark(argc, argv, 1);
}

int cmd_highlights(int argc, char **argv)
{
	int json = 0, show_path = 0, c;
	struct cli_parse cp;
	cli_parse_begin(&cp, "highlights", argc, argv);
	while ((c = cli_parse_next(&cp)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'p': show_path = 1; break;
		case 'h':
			return cli_help("highlights");
		default: return EXIT_USAGE; /* cli_parse_next said why */
		}
	}
	if (optind >= argc)
		return cli_usage("highlights", "no archive path given");
	char **paths = argv + optind;
	int npaths = argc - optind;
	if (show_path) {
		char buf[4096];
		const char *p = hl_store_path(paths, npaths, buf, sizeof buf);
		if (!p)
			return EXIT_NOTHING;
		printf("%s\n", p);
		return EXIT_OK;
	}
	struct corpus co;
	cli_open(&co, paths, npaths, NEED_FACTS);
	struct hl_store st;
	if (open_store(&st, paths, npaths) != 0) {
		corpus_free(&co);
		return EXIT_NOTHING;
	}
	struct strbuf sb = STRBUF_INIT;
	size_t missing = 0;
	for (size_t i = 0; i < st.n; i++) {
		const struct highlight *h = &st.v[i];
		struct hl_where w;
		hl_resolve(h, &co.ar, &co.fdb, &w);
		missing += w.status == HL_MISSING;
		const char *now = w.doc >= 0 ? archive_art(&co.ar, w.doc)->id : h->article;
		if (json) {
			struct jsonw jw;
			jw_begin(&jw, &sb);
			jw_str(&jw, "status", hl_status_name(w.status));
			jw_str(&jw, "type", hl_type_name(h->type));
			jw_str(&jw, "article", now);
			jw_str(&jw, "marked_in", h->article);
			jw_str(&jw, "title", h->title);
			jw_str(&jw, "quote", h->quote);
			if (w.doc >= 0) {
				jw_int(&jw, "start", w.start);
				jw_int(&jw, "end", w.end);
			} else {
				jw_null(&jw, "start");
				jw_null(&jw, "end");
			}
			jw_str(&jw, "kind", h->type == HL_FACT ? h->kind : NULL);
			jw_str(&jw, "note", h->note);
			jw_int(&jw, "created", (long long)h->created);
			jw_end(&jw);
			sb_addc(&sb, '\n');
		} else {
			sb_addf(&sb, "%s\t%s\t%s\t", hl_status_name(w.status), hl_type_name(h->type), now);
			/* one line per highlight, nothing in it obeyed: tabs, newlines and
			 * control characters shown (\t, \n, ^[) */
			const char *q = h->quote ? h->quote : h->title ? h->title : "";
			sanitize_visible(&sb, q, strlen(q), 1);
			sb_addc(&sb, '\t');
			const char *note = h->note ? h->note : "-";
			sanitize_visible(&sb, note, strlen(note), 1);
			sb_addc(&sb, '\n');
		}
	}
	cli_flush(&sb);
	sb_free(&sb);
	if (missing)
		fprintf(stderr, "epinews highlights: %zu highlight(s) no longer found in the archive\n", missing);
	int rc = st.n ? EXIT_OK : EXIT_NOTHING;
	hl_close(&st);
	corpus_free(&co);
	return rc;
}
