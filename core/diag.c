#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

void diag_report(struct diag *dg, const char *path, uint64_t line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!dg)
		return;
	dg->count++;
	if (dg->report)
		dg->report(dg->arg, path, line, msg);
}
