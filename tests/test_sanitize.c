/* No article text can drive the terminal: controls, escape sequences, BiDi overrides
 * and zero-width characters are removed from every field. */
#include <stdlib.h>
#include <string.h>

#include "core/sanitize.h"
#include "tests/tap.h"

static void check(const char *in, const char *want, const char *what)
{
	char *got = sanitize_field(in, strlen(in));
	is_str(got, want, "%s", what);
	free(got);
}

int main(void)
{
	check("武汉\x1b[2J床位", "武汉床位", "CSI clear-screen is removed whole");
	check("a\x1b]52;c;SGVsbG8=\x07" "b", "ab", "OSC 52 clipboard write is removed whole");
	check("a\x1b]0;title\x1b\\b", "ab", "OSC ended by ST is removed whole");
	check("a\x1bPq#0;1\x1b\\b", "ab", "DCS (sixel) is removed whole");
	check("a\xc2\x9b" "31mb", "ab", "8-bit CSI (U+009B) is removed whole");
	check("a\xc2\x85" "b", "a b", "NEL becomes a space in a one-line field");
	check("a\x07\x08\x7f" "b", "ab", "BEL, BS and DEL are dropped");
	check("x\xe2\x80\xaey\xe2\x80\xac", "xy", "BiDi override and pop are dropped");
	check("x\xe2\x81\xa6y\xe2\x81\xa9", "xy", "BiDi isolates are dropped");
	check("零\xe2\x80\x8b宽\xef\xbb\xbf", "零宽", "zero-width space and BOM are dropped");
	check("tab\there", "tab here", "a tab becomes a space");
	check("line\nbreak", "line break", "a newline becomes a space in a one-line field");
	check("\xe3\x80\x80\xe3\x80\x80正文  ", "正文", "ideographic indent and trailing spaces are trimmed");
	check("bad\xffutf8", "bad\xef\xbf\xbdutf8", "invalid UTF-8 becomes U+FFFD");
	check("a\x1b[", "a", "a truncated CSI at the end is removed");
	check("a\x1b]unterminated\nnext", "a next", "an unterminated OSC stops at the line end");
	ok(sanitize_field("  \x1b[0m ", 8) == NULL, "a field that is only controls and spaces is NULL");

	struct strbuf sb = STRBUF_INIT;
	sanitize_append(&sb, "one\ntwo\x1b[1m", 11, 0);
	is_str(sb.s, "one\ntwo", "multi-line mode keeps newlines and still strips escapes");
	sb_free(&sb);
	return done_testing();
}
