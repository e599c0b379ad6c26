/* The browser: the panes placed and drawn, key dispatch and the main loop,
 * the config and start-up. State and what changes it are in tui/state.c, the
 * status line in tui/status.c, the prompt in tui/prompt.c. */
#include "tui/app.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/cache.h"
#include "core/files.h"
#include "core/sanitize.h"
#include "core/thread.h"
#include "core/xalloc.h"
#include "tui/fatal.h"
#include "tui/help.h"
#include "tui/highlights.h"
#include "tui/layout.h"
#include "tui/marks.h"
#include "tui/panes.h"
#include "tui/picker.h"
#include "tui/prompt.h"
#include "tui/history.h"
#include "tui/resume.h"
#include "tui/state.h"
#include "tui/status.h"
#include "tui/theme.h"
#include "tui/view.h"

/* ---- layout and drawing ------------------------------------------------------ */

enum { MIN_W = 40, MIN_H = 10 };

/* What the pane layout depends on, now. */
static struct layout_in layout_input(const struct app *app)
{
	return (struct layout_in){ COLS, LINES, app->opt.facts_panel, app->open >= 0, app->open >= 0 ? app->facts.n : 0 };
}

static void place_panes(struct app *app)
{
	struct pane *L = &app->pane[PANE_LIST], *R = &app->pane[PANE_READER], *F = &app->pane[PANE_FACTS];
	app->too_small = COLS < MIN_W || LINES < MIN_H;
	struct layout_in in = layout_input(app);
	struct layout_out o;
	layout_panes(&in, &app->layout, &o);
	struct pane *p[] = { L, R, F };
	const struct rect *r[] = { &o.list, &o.reader, &o.facts };
	for (int k = 0; k < PANE_COUNT; k++)
		*p[k] = (struct pane){ p[k]->ops, r[k]->y, r[k]->x, r[k]->h, r[k]->w, r[k]->h > 0 && r[k]->w > 0, p[k]->ls };
	if (app->focus == PANE_FACTS && !F->visible)
		app->focus = PANE_READER;
}

/* < and >: the list narrower or wider (lower or taller, stacked), remembered. */
static void resize_list(struct app *app, int dir)
{
	struct layout_in in = layout_input(app);
	if (!layout_resize(&in, &app->layout, dir)) {
		app_message(app, "the list is as %s as it goes", dir > 0 ? (COLS >= 120 ? "wide" : "tall")
								: (COLS >= 120 ? "narrow" : "short"));
		return;
	}
	app->laid_width = 0;
	if (layout_prefs_save(&app->layout) < 0)
		app_message(app, "layout not remembered: %s", strerror(errno));
}

/* A rule left of and above every pane that does not touch the screen's edge. */
static void draw_separators(struct app *app)
{
	attrset(app_attr(app, ATTR_BORDER));
	for (int k = PANE_READER; k < PANE_COUNT; k++) {
		const struct pane *p = &app->pane[k];
		if (!p->visible)
			continue;
		if (p->y > 0)
			mvhline(p->y - 1, p->x, ACS_HLINE, p->w);
		if (p->x > 0)
			mvvline(p->y > 0 ? p->y - 1 : p->y, p->x - 1, ACS_VLINE, p->h + (p->y > 0));
	}
	attrset(A_NORMAL);
}

static void draw(struct app *app)
{
	place_panes(app);
	curs_set(app->prompting ? 1 : 0);
	if (app->too_small) {
		erase();
		mvprintw(0, 0, "terminal too small: %dx%d, need %dx%d", COLS, LINES, MIN_W, MIN_H);
		refresh();
		return;
	}
	const struct view *v = view_top(&app->views);
	if (v) {
		v->ops->draw(app, v->self);
	} else {
		for (int i = 0; i < PANE_COUNT; i++)
			if (app->pane[i].visible && app->pane[i].h > 0 && app->pane[i].w > 0)
				app->pane[i].ops->draw(app, app->focus == (enum pane_id)i);
		draw_separators(app);
	}
	status_draw(app);
	if (cache_lost(&app->co))
		return; /* read from a cache cut short: check_cache starts again instead */
	refresh();
}

