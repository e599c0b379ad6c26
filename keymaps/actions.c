#include "keymaps/actions.h"

#include <string.h>

static const struct {
	const char *name, *help, *keys;
	unsigned needs;
} table[ACT_COUNT] = {
	[ACT_NONE] = { "none", "", "", 0 },
#define X(e, n, h, k, needs) [ACT_##e] = { n, h, k, needs },
	ACTIONS(X)
#undef X
};

const char *action_name(enum action a)
{
	return (unsigned)a < ACT_COUNT ? table[a].name : "none";
}

const char *action_help(enum action a)
{
	return (unsigned)a < ACT_COUNT ? table[a].help : "";
}

const char *action_default_keys(enum action a)
{
	return (unsigned)a < ACT_COUNT ? table[a].keys : "";
}

unsigned action_needs(enum action a)
{
	return (unsigned)a < ACT_COUNT ? table[a].needs : 0;
}

enum action action_from_name(const char *name)
{
	for (int a = 1; a < ACT_COUNT; a++)
		if (!strcmp(table[a].name, name))
			return (enum action)a;
	return ACT_NONE;
}
