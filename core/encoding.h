/* Turn a file's bytes into clean UTF-8 with '\n' line ends, whatever it was written in:
 * UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK. */
#ifndef EPINEWS_ENCODING_H
#define EPINEWS_ENCODING_H
#include <stddef.h>
#include <stdint.h>

enum encoding { ENC_UTF8, ENC_UTF8_BOM, ENC_UTF16LE, ENC_UTF16BE, ENC_GB18030 };

struct decoded {
	char *text;  /* UTF-8, NUL-terminated, owned */
	size_t len;
	enum encoding enc;
	size_t replaced; /* invalid sequences turned into U+FFFD */
	size_t first_bad; /* where the first of them is in text (bytes), when replaced */
	/* Line map back to the file's own byte offsets. Empty when they are the same. */
	uint64_t *dec_line, *raw_line;
	size_t nlines, caplines;
	int exact_within_line; /* offsets inside a line map one to one */
	/* every byte is LF, printable ASCII or part of a character
	 * utf8_is_plain3 accepts: a trimmed line of it needs no sanitizing */
	int plain;
};

/* Decode raw[0..n). Returns 0, or -1 with *why set (binary data). */
int decode_bytes(const unsigned char *raw, size_t n, struct decoded *out, const char **why);
/* decode_bytes, but *raw is a malloc'd buffer with a NUL at (*raw)[n]: when
 * the text is the bytes unchanged it is taken (*raw becomes NULL) instead of
 * copied. */
int decode_bytes_take(char **raw, size_t n, struct decoded *out, const char **why);
/* The file's line (from 1) that the decoded text's byte offset is on. */
uint64_t decoded_line(const struct decoded *d, size_t dec_off);
/* The file offset of a byte offset in the decoded text. */
uint64_t decoded_raw_offset(const struct decoded *d, uint64_t dec_off);
const char *encoding_name(enum encoding enc);
void decoded_free(struct decoded *d);

#endif
