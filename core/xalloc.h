/* Allocation that never returns NULL: on exhaustion the program says so and exits. */
#ifndef EPINEWS_XALLOC_H
#define EPINEWS_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array to hold at least `need` elements of `size` bytes; *cap is updated. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
/* n bytes at an address that is a multiple of align (a power of two); free() it. */
void *xaligned(size_t align, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
