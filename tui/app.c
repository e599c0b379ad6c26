/* The browser: a list of articles and a reading view. */
#include "tui/app.h"

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/archive.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

struct app {
	struct archive ar;
	size_t sel, top;       /* list selection and first visible row */
	int reading;           /* 1: the reading view is open */
	size_t rtop;           /* first visible line of the reading view */
	struct strbuf msg;     /* status line message */
	unsigned problems;
	/* laid-out lines of the open article: offsets into `text` */
	char *text;
	size_t *line_start, *line_len, nlines, caplines;
	int laid_width;
};

static void count_problem(void *arg, const char *path, uint64_t line, const char *m)
{
	struct app *app = arg;
	app->problems++;
	if (!app->msg.len) {
		if (line)
			sb_addf(&app->msg, "%s:%llu: %s", path, (unsigned long long)line, m);
		else
			sb_addf(&app->msg, "%s: %s", path, m);
	}
}

/* Width in cells of the character at s, and its byte length. */
static int char_cells(const char *s, size_t n, size_t *len)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t k = mbrtowc(&wc, s, n, &st);
	if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
		*len = 1;
		return 1;
	}
	*len = k;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

/* Draw s at (y, x) in at most `width` cells, padding the rest of the width. */
static void draw_cells(int y, int x, const char *s, size_t n, int width)
{
	move(y, x);
	int used = 0;
	size_t i = 0;
	while (i < n) {
		size_t len;
		int w = char_cells(s + i, n - i, &len);
		if (used + w > width)
			break;
		addnstr(s + i, (int)len);
		used += w;
		i += len;
	}
	for (; used < width; used++)
		addch(' ');
}

static void layout(struct app *app, int width)
{
	const struct article *a = &app->ar.art[app->sel];
	struct strbuf sb = STRBUF_INIT;
	char date[16];
	sb_addf(&sb, "%s\n", a->title);
	if (a->subtitle)
		sb_addf(&sb, "%s\n", a->subtitle);
	sb_addf(&sb, "%s  %s  %s\n", ymd_format(a->date, date), a->source ? a->source : "-",
		a->place ? a->place : "-");
	if (a->url)
		sb_addf(&sb, "%s\n", a->url);
	sb_addc(&sb, '\n');
	for (size_t i = 0; i < a->npara; i++) {
		size_t len;
		const char *p = article_para(a, i, &len);
		sb_adds(&sb, "\xe3\x80\x80"); /* the customary two-cell indent */
		sb_add(&sb, p, len);
		sb_adds(&sb, "\n\n");
	}
	free(app->text);
	app->text = sb_detach(&sb);
	app->nlines = 0;
	const char *t = app->text;
	size_t n = strlen(t), i = 0;
	while (i < n) {
		size_t start = i;
		int used = 0;
		while (i < n && t[i] != '\n') {
			size_t len;
			int w = char_cells(t + i, n - i, &len);
			if (used + w > width)
				break;
			used += w;
			i += len;
		}
		size_t cap = app->caplines;
		app->line_start = xgrow(app->line_start, &cap, app->nlines + 1, sizeof *app->line_start);
		app->line_len = xrealloc(app->line_len, cap * sizeof *app->line_len);
		app->caplines = cap;
		app->line_start[app->nlines] = start;
		app->line_len[app->nlines] = i - start;
		app->nlines++;
		if (i < n && t[i] == '\n')
			i++;
	}
	app->laid_width = width;
}

