/* The browser's state, shared by the main loop and the panes. All of it lives in
 * one struct app passed to every function: nothing hides in globals. */
#ifndef EPINEWS_STATE_H
#define EPINEWS_STATE_H
#include "widgets/draw.h"

#include <pthread.h>
#include <stdatomic.h>

#include "core/archive.h"
#include "core/corpus.h"
#include "core/highlight.h"
#include "core/query.h"
#include "core/searches.h"
#include "core/facts.h"
#include "core/gazetteer.h"
#include "core/strbuf.h"
#include "keymaps/config.h"
#include "keymaps/keymap.h"
#include "tui/layout.h"
#include "tui/view.h"
#include "widgets/listsel.h"
#include "widgets/textlayout.h"

struct app;

enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH, PROMPT_NOTE, PROMPT_EXPORT, PROMPT_OVERWRITE, PROMPT_SAVE_SEARCH };

/* What the focused pane has selected, for mark, note, copy and open: the
 * article, and in it a measure or a passage (end > start), or nothing. */
struct selection {
	long doc;               /* index in ar.art, or -1: nothing selected */
	const struct fact *fact; /* a measure of it */
	uint32_t start, end;    /* a passage of its body */
};

/* Why a selection is asked for: a note in the reader, right after a passage
 * was marked, is about that passage. */
enum selection_use { SEL_MARK, SEL_NOTE };

/* A pane: a view with its own draw and action handlers (the tig model). */
struct pane_ops {
	const char *name;
	enum keymap_context ctx;
	void (*draw)(struct app *app, int focused);
	/* 1 when the pane handled the action */
	int (*action)(struct app *app, enum action a);
	/* a mouse click on row r of the pane */
	void (*click)(struct app *app, int r);
	/* what it has selected */
	void (*select)(const struct app *app, enum selection_use use, struct selection *out);
};

struct pane {
	const struct pane_ops *ops;
	int y, x, h, w, visible;
	struct listsel ls; /* the selected row and the first shown (the reader: ls.top only) */
};

enum pane_id { PANE_LIST, PANE_READER, PANE_FACTS, PANE_COUNT };

enum sort_key { SORT_DATE, SORT_PLACE, SORT_SOURCE, SORT_TITLE, SORT_COUNT };

/* One row of the reading pane: a header line or part of a paragraph. */
struct read_row {
	int header;       /* 1: text is in app->header */
	uint32_t start, end; /* bytes in the body (or in the header text) */
	int indent;
};

struct app {
	struct corpus co;         /* the archive, its measures and index */
	struct searches searches; /* saved searches: the config's and the searches file's */
	/* measures and index built on a thread after the first screen (tui/app.c):
	 * co.fdb and co.ix are not to be touched while `building` */
	int building;
	pthread_t builder;
	atomic_int built, abandon;
	pthread_t ui_thread;      /* the one that draws and reads keys */
	const char *cache_file;
	int cache_stale, save_errno;
	struct keymap km;
	struct options opt;
	int color;

	size_t *order; /* the articles shown in the list, filtered and sorted */
	size_t *pend;  /* candidates still to check against the text, in list order */
	size_t npend, pend_pos;
	size_t norder;
	uint32_t *date_rank; /* article -> its place in co.by_date */
	enum sort_key sort;
	int reverse;

	struct strbuf query;      /* the search in force */
	struct query q;           /* query parsed, when q.root */
	struct strbuf q_text;     /* the text q was made from (the filters apart) */
	uint32_t (*spans)[2];     /* its hits in the open article's body */
	size_t nspans;
	struct strbuf typing;     /* the prompt's text while typing */
	int typing_suggested;     /* typing holds a suggestion, shown selected (app_prompt) */
	int prompting;            /* enum prompt_kind */
	const char *prompt_label;
	char **hist;              /* queries entered, oldest first */
	size_t nhist, hist_pos;
	size_t hit;               /* current search hit in the open article */

	long open;                /* index in ar.art of the article in the reader, or -1 */
	struct facts facts;
	int file_city;
	struct strbuf header;
	struct read_row *rows;
	size_t nrows, caprows;
	int laid_width;

	/* highlights (tui/marks.c) */
	struct hl_store hl;
	uint8_t *marked;          /* per article: it has highlights */
	int visual;               /* 0, or 'v' (sentences) / 'V' (lines): a selection in the reader */
	uint32_t vis_anchor, vis_start, vis_end;
	int hl_sort;              /* the highlights list's order: 0 date, 1 place, 2 kind */
	long note_target;         /* the highlight a note is being written for */
	struct {                  /* the passage marked last, for a note written next in the reader */
		int set;
		char article[24];
		uint32_t start, end;
	} last_passage;
	struct strbuf export_path;

	/* filters picked from lists (tui/picker.c), ANDed with the search */
	char **filters;
	size_t nfilters;

	struct layout_prefs layout; /* the list's share, set with < and > */
	struct pane pane[PANE_COUNT];
	enum pane_id focus;
	struct view_stack views;  /* help, pickers, highlights: over the panes */
	struct strbuf msg;
	int too_small;
};

/* The place the list shows for article i (the first it is about, else its
 * dateline's), or NULL. */
const char *app_article_place(const struct app *app, size_t i);
/* Open article i (an index into ar.art) in the reader. */
void app_open(struct app *app, long i);
/* Lay out the open article for the reader's width (cached per width). */
void reader_layout(struct app *app);
/* Scroll the reader so that body offset `off` is in view. */
void reader_show_offset(struct app *app, uint32_t off);
/* Check more pending candidates: until `rows` are listed and `budget` seconds
 * spent (50 ms at most), or all of them when rows is (size_t)-1. With rows 0
 * (between keys) it also stops as soon as a key arrives. */
void app_verify(struct app *app, size_t rows, double budget);
/* Re-run the search and sort into app->order. */
void app_refilter(struct app *app);
void app_message(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* What the focused pane has selected (out->doc -1: nothing). */
void app_selection(const struct app *app, enum selection_use use, struct selection *out);
/* Does the action have what the action table says it needs? If not, the
 * status line says what is missing and it returns 0. */
int app_can(struct app *app, enum action a);
/* Open the one-line prompt of a kind, with a label and a starting text. */
void app_prompt(struct app *app, enum prompt_kind kind, const char *label, const char *text);

/* The measures and the index, or NULL while they are being built. */
static inline const struct factdb *app_fdb(const struct app *app)
{
	return app->building ? NULL : &app->co.fdb;
}
static inline const struct index *app_ix(const struct app *app)
{
	return app->building ? NULL : &app->co.ix;
}
/* Re-apply the search text and the filters. */
int app_apply_query(struct app *app);
/* Make `text` the search (with the filters) and refilter: 0, or -1 when it
 * does not parse (the status line says why) and the list stays. */
int app_set_query(struct app *app, const char *text, size_t len);

#endif
