#define _XOPEN_SOURCE_EXTENDED 1
#include "keymaps/keymap.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

static const struct {
	const char *name;
	int key;
} named[] = {
	{ "<Enter>", '\n' },
	{ "<Tab>", '\t' },
	{ "<Esc>", 27 },
	{ "<Space>", ' ' },
	{ "<Backspace>", KEY_FUNC | KEY_BACKSPACE },
	{ "<BackTab>", KEY_FUNC | KEY_BTAB },
	{ "<Up>", KEY_FUNC | KEY_UP },
	{ "<Down>", KEY_FUNC | KEY_DOWN },
	{ "<Left>", KEY_FUNC | KEY_LEFT },
	{ "<Right>", KEY_FUNC | KEY_RIGHT },
	{ "<PgUp>", KEY_FUNC | KEY_PPAGE },
	{ "<PgDn>", KEY_FUNC | KEY_NPAGE },
	{ "<Home>", KEY_FUNC | KEY_HOME },
	{ "<End>", KEY_FUNC | KEY_END },
	{ "<Delete>", KEY_FUNC | KEY_DC },
	{ "<Insert>", KEY_FUNC | KEY_IC },
};

static const char *const contexts[CTX_COUNT] = { "global", "list", "reader", "facts", "highlights" };

const char *context_name(enum keymap_context ctx)
{
	return contexts[ctx];
}

int key_parse(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return -1;
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (!strcasecmp(s, named[i].name))
			return named[i].key;
	if (n >= 4 && (s[0] == '<') && (s[1] == 'F' || s[1] == 'f') && s[n - 1] == '>') {
		int f = atoi(s + 2);
		if (f >= 1 && f <= 12)
			return KEY_FUNC | KEY_F(f);
		return -1;
	}
	if (n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
		char c = s[2];
		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
		if (c >= 'A' && c <= 'Z')
			return c - 'A' + 1;
		return -1;
	}
	uint32_t cp;
	size_t k = utf8_decode((const unsigned char *)s, n, &cp);
	if (k == n && cp > ' ' && cp != 0x7F)
		return (int)cp;
	return -1;
}

const char *key_label(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (named[i].key == key) {
			snprintf(buf, size, "%s", named[i].name);
			return buf;
		}
	if (key & KEY_FUNC) {
		int code = key & ~KEY_FUNC;
		if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(buf, size, "<F%d>", code - KEY_F0);
		else
			snprintf(buf, size, "<key%d>", code);
		return buf;
	}
	if (key >= 1 && key <= 26) {
		snprintf(buf, size, "C-%c", 'a' + key - 1);
		return buf;
	}
	struct strbuf sb = STRBUF_INIT;
	sb_addcp(&sb, (uint32_t)key);
	snprintf(buf, size, "%s", sb.s);
	sb_free(&sb);
	return buf;
}

static void set(struct keymap *km, enum keymap_context ctx, int key, enum action a)
{
	for (size_t i = 0; i < km->n[ctx]; i++)
		if (km->v[ctx][i].key == key) {
			km->v[ctx][i].action = a;
			return;
		}
	km->v[ctx] = xgrow(km->v[ctx], &km->cap[ctx], km->n[ctx] + 1, sizeof *km->v[ctx]);
	km->v[ctx][km->n[ctx]++] = (struct binding){ key, a };
}

void keymap_init(struct keymap *km)
{
	memset(km, 0, sizeof *km);
	/* The defaults are bind lines, as a user would write them. */
	for (int a = 1; a < ACT_COUNT; a++) {
		char line[256], why[128];
		const char *keys = action_default_keys((enum action)a), *w;
		char copy[128];
		snprintf(copy, sizeof copy, "%s", keys);
		for (char *save = NULL, *k = strtok_r(copy, " ", &save); k; k = strtok_r(NULL, " ", &save)) {
			snprintf(line, sizeof line, "bind global %s %s", k, action_name((enum action)a));
			if (keymap_apply_line(km, line, &w, why, sizeof why) != 0)
				abort(); /* a broken default is a programming error */
		}
	}
	/* terminals send CR or KEY_ENTER for Enter too */
	set(km, CTX_GLOBAL, '\r', ACT_OPEN);
	set(km, CTX_GLOBAL, KEY_FUNC | KEY_ENTER, ACT_OPEN);
}

