/* Highlights in the browser: marking measures, articles and selected passages,
 * notes, export, copying (OSC 52) and opening the URL. The list of them all is
 * a view of its own (tui/highlights.c). */
#include "tui/marks.h"

#include "tui/state.h"
#include "tui/theme.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/browser.h"
#include "core/export.h"
#include "core/utf8.h"
#include "core/xalloc.h"

/* ---- the store --------------------------------------------------------------- */

void marks_refresh(struct app *app)
{
	const struct archive *ar = &app->co.ar;
	memset(app->marked, 0, ar->n);
	for (size_t i = 0; i < app->hl.n; i++) {
		struct hl_where w;
		hl_resolve(&app->hl.v[i], ar, app_fdb(app), &w);
		if (w.doc >= 0)
			app->marked[w.doc] = 1;
	}
}

void marks_open(struct app *app, char **paths, int npaths)
{
	char buf[4096];
	const char *path = hl_store_path(paths, npaths, buf, sizeof buf);
	hl_open(&app->hl, path);
	if (app->hl.warning[0])
		app_message(app, "%s", app->hl.warning);
	app->marked = xcalloc(app->co.ar.n + 1, 1);
	app->note_target = -1;
	marks_refresh(app);
}

void marks_close(struct app *app)
{
	hl_close(&app->hl);
	free(app->marked);
	sb_free(&app->export_path);
}

void marks_save(struct app *app, const char *done)
{
	int saved = hl_save(&app->hl);
	if (saved != 0)
		app_message(app, "highlights not saved: %s",
			    app->hl.path && saved == -1 ? strerror(errno) : app->hl.warning);
	else
		app_message(app, "%s", done);
	marks_refresh(app);
}

static const struct article *open_article(const struct app *app)
{
	return app->open >= 0 ? archive_art(&app->co.ar, app->open) : NULL;
}

int marks_fact_marked(const struct app *app, const struct fact *f)
{
	const struct article *a = open_article(app);
	if (!a)
		return 0;
	for (size_t i = 0; i < app->hl.n; i++) {
		const struct highlight *h = &app->hl.v[i];
		if (h->type == HL_FACT && !strcmp(h->article, a->id) && h->start == f->start && h->end == f->end)
			return 1;
	}
	return 0;
}

size_t marks_spans(const struct app *app, struct span *sp, size_t cap)
{
	const struct article *a = open_article(app);
	size_t n = 0;
	if (!a)
		return 0;
	for (size_t i = 0; i < app->hl.n && n < cap; i++) {
		const struct highlight *h = &app->hl.v[i];
		if (h->type != HL_ARTICLE && !strcmp(h->article, a->id))
			sp[n++] = (struct span){ h->start, h->end, app_attr(app, ATTR_MARK) };
	}
	if (app->visual && n < cap)
		sp[n++] = (struct span){ app->vis_start, app->vis_end, app_attr(app, ATTR_SELECTED) };
	return n;
}

/* ---- selection in the reader ------------------------------------------------- */

/* The end of the sentence that goes on at `from`: past 。！？；… and closing quotes,
 * or the end of the paragraph. */
static uint32_t sentence_end(const struct article *a, uint32_t from)
{
	const char *b = a->body;
	size_t n = a->body_len, i = from;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode((const unsigned char *)b + i, n - i, &cp);
		k = k ? k : 1;
		i += k;
		if (cp == '\n')
			return (uint32_t)(i - 1 > from ? i - 1 : i);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == '!' || cp == '?' ||
		    cp == 0x2026) {
			while (i < n) { /* closing quotes and brackets stay with the sentence */
				size_t k2 = utf8_decode((const unsigned char *)b + i, n - i, &cp);
				if (!(cp == 0x201D || cp == 0x300D || cp == 0x300F || cp == 0xFF09 || cp == 0x2019 ||
				      cp == 0x2026 || cp == 0x3002))
					break;
				i += k2 ? k2 : 1;
			}
			return (uint32_t)i;
		}
	}
	return (uint32_t)n;
}

/* The start of the sentence or row after `at` (skipping a newline). */
static uint32_t skip_break(const struct article *a, uint32_t at)
{
	while (at < a->body_len && a->body[at] == '\n')
		at++;
	return at;
}