/* ---- input ------------------------------------------------------------------- */

static void handle_mouse(struct app *app)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (view_top(&app->views)) { /* the wheel scrolls a view; clicks are for the panes */
		if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED))
			view_action(&app->views, app, ev.bstate & BUTTON4_PRESSED ? ACT_MOVE_UP : ACT_MOVE_DOWN);
		return;
	}
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &app->pane[i];
		if (!p->visible || ev.y < p->y || ev.y >= p->y + p->h || ev.x < p->x || ev.x >= p->x + p->w)
			continue;
		app->focus = (enum pane_id)i;
		if (ev.bstate & BUTTON4_PRESSED)
			p->ops->action(app, ACT_MOVE_UP);
		else if (ev.bstate & (BUTTON5_PRESSED))
			p->ops->action(app, ACT_MOVE_DOWN);
		else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED))
			p->ops->click(app, ev.y - p->y);
	}
}

/* Ctrl-Z: leave curses mode and stop the process group here, in the key loop, as
 * the terminal's own Ctrl-Z would; fg resumes after kill() and the next draw
 * repaints everything. (Left to the terminal, Ctrl-Z would reach ncurses' signal
 * handler, which calls endwin() in signal context, on whichever thread.) */
static void suspend(struct app *app)
{
	struct sigaction dfl, old;
	if (sigaction(SIGTSTP, NULL, &old) == 0 && old.sa_handler == SIG_IGN) {
		app_message(app, "cannot suspend: epinews was started without job control");
		return;
	}
	endwin();
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	kill(0, SIGTSTP);
	sigaction(SIGTSTP, &old, NULL);
	clearok(curscr, TRUE);
}

