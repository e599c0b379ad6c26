#include "sanitize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

static int is_invisible(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200F) ||  /* zero width, LRM, RLM */
	       (cp >= 0x202A && cp <= 0x202E) ||  /* BiDi embeddings and overrides */
	       (cp >= 0x2060 && cp <= 0x206F) ||  /* word joiner, BiDi isolates, deprecated */
	       cp == 0x061C || cp == 0xFEFF || cp == 0x00AD || cp == 0x034F ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

/* Skip the body of an escape sequence that starts at s[i] (just after ESC or a C1
 * introducer `kind`). Returns the index after it. Strings (OSC, DCS, ...) end at BEL,
 * ST or the end of the line. */
static size_t skip_sequence(const unsigned char *s, size_t n, size_t i, int kind)
{
	if (kind == '[') { /* CSI: parameters and intermediates, then a final byte */
		while (i < n && s[i] >= 0x20 && s[i] <= 0x3F)
			i++;
		while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
			i++;
		if (i < n && s[i] >= 0x40 && s[i] <= 0x7E)
			i++;
		return i;
	}
	if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
		while (i < n) {
			if (s[i] == 0x07 || s[i] == '\n')
				return i + (s[i] == 0x07);
			if (s[i] == 0x1B && i + 1 < n && s[i + 1] == '\\')
				return i + 2;
			if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0x9C)
				return i + 2;
			i++;
		}
		return i;
	}
	return i;
}

/* The bytes from s that sanitizing leaves as they are: printable ASCII and
 * the characters utf8_is_plain3 accepts. */
static size_t plain_run(const unsigned char *s, size_t n)
{
	size_t j = 0;
	while (j < n) {
		if (s[j] >= 0x20 && s[j] < 0x7F)
			j++;
		else if (utf8_is_plain3(s + j, n - j))
			j += 3;
		else
			break;
	}
	return j;
}

int sanitize_is_clean(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	if (!n || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	/* U+3000 (E3 80 80) at either end is trimmed */
	if ((n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) ||
	    (n >= 3 && s[n - 3] == 0xE3 && s[n - 2] == 0x80 && s[n - 1] == 0x80))
		return 0;
	return plain_run(s, n) == n;
}

void sanitize_append(struct strbuf *out, const char *str, size_t n, int oneline)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t start_len = out->len;
	size_t i = 0;
	sb_reserve(out, n);
	while (i < n) {
		/* copy the longest run of printable ASCII and Han-range characters
		 * (never invisible nor a line break) in one go: most text is that */
		size_t j = i + plain_run(s + i, n - i);
		if (j > i) {
			sb_add(out, s + i, j - i);
			i = j;
			if (i >= n)
				break;
		}
		unsigned c = s[i];
		if (c == 0x1B) {
			if (i + 1 >= n) {
				i++;
				continue;
			}
			int kind = s[i + 1];
			if (kind == '[' || kind == ']' || kind == 'P' || kind == 'X' || kind == '^' ||
			    kind == '_')
				i = skip_sequence(s, n, i + 2, kind);
			else if (kind >= 0x20 && kind <= 0x2F) /* ESC intermediate final */
				i = (i + 3 <= n) ? i + 3 : n;
			else
				i += (kind >= 0x30 && kind <= 0x7E) ? 2 : 1;
			continue;
		}
		if (c < 0x80) {
			if (c == '\n' || c == '\v' || c == '\f')
				sb_addc(out, oneline ? ' ' : '\n');
			else if (c == '\t')
				sb_addc(out, ' ');
			i++; /* other C0 controls and DEL are dropped */
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!k) {
			sb_addcp(out, 0xFFFD);
			i++;
			continue;
		}
		i += k;
		if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
			sb_addc(out, oneline ? ' ' : '\n');
			continue;
		}
		if (cp >= 0x80 && cp <= 0x9F) {
			int kind = cp == 0x9B ? '[' : cp == 0x9D ? ']' : cp == 0x90 ? 'P' :
				   cp == 0x98 ? 'X' : cp == 0x9E ? '^' : cp == 0x9F ? '_' : 0;
			if (kind)
				i = skip_sequence(s, n, i, kind);
			continue;
		}
		if (is_invisible(cp))
			continue;
		/* copy the following run of ordinary characters in one go */
		size_t start = i - k;
		while (i < n && s[i] >= 0xE0 && s[i] < 0xF0) {
			if (utf8_is_cjk3(s + i, n - i)) { /* never invisible nor a line break */
				i += 3;
				continue;
			}
			uint32_t c2;
			size_t k2 = utf8_decode(s + i, n - i, &c2);
			if (!k2 || is_invisible(c2) || c2 == 0x2028 || c2 == 0x2029)
				break;
			i += k2;
		}
		sb_add(out, s + start, i - start);
	}
	/* trim: trailing white space, then leading */
	while (out->len > start_len) {
		unsigned char e = (unsigned char)out->s[out->len - 1];
		if (e == ' ' || e == '\n')
			out->len--;
		else if (out->len - start_len >= 3 && (unsigned char)out->s[out->len - 3] == 0xE3 &&
			 (unsigned char)out->s[out->len - 2] == 0x80 && e == 0x80)
			out->len -= 3; /* U+3000 */
		else
			break;
	}
	size_t lead = start_len;
	while (lead < out->len) {
		unsigned char b = (unsigned char)out->s[lead];
		if (b == ' ' || b == '\n')
			lead++;
		else if (lead + 3 <= out->len && b == 0xE3 && (unsigned char)out->s[lead + 1] == 0x80 &&
			 (unsigned char)out->s[lead + 2] == 0x80)
			lead += 3;
		else
			break;
	}
	if (lead > start_len) {
		memmove(out->s + start_len, out->s + lead, out->len - lead);
		out->len -= lead - start_len;
	}
	out->s[out->len] = '\0';
}

char *sanitize_field(const char *s, size_t n)
{
	if (!s)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	sanitize_append(&sb, s, n, 1);
	if (sb.len == 0) {
		sb_free(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

void sanitize_visible(struct strbuf *out, const char *s, size_t n, int columns)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		if (c == '\t' || c == '\n') {
			if (columns)
				sb_adds(out, c == '\t' ? "\\t" : "\\n");
			else
				sb_addc(out, (char)c);
			i++;
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			sb_addc(out, '^');
			sb_addc(out, c == 0x7F ? '?' : (char)(c + 64));
			i++;
			continue;
		}
		if (c < 0x80) {
			sb_addc(out, (char)c);
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);
		if (!k) { /* not UTF-8: the byte, written out */
			sb_addf(out, "\\x%02x", c);
			i++;
			continue;
		}
		if (cp >= 0x80 && cp <= 0x9F)
			sb_addf(out, "\\x%02x", (unsigned)cp);
		else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
			 cp == 0x200F || cp == 0x061C)
			sb_addf(out, "<U+%04X>", (unsigned)cp);
		else
			sb_add(out, s + i, k);
		i += k;
	}
}

char *sanitize_visible_dup(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	sanitize_visible(&sb, s, strlen(s), 0);
	return sb.s ? sb_detach(&sb) : xstrdup("");
}
