/* Diagnostics: one line per problem, "path:line: reason", through a caller-chosen sink. */
#ifndef EPINEWS_DIAG_H
#define EPINEWS_DIAG_H
#include <stdint.h>

struct diag {
	/* line 0 means the whole file */
	void (*report)(void *arg, const char *path, uint64_t line, const char *msg);
	void *arg;
	unsigned count;
};

void diag_report(struct diag *dg, const char *path, uint64_t line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