/* Returns 0 to quit. */
static int handle_key(struct app *app, int key)
{
	/* a control key bound to suspend works in prompts and pickers too, as the
	 * terminal's Ctrl-Z did */
	if ((key < ' ' || (key & KEY_FUNC)) && keymap_lookup(&app->km, CTX_GLOBAL, key) == ACT_SUSPEND) {
		suspend(app);
		return 1;
	}
	if (key == (KEY_FUNC | KEY_RESIZE)) {
		app->laid_width = 0;
		/* repaint all: what ncurses keeps of the old screen can hold the half of
		 * a wide character that the new layout cuts, and a cell stays blank */
		clear();
		return 1;
	}
	if (key == (KEY_FUNC | KEY_MOUSE)) {
		handle_mouse(app);
		return 1;
	}
	if (app->prompting) {
		prompt_key(app, key);
		return 1;
	}
	const struct view *v = view_top(&app->views);
	if (v) { /* a view over the panes sees the key first */
		if (!v->ops->raw_keys)
			sb_reset(&app->msg);
		enum keymap_context vctx = v->ops->ctx;
		enum action a;
		if (view_key(&app->views, app, &app->km, key, &a))
			return 1;
		if (a == ACT_HELP)
			help_open(app, vctx);
		else if (a == ACT_REDRAW)
			clearok(curscr, TRUE);
		return 1;
	}
	if (app->too_small)
		return key != 'q';
	sb_reset(&app->msg);
	struct pane *p = &app->pane[app->focus];
	enum action a = keymap_lookup(&app->km, p->ops->ctx, key);
	if (app->visual && key == 27)
		a = ACT_QUIT; /* Esc ends a selection */
	if (!app_can(app, a))
		return 1;
	if (marks_action(app, a))
		return 1;
	if (p->ops->action(app, a))
		return 1;
	switch (a) {
	case ACT_QUIT:
		if (app->focus != PANE_LIST) {
			app->focus = PANE_LIST;
			return 1;
		}
		return 0;
	case ACT_NEXT_PANE:
	case ACT_PREV_PANE: {
		app->visual = 0; /* a selection is the reader's */
		int step = a == ACT_NEXT_PANE ? 1 : PANE_COUNT - 1;
		do
			app->focus = (enum pane_id)((app->focus + step) % PANE_COUNT);
		while (!app->pane[app->focus].visible);
		if (app->focus != PANE_LIST && app->open < 0 && app->norder)
			app_open(app, (long)app->order[app->pane[PANE_LIST].ls.sel]);
		return 1;
	}
	case ACT_SEARCH:
		prompt_search(app, "");
		return 1;
	case ACT_FILTER_PLACE:
		picker_open(app, PICK_PLACE);
		return 1;
	case ACT_FILTER_DATE:
		picker_open(app, PICK_DATE);
		return 1;
	case ACT_FILTER_MEASURE:
		picker_open(app, PICK_KIND);
		return 1;
	case ACT_SEARCHES:
		picker_open(app, PICK_SEARCH);
		return 1;
	case ACT_HIGHLIGHTS:
		highlights_open(app);
		return 1;
	case ACT_SAVE_SEARCH: {
		struct strbuf s = STRBUF_INIT;
		prompt_query_in_force(app, &s);
		if (!s.len)
			app_message(app, "no search to save: / searches, c d K add filters");
		else
			app_prompt(app, PROMPT_SAVE_SEARCH, "save as @", "");
		sb_free(&s);
		return 1;
	}
	case ACT_CLEAR_FILTER:
		if (!app->nfilters) {
			app_message(app, "no filter in force");
			return 1;
		}
		app_message(app, "filter %s removed", app->filters[app->nfilters - 1]);
		free(app->filters[--app->nfilters]);
		app_apply_query(app);
		return 1;
	case ACT_CLEAR_SEARCH:
		sb_reset(&app->query);
		app_set_query(app, "", 0);
		app_message(app, app->nfilters ? "search cleared (X removes the filters)" : "search cleared");
		return 1;
	case ACT_LIST_NARROWER:
	case ACT_LIST_WIDER:
		resize_list(app, a == ACT_LIST_WIDER ? 1 : -1);
		return 1;
	case ACT_TOGGLE_FACTS:
		app->opt.facts_panel = !app->opt.facts_panel;
		app->laid_width = 0;
		return 1;
	case ACT_SORT:
		app->sort = (enum sort_key)((app->sort + 1) % SORT_COUNT);
		app_refilter(app);
		return 1;
	case ACT_REVERSE:
		app->reverse = !app->reverse;
		app_refilter(app);
		return 1;
	case ACT_HELP:
		help_open(app, p->ops->ctx); /* the keys of the pane it was asked in */
		return 1;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case ACT_SUSPEND:
		suspend(app);
		return 1;
	case ACT_NEXT_HIT:
	case ACT_PREV_HIT:
		if (app->open >= 0)
			return app->pane[PANE_READER].ops->action(app, a);
		return 1;
	default:
		return 1;
	}
}

/* Ctrl-Z (the terminal's SUSP character) arrives as a key, for the action
 * "suspend", instead of as SIGTSTP. */
static void take_suspend_key(void)
{
	struct termios t;
	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_cc[VSUSP] = _POSIX_VDISABLE;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode(); /* and again after every return from the shell */
}

static int read_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return -1;
	if (r == KEY_CODE_YES)
		return KEY_FUNC | (int)wc;
	return (int)wc;
}

/* ---- config and start-up ----------------------------------------------------- */

static char *config_path(void)
{
	char buf[4096]; /* the one XDG resolver (core/files.c): a relative XDG_CONFIG_HOME is ignored */
	const char *p = xdg_file("XDG_CONFIG_HOME", ".config", "config", buf, sizeof buf);
	return p ? xstrdup(p) : NULL;
}

struct report_ctx {
	struct strbuf *first;
	unsigned n;
};

static void report_first(void *arg, const char *path, uint64_t line, const char *msg)
{
	struct report_ctx *r = arg;
	if (r->n++)
		return;
	struct strbuf raw = STRBUF_INIT;
	sb_addf(&raw, "%s:%llu: %s", path, (unsigned long long)(line ? line : 1), msg);
	sanitize_visible(r->first, raw.s, raw.len, 1); /* as cli_report shows it */
	sb_free(&raw);
}