static void draw(struct app *app)
{
	int rows = LINES, cols = COLS;
	erase();
	if (rows < 3 || cols < 20) {
		mvaddstr(0, 0, "terminal too small");
		refresh();
		return;
	}
	int body = rows - 1;
	if (app->reading) {
		if (app->laid_width != cols)
			layout(app, cols);
		if (app->rtop + (size_t)body > app->nlines)
			app->rtop = app->nlines > (size_t)body ? app->nlines - (size_t)body : 0;
		for (int r = 0; r < body; r++) {
			size_t li = app->rtop + (size_t)r;
			if (li < app->nlines)
				draw_cells(r, 0, app->text + app->line_start[li], app->line_len[li], cols);
		}
	} else {
		if (app->sel < app->top)
			app->top = app->sel;
		if (app->sel >= app->top + (size_t)body)
			app->top = app->sel - (size_t)body + 1;
		for (int r = 0; r < body; r++) {
			size_t i = app->top + (size_t)r;
			if (i >= app->ar.n)
				break;
			const struct article *a = &app->ar.art[i];
			struct strbuf row = STRBUF_INIT;
			char date[16];
			sb_addf(&row, "%-10s  %-8s  %s", ymd_format(a->date, date), a->place ? a->place : "-",
				a->title);
			if (i == app->sel)
				attron(A_REVERSE);
			draw_cells(r, 0, row.s, row.len, cols);
			if (i == app->sel)
				attroff(A_REVERSE);
			sb_free(&row);
		}
	}
	struct strbuf st = STRBUF_INIT;
	sb_addf(&st, " %zu/%zu  %s", app->ar.n ? app->sel + 1 : 0, app->ar.n,
		app->reading ? "q: back  j/k: scroll" : "Enter: read  j/k: move  q: quit");
	if (app->msg.len)
		sb_addf(&st, "  | %s", app->msg.s);
	attron(A_REVERSE);
	draw_cells(rows - 1, 0, st.s, st.len, cols);
	attroff(A_REVERSE);
	sb_free(&st);
	refresh();
}

int app_run(int npaths, char **paths)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		fprintf(stderr, "epinews: the browser needs a UTF-8 locale (LANG=C.UTF-8 works); "
				"this one is %s\n", nl_langinfo(CODESET));
		return 2;
	}
	const char *term = getenv("TERM");
	if (!term || !*term || !strcmp(term, "dumb")) {
		fprintf(stderr, "epinews: the browser needs a terminal (TERM is %s); "
				"use 'epinews list' for plain output\n", term && *term ? term : "unset");
		return 2;
	}
	struct app app;
	memset(&app, 0, sizeof app);
	archive_init(&app.ar);
	struct diag dg = { count_problem, &app, 0 };
	for (int i = 0; i < npaths; i++)
		archive_load(&app.ar, paths[i], &dg);
	archive_assign_ids(&app.ar);
	if (!app.ar.n) {
		fprintf(stderr, "epinews: no article loaded%s%s\n", app.msg.len ? ": " : "",
			app.msg.len ? app.msg.s : "");
		archive_free(&app.ar);
		sb_free(&app.msg);
		return 1;
	}
	if (app.problems > 1)
		sb_addf(&app.msg, " (+%u more)", app.problems - 1);

	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "epinews: cannot open the terminal '%s'\n", term);
		return 2;
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	for (;;) {
		draw(&app);
		int ch = getch();
		int page = LINES > 2 ? LINES - 2 : 1;
		if (ch == 'q' || ch == 27) {
			if (!app.reading)
				break;
			app.reading = 0;
		} else if (ch == KEY_RESIZE) {
			app.laid_width = 0;
		} else if (app.reading) {
			if (ch == 'j' || ch == KEY_DOWN)
				app.rtop++;
			else if ((ch == 'k' || ch == KEY_UP) && app.rtop)
				app.rtop--;
			else if (ch == ' ' || ch == KEY_NPAGE)
				app.rtop += (size_t)page;
			else if (ch == KEY_PPAGE)
				app.rtop = app.rtop > (size_t)page ? app.rtop - (size_t)page : 0;
		} else {
			if ((ch == 'j' || ch == KEY_DOWN) && app.sel + 1 < app.ar.n)
				app.sel++;
			else if ((ch == 'k' || ch == KEY_UP) && app.sel)
				app.sel--;
			else if (ch == KEY_NPAGE)
				app.sel = app.sel + (size_t)page < app.ar.n ? app.sel + (size_t)page : app.ar.n - 1;
			else if (ch == KEY_PPAGE)
				app.sel = app.sel > (size_t)page ? app.sel - (size_t)page : 0;
			else if (ch == 'g' || ch == KEY_HOME)
				app.sel = 0;
			else if (ch == 'G' || ch == KEY_END)
				app.sel = app.ar.n - 1;
			else if (ch == '\n' || ch == KEY_ENTER) {
				app.reading = 1;
				app.rtop = 0;
				app.laid_width = 0;
			}
		}
	}
	endwin();
	archive_free(&app.ar);
	sb_free(&app.msg);
	free(app.text);
	free(app.line_start);
	free(app.line_len);
	return 0;
}
