/* UTF-8 decoding, hashing and the string buffer. */
#include <string.h>

#include "core/hash.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "tests/tap.h"

int main(void)
{
	uint32_t cp;
	is_int((long long)utf8_decode((const unsigned char *)"\xe6\xad\xa6", 3, &cp), 3, "decodes a 3-byte Han character");
	is_int(cp, 0x6B66, "to U+6B66 (武)");
	is_int((long long)utf8_decode((const unsigned char *)"\xc0\xaf", 2, &cp), 0, "rejects an overlong '/'");
	is_int((long long)utf8_decode((const unsigned char *)"\xe0\x80\xaf", 3, &cp), 0, "rejects an overlong 3-byte form");
	is_int((long long)utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0, "rejects an encoded surrogate");
	is_int((long long)utf8_decode((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0, "rejects code points past U+10FFFF");
	is_int((long long)utf8_decode((const unsigned char *)"\xe6\xad", 2, &cp), 0, "rejects a truncated sequence");
	is_int((long long)utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp), 4, "decodes a 4-byte emoji");
	is_int((long long)utf8_count("武汉abc", strlen("武汉abc")), 5, "counts code points, not bytes");
	is_int((long long)utf8_valid_prefix((const unsigned char *)"ab\xff", 3), 2, "valid prefix stops at a bad byte");
	ok(is_cjk(0x6C49) && is_cjk(0xFF0C) && !is_cjk('a'), "is_cjk knows Han, full-width punctuation and Latin");

	struct strbuf sb = STRBUF_INIT;
	sb_addcp(&sb, 0x6B66);
	sb_addcp(&sb, 0xD800);
	sb_addf(&sb, "%d", 42);
	is_str(sb.s, "武\xef\xbf\xbd" "42", "sb_addcp encodes, and turns a surrogate into U+FFFD");
	sb_free(&sb);

	ok(hash64("abc", 3, 0) == hash64("abc", 3, 0), "hash64 is deterministic");
	ok(hash64("abc", 3, 0) != hash64("abd", 3, 0), "hash64 tells one byte apart");
	ok(hash64("abcdefghij", 10, 0) != hash64("abcdefghik", 10, 0), "hash64 reads the tail after 8-byte words");
	is_int((long long)(hash64("", 0, 0) == hash64("", 0, 1)), 0, "the seed changes the hash");
	return done_testing();
}