/* Read the config file; missing is fine. Problems go to dg. */
static void load_config(struct keymap *km, struct options *o, struct diag *dg)
{
	char *path = config_path();
	if (!path)
		return;
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errno != ENOENT)
			diag_report(dg, path, 0, "cannot read: %s", strerror(errno));
		free(path);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t r;
	while ((r = fread(buf, 1, sizeof buf, f)) > 0 && sb.len < (16u << 20))
		sb_add(&sb, buf, r);
	fclose(f);
	config_apply_text(km, o, sb.s ? sb.s : "", sb.len, path, dg);
	sb_free(&sb);
	free(path);
}

int app_dump_keys(void)
{
	struct keymap km;
	struct options o;
	keymap_init(&km);
	options_init(&o);
	struct diag dg = { cli_report, NULL, 0 };
	load_config(&km, &o, &dg);
	struct strbuf out = STRBUF_INIT;
	options_dump(&o, &out);
	keymap_dump(&km, &out);
	fwrite(out.s, 1, out.len, stdout);
	sb_free(&out);
	keymap_free(&km);
	return 0;
}

/* ---- building the index behind the first screen ------------------------------ */

static void *builder(void *arg)
{
	struct app *app = arg;
	cache_finish(&app->co);
	if (app->cache_stale && app->cache_file && !atomic_load(&app->abandon) &&
	    cache_save(&app->co, app->cache_file) != 0)
		app->save_errno = errno ? errno : EIO;
	atomic_store(&app->built, 1);
	return NULL;
}

static void start_builder(struct app *app)
{
	app->building = 1;
	if (thread_start(&app->builder, builder, app) != 0) {
		builder(app); /* no thread: build now */
		app->building = 0;
	}
}

/* The builder is done: use the measures and the index from now on. */
static void finish_builder(struct app *app)
{
	pthread_join(app->builder, NULL);
	app->building = 0;
	if (app->save_errno)
		app_message(app, "cannot write the cache %s: %s", app->cache_file, strerror(app->save_errno));
	else if (!app->msg.len)
		app_message(app, "index ready: %zu articles, %zu measures", app->co.ar.n, app->co.fdb.n);
	if (app->open >= 0) { /* its measures, now known */
		long o = app->open;
		size_t top = app->pane[PANE_READER].ls.top;
		app->open = -1;
		app_open(app, o);
		app->pane[PANE_READER].ls.top = top;
	}
	marks_refresh(app);
	if (app->prompting == PROMPT_SEARCH) /* the list shows what is being typed */
		app_set_query(app, app->typing.s ? app->typing.s : "", app->typing.len);
	else
		app_apply_query(app);
}

/* ---- loading ----------------------------------------------------------------- */

struct progress {
	struct app *app;
	const char *first_path;
	int npaths;
	double start, last;
};

/* A progress bar in the middle of the screen: phase, bytes, MB/s, articles. */
static void draw_progress(void *arg, const char *phase, uint64_t done, uint64_t total, size_t articles)
{
	struct progress *pg = arg;
	double now = corpus_clock();
	if (done && done < total && now - pg->last < 0.05)
		return; /* at most 20 frames a second */
	pg->last = now;
	double secs = now - pg->start;
	int amb = pg->app->opt.ambiguous_wide, y = LINES / 2 - 1;
	struct strbuf line = STRBUF_INIT;
	erase();
	sb_addf(&line, "epinews: %s%s", pg->first_path, pg->npaths > 1 ? " and more" : "");
	draw_row(y, 0, COLS, 2, line.s, line.len, app_attr(pg->app, ATTR_TITLE), NULL, 0, 0, amb);
	sb_reset(&line);
	if (total) {
		int width = COLS - 4 > 50 ? 50 : COLS - 4 > 0 ? COLS - 4 : 0;
		int fill = (int)((double)width * (double)done / (double)total);
		sb_addc(&line, '[');
		for (int i = 0; i < width; i++)
			sb_addc(&line, i < fill ? '#' : '.');
		sb_addc(&line, ']');
		draw_row(y + 1, 0, COLS, 2, line.s, line.len, A_NORMAL, NULL, 0, 0, amb);
		sb_reset(&line);
		sb_addf(&line, "%s: %.1f of %.1f MB, %.1f MB/s, %zu articles", phase, (double)done / 1e6,
			(double)total / 1e6, secs > 0 ? (double)done / 1e6 / secs : 0.0, articles);
	} else {
		sb_addf(&line, "%s...%s", phase, articles ? "" : "");
		if (articles)
			sb_addf(&line, " (%zu articles)", articles);
	}
	draw_row(y + 2, 0, COLS, 2, line.s, line.len, app_attr(pg->app, ATTR_DIM), NULL, 0, 0, amb);
	sb_free(&line);
	refresh();
}