void keymap_free(struct keymap *km)
{
	for (int c = 0; c < CTX_COUNT; c++)
		free(km->v[c]);
	memset(km, 0, sizeof *km);
}

enum action keymap_lookup(const struct keymap *km, enum keymap_context ctx, int key)
{
	for (size_t i = 0; i < km->n[ctx]; i++)
		if (km->v[ctx][i].key == key)
			return km->v[ctx][i].action;
	if (ctx != CTX_GLOBAL)
		for (size_t i = 0; i < km->n[CTX_GLOBAL]; i++)
			if (km->v[CTX_GLOBAL][i].key == key)
				return km->v[CTX_GLOBAL][i].action;
	return ACT_NONE;
}

static int parse_context(const char *s)
{
	for (int c = 0; c < CTX_COUNT; c++)
		if (!strcmp(s, contexts[c]))
			return c;
	return -1;
}

int keymap_apply_line(struct keymap *km, const char *line, const char **why, char *whybuf,
		      size_t whysize)
{
	char buf[512];
	*why = NULL;
	if (strlen(line) >= sizeof buf) {
		*why = "line too long";
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", line);
	char *save = NULL, *words[6];
	int nw = 0;
	for (char *w = strtok_r(buf, " \t\r", &save); w && nw < 6; w = strtok_r(NULL, " \t\r", &save)) {
		if (w[0] == '#')
			break;
		words[nw++] = w;
	}
	if (nw == 0)
		return 0;
	if (!strcmp(words[0], "bind") || !strcmp(words[0], "unbind")) {
		int bind = words[0][0] == 'b';
		if (nw != (bind ? 4 : 3)) {
			*why = bind ? "usage: bind CONTEXT KEY ACTION" : "usage: unbind CONTEXT KEY";
			return -1;
		}
		int ctx = parse_context(words[1]);
		if (ctx < 0) {
			snprintf(whybuf, whysize, "unknown context \"%s\" (global, list, reader, facts, highlights)", words[1]);
			*why = whybuf;
			return -1;
		}
		int key = key_parse(words[2]);
		if (key < 0) {
			snprintf(whybuf, whysize, "unknown key \"%s\"", words[2]);
			*why = whybuf;
			return -1;
		}
		enum action a = ACT_NONE;
		if (bind) {
			a = action_from_name(words[3]);
			if (a == ACT_NONE) {
				snprintf(whybuf, whysize, "unknown action \"%s\"", words[3]);
				*why = whybuf;
				return -1;
			}
		}
		set(km, (enum keymap_context)ctx, key, a);
		return 0;
	}
	snprintf(whybuf, whysize, "unknown command \"%.40s\" (bind, unbind, set, json)", words[0]);
	*why = whybuf;
	return -1;
}

void keymap_keys_for(const struct keymap *km, enum keymap_context ctx, enum action a,
		     struct strbuf *out)
{
	char buf[32];
	/* the context's own bindings, then global ones it does not override */
	for (int pass = 0; pass < 2; pass++) {
		enum keymap_context c = pass ? CTX_GLOBAL : ctx;
		if (pass && ctx == CTX_GLOBAL)
			break;
		for (size_t i = 0; i < km->n[c]; i++) {
			const struct binding *b = &km->v[c][i];
			if (b->action != a || b->key == '\r' || b->key == (KEY_FUNC | KEY_ENTER))
				continue;
			if (pass && keymap_lookup(km, ctx, b->key) != a)
				continue;
			if (out->len)
				sb_addc(out, ' ');
			sb_adds(out, key_label(b->key, buf, sizeof buf));
		}
	}
}

void keymap_dump(const struct keymap *km, struct strbuf *out)
{
	char buf[32];
	for (int c = 0; c < CTX_COUNT; c++)
		for (size_t i = 0; i < km->n[c]; i++) {
			const struct binding *b = &km->v[c][i];
			if (b->key == '\r' || b->key == (KEY_FUNC | KEY_ENTER))
				continue;
			if (b->action == ACT_NONE)
				sb_addf(out, "unbind %s %s\n", contexts[c], key_label(b->key, buf, sizeof buf));
			else
				sb_addf(out, "bind %s %s %s\n", contexts[c], key_label(b->key, buf, sizeof buf),
					action_name(b->action));
		}
}
