/* Every user action, once: enum name, config name, help text, default keys. Key
 * dispatch, the help overlay, the config parser and --dump-keys all read this list.
 * Default keys are written as in a config file's bind lines. */
#ifndef EPINEWS_ACTIONS_H
#define EPINEWS_ACTIONS_H

#define ACTIONS(X)                                                                           \
	X(QUIT, "quit", "close the open view, or quit", "q")                                 \
	X(MOVE_DOWN, "move-down", "next line, article or measure", "j <Down> C-n")          \
	X(MOVE_UP, "move-up", "previous line, article or measure", "k <Up> C-p")             \
	X(PAGE_DOWN, "page-down", "one page down", "<PgDn> C-d <Space>")                    \
	X(PAGE_UP, "page-up", "one page up", "<PgUp> C-u")                                  \
	X(FIRST, "first", "go to the first line", "g <Home>")                                \
	X(LAST, "last", "go to the last line", "G <End>")                                    \
	X(OPEN, "open", "read the article; jump to the measure's sentence", "<Enter>")      \
	X(NEXT_PANE, "next-pane", "move to the next pane", "<Tab>")                          \
	X(PREV_PANE, "prev-pane", "move to the previous pane", "<BackTab>")                  \
	X(SEARCH, "search", "search; the list narrows as you type", "/")                     \
	X(NEXT_HIT, "next-hit", "next search hit in the article", "n")                       \
	X(PREV_HIT, "prev-hit", "previous search hit in the article", "N")                   \
	X(CLEAR_SEARCH, "clear-search", "clear the search and show every article", "x")      \
	X(FILTER_PLACE, "filter-place", "filter by place: pick from the archive's places (pinyin works)", "c") \
	X(FILTER_DATE, "filter-date", "filter by month: pick from the archive's months", "d")       \
	X(FILTER_MEASURE, "filter-measure", "filter by measure: pick a kind the archive has", "K")  \
	X(CLEAR_FILTER, "clear-filter", "remove the last filter", "X")                      \
	X(SAVE_SEARCH, "save-search", "save the search in force as @NAME (usable in any query)", "S") \
	X(SEARCHES, "searches", "your saved searches with their counts: Enter adds one as a filter", "@") \
	X(MARK, "mark", "mark or unmark: the measure, the article, or the selection", "m")    \
	X(SELECT, "select", "select sentences in the reader (j/k extend, m marks, y copies)", "v") \
	X(SELECT_LINES, "select-lines", "select lines in the reader", "V")                  \
	X(HIGHLIGHTS, "highlights", "your highlights: Enter opens, a notes, m unmarks, s sorts", "H") \
	X(ANNOTATE, "note", "write a note on the marked measure or selection", "a")         \
	X(EXPORT, "export", "export your highlights to a file (.csv, .jsonl or .md)", "e")  \
	X(COPY, "copy", "copy the measure or selection to the clipboard (OSC 52)", "y")     \
	X(OPEN_URL, "open-url", "open the article's web page with $BROWSER or xdg-open", "o") \
	X(TOGGLE_FACTS, "toggle-facts", "show or hide the measures panel", "f")              \
	X(SORT, "sort", "sort the list by date, place, source or title", "s")                \
	X(REVERSE, "reverse", "reverse the sort order", "r")                                 \
	X(HELP, "help", "show this help", "? <F1>")                                          \
	X(SUSPEND, "suspend", "suspend to the shell; fg brings the browser back", "C-z")        \
	X(REDRAW, "redraw", "redraw the screen", "C-l")

enum action {
	ACT_NONE = 0,
#define X(e, name, help, keys) ACT_##e,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

const char *action_name(enum action a);
const char *action_help(enum action a);
const char *action_default_keys(enum action a);
/* ACT_NONE when no action has that name */
enum action action_from_name(const char *name);

#endif
