#include "tests/tap.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int n_tests, n_failed;

static void line(int pass, const char *fmt, va_list ap)
{
	printf("%sok %d - ", pass ? "" : "not ", ++n_tests);
	vprintf(fmt, ap);
	putchar('\n');
	if (!pass)
		n_failed++;
}

int ok(int cond, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	line(cond, fmt, ap);
	va_end(ap);
	return cond;
}

int is_str(const char *got, const char *want, const char *fmt, ...)
{
	int pass = (got == NULL && want == NULL) || (got && want && strcmp(got, want) == 0);
	va_list ap;
	va_start(ap, fmt);
	line(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:      %s%s%s\n#   expected: %s%s%s\n", got ? "\"" : "",
		       got ? got : "NULL", got ? "\"" : "", want ? "\"" : "", want ? want : "NULL",
		       want ? "\"" : "");
	return pass;
}

int is_int(long long got, long long want, const char *fmt, ...)
{
	int pass = got == want;
	va_list ap;
	va_start(ap, fmt);
	line(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:      %lld\n#   expected: %lld\n", got, want);
	return pass;
}

void skip(const char *why)
{
	printf("ok %d # SKIP %s\n", ++n_tests, why);
}

int done_testing(void)
{
	printf("1..%d\n", n_tests);
	return n_failed ? 1 : 0;
}