/* The body offset of the first text row on screen. */
static uint32_t first_visible(struct app *app)
{
	reader_layout(app);
	struct pane *p = &app->pane[PANE_READER];
	for (size_t i = p->ls.top; i < app->nrows; i++)
		if (!app->rows[i].header)
			return app->rows[i].start;
	return 0;
}

/* The layout row holding body offset off, or -1. */
static long row_of(const struct app *app, uint32_t off)
{
	for (size_t i = 0; i < app->nrows; i++)
		if (!app->rows[i].header && off >= app->rows[i].start && off < app->rows[i].end)
			return (long)i;
	return -1;
}

static void start_selection(struct app *app, int mode)
{
	const struct article *a = open_article(app);
	if (!a || !a->body_len) {
		app_message(app, "open an article first (Enter)");
		return;
	}
	app->visual = mode;
	app->focus = PANE_READER;
	app->vis_anchor = app->vis_start = skip_break(a, first_visible(app));
	if (mode == 'v') {
		app->vis_end = sentence_end(a, app->vis_start);
	} else {
		long r = row_of(app, app->vis_start);
		app->vis_end = r >= 0 ? app->rows[r].end : (uint32_t)a->body_len;
	}
	app_message(app, "selecting %s: j/k extend, m marks, y copies, a notes, Esc cancels",
		    mode == 'v' ? "sentences" : "lines");
}

static void extend_selection(struct app *app, int dir)
{
	const struct article *a = open_article(app);
	if (app->visual == 'v') {
		if (dir > 0 && app->vis_end < a->body_len) {
			app->vis_end = sentence_end(a, skip_break(a, app->vis_end));
		} else if (dir < 0) { /* drop the last sentence, keep at least one */
			uint32_t s = app->vis_start, last = app->vis_start;
			while (s < app->vis_end) {
				uint32_t e = sentence_end(a, s);
				if (e >= app->vis_end)
					break;
				last = e;
				s = skip_break(a, e);
			}
			if (last > app->vis_start)
				app->vis_end = last;
		}
	} else {
		long r = row_of(app, app->vis_end > 0 ? app->vis_end - 1 : 0);
		if (r < 0)
			return;
		if (dir > 0) {
			for (size_t i = (size_t)r + 1; i < app->nrows; i++)
				if (!app->rows[i].header) {
					app->vis_end = app->rows[i].end;
					break;
				}
		} else if (app->rows[r].start > app->vis_start) {
			app->vis_end = app->rows[r].start;
		}
	}
	reader_show_offset(app, app->vis_end > 0 ? app->vis_end - 1 : 0);
}

/* ---- copying and opening ----------------------------------------------------- */

static void base64(struct strbuf *sb, const unsigned char *s, size_t n)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)s[i] << 16 | (i + 1 < n ? (uint32_t)s[i + 1] << 8 : 0) |
			     (i + 2 < n ? s[i + 2] : 0);
		sb_addc(sb, t[v >> 18]);
		sb_addc(sb, t[(v >> 12) & 63]);
		sb_addc(sb, i + 1 < n ? t[(v >> 6) & 63] : '=');
		sb_addc(sb, i + 2 < n ? t[v & 63] : '=');
	}
}

/* OSC 52: the terminal puts the text on the clipboard. The text is article text,
 * already free of control characters; base64 keeps it inert. */
static void copy_text(struct app *app, const char *s, size_t n)
{
	struct strbuf seq = STRBUF_INIT;
	sb_adds(&seq, "\033]52;c;");
	base64(&seq, (const unsigned char *)s, n);
	sb_adds(&seq, "\a");
	fflush(stdout);
	if (write(STDOUT_FILENO, seq.s, seq.len) < 0)
		app_message(app, "could not copy: %s", strerror(errno));
	else
		app_message(app, "copied %zu characters to the clipboard (OSC 52: the terminal must allow it)",
			    utf8_count(s, n));
	sb_free(&seq);
}

/* Start argv detached (a grandchild, so no zombie stays). 0 when it runs, else
 * the errno of the failed exec. */
