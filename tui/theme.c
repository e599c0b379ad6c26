/* Colour themes: the attribute of each kind of text (tui/theme.h). */
#include "tui/theme.h"

#include <stdlib.h>

#include "tui/state.h"

attr_t app_attr(const struct app *app, int which)
{
	if (!app->color || app->opt.theme == THEME_MONO) {
		static const attr_t mono[ATTR_COUNT] = {
			[ATTR_NORMAL] = A_NORMAL,     [ATTR_SELECTED] = A_REVERSE,
			[ATTR_SELECTED_DIM] = A_UNDERLINE, [ATTR_STATUS] = A_REVERSE,
			[ATTR_TITLE] = A_BOLD,        [ATTR_HIT] = A_STANDOUT | A_BOLD,
			[ATTR_FACT] = A_UNDERLINE,    [ATTR_FACT_CURRENT] = A_REVERSE | A_BOLD,
			[ATTR_BORDER] = A_NORMAL,     [ATTR_DIM] = A_DIM,
			[ATTR_MARK] = A_BOLD | A_UNDERLINE,
		};
		return mono[which];
	}
	static const attr_t extra[ATTR_COUNT] = { [ATTR_TITLE] = A_BOLD, [ATTR_FACT_CURRENT] = A_BOLD,
						   [ATTR_HIT] = A_BOLD, [ATTR_MARK] = A_UNDERLINE };
	return COLOR_PAIR(which + 1) | extra[which];
}

void theme_init(struct app *app)
{
	app->color = has_colors() && !getenv("NO_COLOR") && app->opt.theme != THEME_MONO;
	if (!app->color)
		return;
	start_color();
	use_default_colors();
	int light = app->opt.theme == THEME_LIGHT;
	short fg = -1, bg = -1;
	init_pair(ATTR_NORMAL + 1, fg, bg);
	init_pair(ATTR_SELECTED + 1, light ? COLOR_WHITE : COLOR_BLACK, light ? COLOR_BLUE : COLOR_CYAN);
	init_pair(ATTR_SELECTED_DIM + 1, light ? COLOR_BLACK : COLOR_WHITE, light ? COLOR_WHITE : COLOR_BLUE);
	init_pair(ATTR_STATUS + 1, COLOR_BLACK, light ? COLOR_CYAN : COLOR_WHITE);
	init_pair(ATTR_TITLE + 1, light ? COLOR_BLUE : COLOR_YELLOW, bg);
	init_pair(ATTR_HIT + 1, COLOR_BLACK, COLOR_YELLOW);
	init_pair(ATTR_FACT + 1, light ? COLOR_MAGENTA : COLOR_GREEN, bg);
	init_pair(ATTR_FACT_CURRENT + 1, COLOR_BLACK, COLOR_GREEN);
	init_pair(ATTR_BORDER + 1, COLOR_BLUE, bg);
	init_pair(ATTR_DIM + 1, light ? COLOR_BLUE : COLOR_CYAN, bg);
	init_pair(ATTR_MARK + 1, COLOR_BLACK, light ? COLOR_CYAN : COLOR_MAGENTA);
}
