/* Encoding detection and conversion: UTF-8 (BOM or not), UTF-16 with BOM, GB18030,
 * line ends, invalid bytes, binary data, and the offset map back to the file. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/encoding.h"
#include "tests/tap.h"

/* Convert UTF-8 text to another encoding with iconv, for building fixtures. */
static size_t convert(const char *to, const char *in, unsigned char *out, size_t cap)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	char *ip = (char *)in, *op = (char *)out;
	size_t il = strlen(in), ol = cap;
	iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	return cap - ol;
}

static void check(const unsigned char *raw, size_t n, const char *want, enum encoding enc,
		  const char *what)
{
	struct decoded d;
	const char *why = NULL;
	int rc = decode_bytes(raw, n, &d, &why);
	ok(rc == 0, "%s: decodes", what);
	if (rc == 0) {
		is_str(d.text, want, "%s: text", what);
		is_str(encoding_name(d.enc), encoding_name(enc), "%s: encoding", what);
	}
	decoded_free(&d);
}

/* The order decode_bytes chooses an encoding in: declared charset, then the
 * counts of errors each way. */
static void encoding_order(void)
{
	unsigned char raw[512];
	const char *text = "滨江新增床位1300张，集中隔离点32个。\n南岭新增确诊病例3例。";
	size_t n = convert("GB18030", text, raw, sizeof raw);
	raw[n++] = 0x81; /* a two-byte character cut short at the end */
	struct decoded d;
	const char *why = NULL;
	decode_bytes(raw, n, &d, &why);
	is_str(encoding_name(d.enc), "GB18030", "GB18030 with a cut last character is still GB18030");
	is_int((long long)d.replaced, 1, "and only that character is replaced");
	ok(d.text && !strncmp(d.text, text, strlen(text)), "the rest reads right");
	decoded_free(&d);

	/* a page that says it is GBK is read as GBK, however little Chinese it has */
	char page[512];
	unsigned char gb[512];
	size_t k = convert("GBK", "<p>床位</p>", gb, sizeof gb);
	size_t pre = (size_t)snprintf(page, sizeof page, "<html><head><meta charset=\"gbk\"></head><body>");
	memcpy(page + pre, gb, k);
	decode_bytes((const unsigned char *)page, pre + k, &d, &why);
	is_str(encoding_name(d.enc), "GB18030", "<meta charset=gbk> is read as GB18030");
	ok(d.text && strstr(d.text, "<p>床位</p>") != NULL, "and decodes");
	decoded_free(&d);
}

int main(void)
{
	encoding_order();
	const char *text = "武汉新增床位1300张\n第二行";
	unsigned char buf[256];

	check((const unsigned char *)text, strlen(text), text, ENC_UTF8, "plain UTF-8");

	size_t n = 3;
	memcpy(buf, "\xef\xbb\xbf", 3);
	memcpy(buf + 3, text, strlen(text));
	check(buf, n + strlen(text), text, ENC_UTF8_BOM, "UTF-8 with BOM");

	check((const unsigned char *)"a\r\nb\rc\n", 7, "a\nb\nc\n", ENC_UTF8, "CRLF and CR line ends");

	buf[0] = 0xFF;
	buf[1] = 0xFE;
	n = convert("UTF-16LE", text, buf + 2, sizeof buf - 2) + 2;
	check(buf, n, text, ENC_UTF16LE, "UTF-16LE with BOM");

	buf[0] = 0xFE;
	buf[1] = 0xFF;
	n = convert("UTF-16BE", "隔离\r\n点", buf + 2, sizeof buf - 2) + 2;
	check(buf, n, "隔离\n点", ENC_UTF16BE, "UTF-16BE with BOM and CRLF");

	/* a lone high surrogate in UTF-16 becomes U+FFFD */
	const unsigned char lone[] = { 0xFF, 0xFE, 0x01, 0xD8, 'a', 0 };
	check(lone, sizeof lone, "\xef\xbf\xbd" "a", ENC_UTF16LE, "UTF-16 lone surrogate");

	n = convert("GB18030", text, buf, sizeof buf);
	check(buf, n, text, ENC_GB18030, "GB18030");

	/* a four-byte GB18030 sequence: U+00A5 is 81 30 84 36 */
	n = convert("GB18030", "价格¥5元，共计", buf, sizeof buf);
	check(buf, n, "价格¥5元，共计", ENC_GB18030, "GB18030 four-byte sequence");

	/* mostly UTF-8 with one stray byte: stays UTF-8, the byte becomes U+FFFD */
	const char *stray = "武汉武汉武汉武汉武汉\xff隔离";
	struct decoded d;
	const char *why = NULL;
	decode_bytes((const unsigned char *)stray, strlen(stray), &d, &why);
	is_str(d.text, "武汉武汉武汉武汉武汉\xef\xbf\xbd隔离", "a stray invalid byte in UTF-8 becomes U+FFFD");
	is_int((long long)d.replaced, 1, "and is counted");
	decoded_free(&d);

	/* overlong encodings are invalid, not decoded */
	decode_bytes((const unsigned char *)"武汉武汉武汉\xc0\xaf" "b", 21, &d, &why);
	is_str(d.text, "武汉武汉武汉\xef\xbf\xbd\xef\xbf\xbd" "b", "overlong UTF-8 becomes U+FFFD, never '/'");
	decoded_free(&d);

	unsigned char bin[512];
	for (size_t i = 0; i < sizeof bin; i++)
		bin[i] = (unsigned char)(i * 7);
	ok(decode_bytes(bin, sizeof bin, &d, &why) == -1 && why && strstr(why, "binary"),
	   "binary data is refused with a reason");

	/* offsets map back to the file through CRLF */
	const char *crlf = "ab\r\ncd\r\nef";
	decode_bytes((const unsigned char *)crlf, strlen(crlf), &d, &why);
	is_int((long long)decoded_raw_offset(&d, 6), 8, "offset of line 3 maps back over two CRs");
	is_int((long long)decoded_raw_offset(&d, 4), 5, "offsets inside a line map one to one");
	decoded_free(&d);

	/* plain: nothing in the text that sanitizing would drop or change */
	static const struct {
		const char *text;
		int plain;
	} plain[] = {
		{ "武汉，“检测”——（1）…\nabc 123", 1 },
		{ "武汉\t隔离", 0 },	    /* a tab becomes a space */
		{ "武汉\x1b[31m隔离", 0 }, /* an escape sequence goes */
		{ "武\xe2\x80\x8b汉", 0 },  /* U+200B, zero width */
		{ "武汉\xef\xbb\xbf", 0 },    /* U+FEFF */
		{ "caf\xc3\xa9", 0 },       /* two-byte characters are looked at one by one */
		{ "武汉\r\n隔离", 0 },
	};
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
		decode_bytes((const unsigned char *)plain[i].text, strlen(plain[i].text), &d, &why);
		is_int(d.plain, plain[i].plain, "plain text, or not: case %zu", i);
		decoded_free(&d);
	}
	return done_testing();
}