static int start_detached(char *const argv[])
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) < 0)
		return errno;
	pid_t pid = fork();
	if (pid < 0) {
		int err = errno;
		close(fds[0]);
		close(fds[1]);
		return err;
	}
	if (pid == 0) {
		close(fds[0]);
		if (fork() != 0)
			_exit(0);
		setsid();
		int fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execvp(argv[0], argv);
		int err = errno; /* the pipe closes on a successful exec: nothing is read */
		ssize_t w = write(fds[1], &err, sizeof err);
		(void)w;
		_exit(127);
	}
	close(fds[1]);
	waitpid(pid, NULL, 0);
	int err = 0;
	ssize_t r = read(fds[0], &err, sizeof err);
	close(fds[0]);
	return r == (ssize_t)sizeof err ? err : 0;
}

/* Open the URL with the first command of $BROWSER (or xdg-open) that starts. */
static void open_url(struct app *app, const char *url)
{
	if (!browser_url_ok(url)) {
		app_message(app, "not opened: only http: and https: addresses are (%.60s)", url);
		return;
	}
	struct browser_cmd cmds[8];
	int n = browser_commands(getenv("BROWSER"), url, cmds, 8), opened = -1, err = 0;
	for (int k = 0; k < n && opened < 0; k++)
		if ((err = start_detached(cmds[k].argv)) == 0)
			opened = k;
	if (opened >= 0)
		app_message(app, "opening %s with %s", url, cmds[opened].argv[0]);
	else
		app_message(app, "could not open %s: %s%s", url, n ? cmds[n - 1].argv[0] : "no command in $BROWSER",
			    n ? (err == ENOENT ? " not found" : ": cannot start") : "");
	for (int k = 0; k < n; k++)
		browser_cmd_free(&cmds[k]);
}

/* ---- marking ------------------------------------------------------------------ */

static void toggle(struct app *app, struct highlight *h, const char *what)
{
	long i = hl_find(&app->hl, h);
	char msg[200];
	if (i >= 0) {
		hl_remove(&app->hl, (size_t)i);
		snprintf(msg, sizeof msg, "unmarked %s", what);
	} else {
		hl_add(&app->hl, h);
		snprintf(msg, sizeof msg, "marked %s (a: add a note, H: all highlights)", what);
	}
	/* a passage just marked is what a note in the reader is about (note_target) */
	app->last_passage.set = i < 0 && h->type == HL_PASSAGE;
	if (app->last_passage.set) {
		snprintf(app->last_passage.article, sizeof app->last_passage.article, "%s", h->article);
		app->last_passage.start = h->start;
		app->last_passage.end = h->end;
	}
	hl_free(h);
	marks_save(app, msg);
}

/* The highlight of what the focused pane has selected, and what to call it;
 * NULL when nothing is selected. */
static const char *selected(struct app *app, enum selection_use use, struct highlight *h)
{
	struct selection sel;
	app_selection(app, use, &sel);
	if (sel.doc < 0)
		return NULL;
	const struct article *a = archive_art(&app->co.ar, sel.doc);
	if (sel.end > sel.start) {
		hl_of_passage(h, a, sel.start, sel.end);
		return "the passage";
	}
	if (sel.fact) {
		hl_of_fact(h, a, sel.fact);
		return "the measure";
	}
	hl_of_article(h, a);
	return "the article";
}

static int mark(struct app *app)
{
	struct highlight h;
	const char *what = selected(app, SEL_MARK, &h);
	if (what) {
		app->visual = 0;
		toggle(app, &h, what);
	}
	return 1;
}

/* The highlight the note key is about: the selection or fact being marked now. */
static long note_target(struct app *app)
{
	struct highlight h;
	if (!selected(app, SEL_NOTE, &h))
		return -1;
	long i = hl_find(&app->hl, &h);
	if (i < 0) /* a note marks it too */
		i = (long)hl_add(&app->hl, &h);
	hl_free(&h);
	app->visual = 0;
	return i;
}

void marks_ask_note(struct app *app, long i)
{
	if (i < 0) {
		app_message(app, "nothing to write a note on");
		return;
	}
	app->note_target = i;
	app_prompt(app, PROMPT_NOTE, "note: ", app->hl.v[i].note ? app->hl.v[i].note : "");
}

