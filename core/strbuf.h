/* A growable byte string, always NUL-terminated. The caller owns `s`. */
#ifndef EPINEWS_STRBUF_H
#define EPINEWS_STRBUF_H
#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *s;
	size_t len, cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_reserve(struct strbuf *sb, size_t extra);
void sb_add(struct strbuf *sb, const void *p, size_t n);
void sb_addc(struct strbuf *sb, char c);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append the UTF-8 encoding of a code point. */
void sb_addcp(struct strbuf *sb, uint32_t cp);
void sb_reset(struct strbuf *sb);
/* Hand the buffer to the caller (never NULL) and reset sb. */
char *sb_detach(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
