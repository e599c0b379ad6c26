/* A minimal TAP producer for the C unit tests. */
#ifndef EPINEWS_TAP_H
#define EPINEWS_TAP_H
#include <stddef.h>

/* Each check prints "ok N - name" or "not ok N - name" with what differed. */
int ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int is_str(const char *got, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int is_int(long long got, long long want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void skip(const char *why);
/* Print the plan; returns the exit status (failures make it non-zero). */
int done_testing(void);

#endif