int marks_action(struct app *app, enum action a)
{
	if (app->visual) {
		switch (a) {
		case ACT_MOVE_DOWN: extend_selection(app, 1); return 1;
		case ACT_MOVE_UP: extend_selection(app, -1); return 1;
		case ACT_QUIT:
			app->visual = 0;
			sb_reset(&app->msg);
			return 1;
		default: break;
		}
	}
	switch (a) {
	case ACT_MARK: return mark(app);
	case ACT_SELECT:
	case ACT_SELECT_LINES:
		start_selection(app, a == ACT_SELECT ? 'v' : 'V');
		return 1;
	case ACT_ANNOTATE: marks_ask_note(app, note_target(app)); return 1;
	case ACT_EXPORT: /* the action table says it needs highlights */
		app_prompt(app, PROMPT_EXPORT, "export highlights to (.csv .jsonl .md): ",
			   app->export_path.len ? app->export_path.s : "epinews-highlights.csv");
		return 1;
	case ACT_COPY: { /* the passage, the measure's sentence, or the article's title */
		struct selection sel;
		app_selection(app, SEL_MARK, &sel);
		const struct article *t = sel.doc >= 0 ? archive_art(&app->co.ar, sel.doc) : NULL;
		if (t && sel.end > sel.start)
			copy_text(app, t->body + sel.start, sel.end - sel.start);
		else if (t && sel.fact)
			copy_text(app, t->body + sel.fact->sent_start, sel.fact->sent_end - sel.fact->sent_start);
		else if (t)
			copy_text(app, t->title, strlen(t->title));
		app->visual = 0;
		return 1;
	}
	case ACT_OPEN_URL: {
		struct selection sel;
		app_selection(app, SEL_MARK, &sel);
		const struct article *t = sel.doc >= 0 ? archive_art(&app->co.ar, sel.doc) : NULL;
		if (!t || !t->url)
			app_message(app, "this article has no URL");
		else
			open_url(app, t->url);
		return 1;
	}
	default: return 0;
	}
}

/* ---- prompts ------------------------------------------------------------------ */

static void do_export(struct app *app, int force)
{
	const char *path = app->export_path.s;
	const char *dot = strrchr(path, '.');
	int fmt = dot ? export_format_from_name(dot + 1) : -1;
	if (fmt < 0) {
		app_message(app, "say the format by the file's ending: .csv, .jsonl or .md");
		return;
	}
	struct export_row *rows;
	size_t n = export_highlight_rows(&app->hl, &app->co.ar, app_fdb(app), &rows);
	struct strbuf sb = STRBUF_INIT;
	export_write(&sb, (enum export_format)fmt, &app->co.gz, rows, n, 0);
	if (export_to_file(path, sb.s ? sb.s : "", sb.len, force) != 0) {
		if (errno == EEXIST)
			app_prompt(app, PROMPT_OVERWRITE, "", "");
		else
			app_message(app, "cannot write %s: %s", path, strerror(errno));
		if (errno == EEXIST) {
			sb_reset(&app->typing);
			app->prompt_label = "the file exists: replace it? (y/n) ";
		}
	} else {
		app_message(app, "exported %zu highlight(s) to %s", n, path);
	}
	sb_free(&sb);
	free(rows);
}

void marks_prompt_done(struct app *app, int ok)
{
	int kind = app->prompting;
	app->prompting = PROMPT_NONE;
	sb_reset(&app->msg);
	if (kind == PROMPT_NOTE) {
		if (ok && app->note_target >= 0 && (size_t)app->note_target < app->hl.n) {
			hl_set_note(&app->hl, (size_t)app->note_target, app->typing.s);
			marks_save(app, app->typing.len ? "note saved" : "note removed");
		} else if (app->hl.nadded) {
			marks_save(app, "marked, no note");
		}
		app->note_target = -1;
	} else if (kind == PROMPT_EXPORT) {
		if (!ok || !app->typing.len)
			return;
		sb_reset(&app->export_path);
		sb_add(&app->export_path, app->typing.s, app->typing.len);
		do_export(app, 0);
	} else if (kind == PROMPT_OVERWRITE) {
		if (ok)
			do_export(app, 1);
		else
			app_message(app, "not exported: %s is kept", app->export_path.s);
	}
}