/* Damage found in the cache after it was opened (on whichever thread read the
 * damaged part): start again, which rebuilds it. */
static void cache_damaged(void *arg, const char *file, const char *why)
{
	struct app *app = arg;
	if (pthread_equal(pthread_self(), app->ui_thread)) /* the builder's view of app is not ours */
		resume_save(app);
	fatal_guard_remove();
	endwin();
	cli_restart(file, why);
}

/* The cache cut short or written over under the browser (by truncate, cp, a
 * cleaner): what was read from it since may be zeros. Start again on the files,
 * where the user was. Called between keys, on the main thread. */
static void check_cache(struct app *app)
{
	const char *why = cache_lost(&app->co);
	if (!why)
		return;
	if (app->cache_file)
		unlink(app->cache_file); /* the next start rebuilds it */
	resume_save(app);
	fatal_guard_remove();
	endwin();
	cli_restart(app->cache_file ? app->cache_file : "(unnamed)", why);
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
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) { /* escape codes into a pipe, keys from nowhere */
		fputs("epinews: not a terminal; the browser needs one on its input and output "
		      "(the subcommands do not: epinews --help)\n", stderr);
		return 2;
	}
	/* static: when the user quits before the index is built, the builder thread
	 * still reads it until the process exits, after this function returns */
	static struct app app;
	memset(&app, 0, sizeof app);
	app.open = -1;
	app.pane[PANE_LIST].ops = &list_pane_ops;
	app.pane[PANE_READER].ops = &reader_pane_ops;
	app.pane[PANE_FACTS].ops = &facts_pane_ops;
	keymap_init(&app.km);
	options_init(&app.opt);
	struct report_ctx rc = { &app.msg, 0 };
	struct diag dg = { report_first, &rc, 0 };
	load_config(&app.km, &app.opt, &dg);
	searches_init(&app.searches);
	searches_load_user(&app.searches, &dg);
	struct termios shell;
	int have_shell = tcgetattr(STDIN_FILENO, &shell) == 0;
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "epinews: cannot use the terminal '%s'\n", term);
		searches_free(&app.searches);
		keymap_free(&app.km);
		sb_free(&app.msg);
		return 2;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	take_suspend_key();
	set_escdelay(25);
	theme_init(&app);
	curs_set(0);
	fatal_guard_install(have_shell ? &shell : NULL);
	app.ui_thread = pthread_self();
	/* the archive, through the cache (messages: the first in the status line),
	 * with a progress bar while it loads */
	corpus_init(&app.co);
	app.co.ar.maps = cli_maps();
	struct progress pg = { &app, paths[0], npaths, corpus_clock(), 0 };
	app.co.progress = draw_progress;
	app.co.progress_arg = &pg;
	char cbuf[4096];
	const char *cfile = cli_cache_path(paths, npaths, cbuf, sizeof cbuf);
	const char *why;
	draw_progress(&pg, "opening", 0, 0, 0);
	/* the articles now; measures and index, when the cache lacks them, on a
	 * thread once the first screen is up */
	app.co.damaged = cache_damaged;
	app.co.damaged_arg = &app;
	int stale = cache_load_deferred(&app.co, cfile, paths, npaths, &dg, &why, 1);
	const char *restarted = getenv(CLI_RESTARTED); /* set by cli_restart */
	if (restarted && !why)
		why = restarted;
	if (!app.co.ar.n) {
		fatal_guard_remove();
		endwin();
		fprintf(stderr, "epinews: no article loaded%s%s\n", app.msg.len ? ": " : "",
			app.msg.len ? app.msg.s : "");
		corpus_free(&app.co);
		searches_free(&app.searches);
		keymap_free(&app.km);
		sb_free(&app.msg);
		return 1;
	}
	if (rc.n > 1)
		sb_addf(&app.msg, " (+%u more problems; epinews list shows them all)", rc.n - 1);
	if (why && !rc.n)
		app_message(&app, "cache not used (%s); rebuilt", why);
	unsetenv(CLI_RESTARTED);
	app.cache_file = cfile;
	app.cache_stale = stale;
	app.co.progress = NULL;
	corpus_build_order(&app.co);
	if (app.co.pending)
		start_builder(&app);
	else if (stale && cfile && cache_save(&app.co, cfile) != 0 && !app.msg.len)
		app_message(&app, "cannot write the cache %s: %s", cfile, strerror(errno));
	history_load(&app);
	layout_prefs_default(&app.layout);
	layout_prefs_load(&app.layout); /* none yet: the defaults */
	marks_open(&app, paths, npaths);
	/* each article's place in the date order, for listing search results */
	app.date_rank = xmalloc(app.co.ar.n * sizeof *app.date_rank);
	for (size_t i = 0; i < app.co.ar.n; i++)
		app.date_rank[app.co.by_date[i]] = (uint32_t)i;
	app.order = xmalloc(app.co.ar.n * sizeof *app.order);
	app.pend = xmalloc(app.co.ar.n * sizeof *app.pend);
	app_refilter(&app);
	app.pane[PANE_LIST].ls.sel = 0; /* start at the top of the list */
	resume_apply(&app); /* or where a browser restarted on the files was */
	if (app.opt.mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	/* EPINEWS_KEY_TIMES=FILE records, for bench/keys, the milliseconds from each
	 * key read to its screen drawn */
	const char *kt = getenv("EPINEWS_KEY_TIMES");
	FILE *key_times = kt && *kt ? fopen(kt, "w") : NULL;
	draw(&app);
	for (;;) {
		check_cache(&app);
		/* wait for a key; meanwhile check candidates, or see whether the index is built */
		int pending = app.pend_pos < app.npend;
		timeout(pending ? 0 : app.building ? 100 : -1);
		int key = read_key();
		timeout(-1);
		if (key < 0) {
			if (app.building && atomic_load(&app.built)) {
				finish_builder(&app);
				draw(&app);
			} else if (pending) {
				app_verify(&app, 0, 0.01);
				draw(&app);
			}
			continue;
		}
		if (key < 0)
			continue;
		double t0 = corpus_clock();
		if (app.building && atomic_load(&app.built)) /* a key after the build: use it */
			finish_builder(&app);
		if (!handle_key(&app, key))
			break;
		draw(&app);
		if (key_times)
			fprintf(key_times, "%.3f\n", (corpus_clock() - t0) * 1e3);
	}
	if (key_times)
		fclose(key_times);
	fatal_guard_remove();
	endwin();
	if (app.building) {
		/* quit before the index was built: it will be built next time */
		atomic_store(&app.abandon, 1);
		if (!atomic_load(&app.built)) {
			fprintf(stderr, "epinews: the index was not finished; it is built on the next start\n");
			history_save(&app);
			return 0; /* the thread still reads the corpus: leave it (and app) to the exit */
		}
		pthread_join(app.builder, NULL);
	}
	history_save(&app);
	view_pop_all(&app.views, &app);
	marks_close(&app);
	for (size_t i = 0; i < app.nfilters; i++)
		free(app.filters[i]);
	free(app.filters);
	for (size_t i = 0; i < app.nhist; i++)
		free(app.hist[i]);
	free(app.hist);
	query_free(&app.q);
	free(app.spans);
	corpus_free(&app.co);
	searches_free(&app.searches);
	keymap_free(&app.km);
	facts_free(&app.facts);
	free(app.order);
	free(app.date_rank);
	sb_free(&app.q_text);
	free(app.pend);
	free(app.rows);
	sb_free(&app.msg);
	sb_free(&app.query);
	sb_free(&app.typing);
	sb_free(&app.header);
	return 0;
}
