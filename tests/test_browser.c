/* $BROWSER read as the convention has it, and which URLs are opened. */
#include <stdio.h>
#include <string.h>

#include "core/browser.h"
#include "tests/tap.h"

/* The commands as "a b c | d e" for comparison. */
static const char *commands(const char *env, const char *url)
{
	static char out[512];
	struct browser_cmd c[8];
	int n = browser_commands(env, url, c, 8);
	out[0] = 0;
	for (int k = 0; k < n; k++) {
		for (int i = 0; c[k].argv[i]; i++)
			snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " " : k ? " | " : "", c[k].argv[i]);
		browser_cmd_free(&c[k]);
	}
	return out;
}

int main(void)
{
	const char *u = "https://example.cn/a?b=1";
	is_str(commands(NULL, u), "xdg-open https://example.cn/a?b=1", "no BROWSER: xdg-open");
	is_str(commands("", u), "xdg-open https://example.cn/a?b=1", "an empty BROWSER is none");
	is_str(commands("firefox --new-window", u), "firefox --new-window https://example.cn/a?b=1",
	       "a program with arguments, split without a shell");
	is_str(commands("lynx:w3m", u), "lynx https://example.cn/a?b=1 | w3m https://example.cn/a?b=1",
	       "a :-separated list, tried in turn");
	is_str(commands("open -u %s --tag=100%%", u), "open -u https://example.cn/a?b=1 --tag=100%",
	       "%%s is the URL and %%%% a %%");
	is_str(commands(" : chromium ", u), "chromium https://example.cn/a?b=1", "blank entries are skipped");
	ok(browser_url_ok("https://a.cn") && browser_url_ok("HTTP://A.CN") && !browser_url_ok("file:///etc/passwd") &&
		   !browser_url_ok("javascript:alert(1)"),
	   "only http: and https: addresses are opened, in any case");
	return done_testing();
}
