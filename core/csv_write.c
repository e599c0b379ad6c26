#include "csv_write.h"

#include <string.h>

void csv_text(struct strbuf *sb, const char *s, size_t n)
{
	if (!s)
		return;
	size_t lead = 0;
	while (lead < n && s[lead] == ' ')
		lead++;
	int formula = lead < n && strchr("=+-@\t\r", s[lead]) != NULL;
	int quote = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r')
			quote = 1;
	if (quote)
		sb_addc(sb, '"');
	if (formula)
		sb_addc(sb, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			sb_addc(sb, '"');
		sb_addc(sb, s[i]);
	}
	if (quote)
		sb_addc(sb, '"');
}

void csv_number(struct strbuf *sb, const char *s)
{
	if (s)
		sb_adds(sb, s);
}
