/* Every user action, once: enum name, config name, help text, default keys and
 * what it needs to be of use. Key dispatch, the help overlay, the config parser
 * and --dump-keys all read this list. Default keys are written as in a config
 * file's bind lines; the needs are checked in one place before dispatch, which
 * says what is missing instead of running the action. */
#ifndef EPINEWS_ACTIONS_H
#define EPINEWS_ACTIONS_H

#define ACTIONS(X)                                                                           \
	X(QUIT, "quit", "close the open view, or quit", "q", 0)                                 \
	X(MOVE_DOWN, "move-down", "next line, article or measure", "j <Down> C-n", 0)           \
	X(MOVE_UP, "move-up", "previous line, article or measure", "k <Up> C-p", 0)             \
	X(PAGE_DOWN, "page-down", "one page down", "<PgDn> C-d <Space>", 0)                     \
	X(PAGE_UP, "page-up", "one page up", "<PgUp> C-u", 0)                                   \
	X(FIRST, "first", "go to the first line", "g <Home>", 0)                                \
	X(LAST, "last", "go to the last line", "G <End>", 0)                                    \
	X(OPEN, "open", "read the article; jump to the measure's sentence", "<Enter>", 0)       \
	X(NEXT_PANE, "next-pane", "move to the next pane", "<Tab>", 0)                          \
	X(PREV_PANE, "prev-pane", "move to the previous pane", "<BackTab>", 0)                  \
	X(SEARCH, "search", "search; the list narrows as you type", "/", 0)                     \
	X(NEXT_HIT, "next-hit", "next search hit in the article", "n", NEEDS_ARTICLE)           \
	X(PREV_HIT, "prev-hit", "previous search hit in the article", "N", NEEDS_ARTICLE)       \
	X(CLEAR_SEARCH, "clear-search", "clear the search and show every article", "x", 0)      \
	X(FILTER_PLACE, "filter-place", "filter by place: pick from the archive's places (pinyin works)", "c", NEEDS_FACTS) \
	X(FILTER_DATE, "filter-date", "filter by month: pick from the archive's months", "d", 0) \
	X(FILTER_MEASURE, "filter-measure", "filter by measure: pick a kind the archive has", "K", NEEDS_FACTS) \
	X(CLEAR_FILTER, "clear-filter", "remove the last filter", "X", 0)                       \
	X(SAVE_SEARCH, "save-search", "save the search in force as @NAME (usable in any query)", "S", 0) \
	X(SEARCHES, "searches", "your saved searches with their counts: Enter adds one as a filter", "@", NEEDS_FACTS) \
	X(MARK, "mark", "mark or unmark: the measure, the article, or the selection", "m", NEEDS_SELECTION) \
	X(SELECT, "select", "select sentences in the reader (j/k extend, m marks, y copies)", "v", NEEDS_ARTICLE) \
	X(SELECT_LINES, "select-lines", "select lines in the reader", "V", NEEDS_ARTICLE)       \
	X(HIGHLIGHTS, "highlights", "your highlights: Enter opens, a notes, m unmarks, s sorts", "H", 0) \
	X(ANNOTATE, "note", "write a note on the marked measure or selection", "a", NEEDS_SELECTION) \
	X(EXPORT, "export", "export your highlights to a file (.csv, .jsonl or .md)", "e", NEEDS_HIGHLIGHTS) \
	X(COPY, "copy", "copy the measure or selection to the clipboard (OSC 52)", "y", NEEDS_SELECTION) \
	X(OPEN_URL, "open-url", "open the article's web page with $BROWSER or xdg-open", "o", NEEDS_SELECTION) \
	X(LIST_NARROWER, "narrower-list", "make the list narrower (shorter when stacked); remembered", "<", 0) \
	X(LIST_WIDER, "wider-list", "make the list wider (taller when stacked); remembered", ">", 0) \
	X(TOGGLE_FACTS, "toggle-facts", "show or hide the measures panel", "f", 0)              \
	X(SORT, "sort", "sort the list by date, place, source or title", "s", 0)                \
	X(REVERSE, "reverse", "reverse the sort order", "r", 0)                                 \
	X(HELP, "help", "show this help", "? <F1>", 0)                                          \
	X(SUSPEND, "suspend", "suspend to the shell; fg brings the browser back", "C-z", 0)     \
	X(REDRAW, "redraw", "redraw the screen", "C-l", 0)

/* What an action needs; the browser checks before dispatching it. */
enum action_needs {
	NEEDS_SELECTION = 1,  /* something selected in the focused view: an article, measure or passage */
	NEEDS_ARTICLE = 2,    /* an article open in the reader */
	NEEDS_FACTS = 4,      /* the measures and the index built (not still building) */
	NEEDS_HIGHLIGHTS = 8, /* at least one highlight */
};

enum action {
	ACT_NONE = 0,
#define X(e, name, help, keys, needs) ACT_##e,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

const char *action_name(enum action a);
const char *action_help(enum action a);
const char *action_default_keys(enum action a);
/* The enum action_needs flags of an action. */
unsigned action_needs(enum action a);
/* ACT_NONE when no action has that name */
enum action action_from_name(const char *name);

#endif
