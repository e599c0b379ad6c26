#include "csv_write.h"

#include <string.h>

#include "sanitize.h"

void csv_text(struct strbuf *sb, const char *s, size_t n)
{
	if (!s)
		return;
	size_t lead = 0;
	while (lead < n && s[lead] == ' ')
		lead++;
	int formula = lead < n && strchr("=+-@\t\r", s[lead]) != NULL;
	/* control characters shown, not kept: ^[ for ESC (sanitize_visible) */
	struct strbuf vis = STRBUF_INIT;
	sanitize_visible(&vis, s + lead, n - lead, 0);
	const char *v = vis.s ? vis.s : "";
	size_t vn = vis.len;
	int quote = 0;
	for (size_t i = 0; i < vn; i++)
		if (v[i] == '"' || v[i] == ',' || v[i] == '\n' || v[i] == '\r')
			quote = 1;
	if (quote)
		sb_addc(sb, '"');
	if (formula)
		sb_addc(sb, '\'');
	for (size_t i = 0; i < lead; i++)
		sb_addc(sb, ' ');
	for (size_t i = 0; i < vn; i++) {
		if (v[i] == '"')
			sb_addc(sb, '"');
		sb_addc(sb, v[i]);
	}
	if (quote)
		sb_addc(sb, '"');
	sb_free(&vis);
}

void csv_number(struct strbuf *sb, const char *s)
{
	if (s)
		sb_adds(sb, s);
}
