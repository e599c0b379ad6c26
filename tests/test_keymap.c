/* Key names, the default keymap from the action table, and the config file. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <string.h>

#include "core/strbuf.h"
#include "keymaps/config.h"
#include "tests/tap.h"

static struct strbuf msgs = STRBUF_INIT;

static void collect(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg;
	sb_addf(&msgs, "%s:%llu: %s\n", path, (unsigned long long)line, msg);
}

int main(void)
{
	char buf[32];
	is_int(key_parse("j"), 'j', "a letter is itself");
	is_int(key_parse("C-d"), 4, "C-d is Ctrl-D");
	is_int(key_parse("<Down>"), KEY_FUNC | KEY_DOWN, "<Down> is the down arrow");
	is_int(key_parse("<F1>"), KEY_FUNC | KEY_F(1), "<F1> is a function key");
	is_int(key_parse("隔"), 0x9694, "a Chinese character can be a key");
	is_int(key_parse("<Nope>"), -1, "an unknown key name is refused");
	is_str(key_label(key_parse("<PgDn>"), buf, sizeof buf), "<PgDn>", "key names round-trip");
	is_str(key_label(21, buf, sizeof buf), "C-u", "control keys are written C-x");

	is_int(action_needs(ACT_MARK), NEEDS_SELECTION, "mark needs something selected");
	is_int(action_needs(ACT_NEXT_HIT), NEEDS_ARTICLE, "next-hit needs an open article");
	is_int(action_needs(ACT_FILTER_PLACE), NEEDS_FACTS, "the place picker needs the index built");
	is_int(action_needs(ACT_FILTER_DATE), 0, "the month picker does not: dates come with the archive");
	is_int(action_needs(ACT_EXPORT), NEEDS_HIGHLIGHTS, "export needs a highlight");
	is_int(action_needs(ACT_COUNT), 0, "an action out of range needs nothing");

	struct keymap km;
	struct options o;
	keymap_init(&km);
	options_init(&o);
	is_int(keymap_lookup(&km, CTX_LIST, 'j'), ACT_MOVE_DOWN, "j moves down by default, in every pane");
	is_int(keymap_lookup(&km, CTX_READER, KEY_FUNC | KEY_NPAGE), ACT_PAGE_DOWN, "PgDn pages down");
	is_int(keymap_lookup(&km, CTX_LIST, '\r'), ACT_OPEN, "Enter as CR opens");
	is_int(keymap_lookup(&km, CTX_LIST, 'Z'), ACT_NONE, "an unbound key does nothing");
	struct strbuf keys = STRBUF_INIT;
	keymap_keys_for(&km, CTX_GLOBAL, ACT_MOVE_DOWN, &keys);
	is_str(keys.s, "j <Down> C-n", "the help lists an action's keys from the keymap");

	const char *cfg = "# my keys\n"
			  "bind list J move-down\n"
			  "unbind reader n\n"
			  "bind list j nosuchaction\n"
			  "bind nowhere j quit\n"
			  "set theme mono\n"
			  "set theme purple\n"
			  "frobnicate\n"
			  "bind list\n"
			  "set facts-panel off\n";
	struct diag dg = { collect, NULL, 0 };
	int bad = config_apply_text(&km, &o, cfg, strlen(cfg), "config", &dg);
	is_int(bad, 5, "five bad lines are counted");
	ok(strstr(msgs.s, "config:4: unknown action \"nosuchaction\"") != NULL, "unknown action reported with its line");
	ok(strstr(msgs.s, "config:5: unknown context \"nowhere\"") != NULL, "unknown context reported");
	ok(strstr(msgs.s, "config:7: unknown theme \"purple\"") != NULL, "unknown theme reported");
	ok(strstr(msgs.s, "config:8: unknown command") != NULL, "unknown command reported");
	ok(strstr(msgs.s, "config:9: usage: bind CONTEXT KEY ACTION") != NULL, "wrong arguments reported with the usage");
	is_int(keymap_lookup(&km, CTX_LIST, 'J'), ACT_MOVE_DOWN, "a good bind line applies");
	is_int(keymap_lookup(&km, CTX_LIST, 'j'), ACT_MOVE_DOWN, "a bad line changes nothing");
	is_int(keymap_lookup(&km, CTX_READER, 'n'), ACT_NONE, "unbind hides the global binding in that pane");
	is_int(keymap_lookup(&km, CTX_LIST, 'n'), ACT_NEXT_HIT, "but not in the others");
	is_int(o.theme, THEME_MONO, "set theme applies");
	is_int(o.facts_panel, 0, "set facts-panel applies after bad lines");

	sb_reset(&msgs);
	char junk[64] = "bind list \xff\xfe quit\n\0\x01\x02 binary\n";
	bad = config_apply_text(&km, &o, junk, 29, "junk", &dg);
	is_int(bad, 2, "binary garbage lines are reported, not applied");
	static char huge[1 << 20];
	memset(huge, 'a', sizeof huge - 1);
	bad = config_apply_text(&km, &o, huge, sizeof huge - 1, "huge", &dg);
	is_int(bad, 1, "a 1 MB line is one bad line");

	struct strbuf dump = STRBUF_INIT;
	keymap_dump(&km, &dump);
	ok(strstr(dump.s, "bind global j move-down\n") && strstr(dump.s, "unbind reader n\n") &&
		   strstr(dump.s, "bind list J move-down\n"),
	   "the dump is in bind syntax and shows the changes");
	sb_free(&dump);
	sb_free(&keys);
	sb_free(&msgs);
	keymap_free(&km);
	return done_testing();
}
