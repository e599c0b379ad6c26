/* Fuzz target: the config file parser (bind, unbind, set, garbage). */
#include <stdint.h>

#include "keymaps/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keymap km;
	struct options o;
	struct diag dg = { NULL, NULL, 0 };
	keymap_init(&km);
	options_init(&o);
	config_apply_text(&km, &o, (const char *)data, size, "fuzz", &dg);
	struct strbuf sb = STRBUF_INIT;
	keymap_dump(&km, &sb);
	sb_free(&sb);
	keymap_free(&km);
	return 0;
}
