#include "cli/cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/fields.h"
#include "core/files.h"
#include "core/format.h"
#include "core/json_write.h"
#include "core/recover.h"
#include "core/sanitize.h"
#include "core/searches.h"

void cli_report(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg;
	/* a file's name or a message quoting the input is shown, never obeyed */
	char *p = sanitize_visible_dup(path), *m = sanitize_visible_dup(msg);
	/* whole-file problems point at the start */
	fprintf(stderr, "%s:%llu: %s\n", p, (unsigned long long)(line ? line : 1), m);
	free(p);
	free(m);
}

/* Where JSON records and fields are, for every archive this process loads:
 * the config file's json lines, then --map. */
static struct field_maps maps;

int cli_add_map(const char *spec, const char **why)
{
	return field_maps_add(&maps, "*", spec, why);
}

const struct field_maps *cli_maps(void)
{
	return &maps;
}

void cli_read_config_maps(void)
{
	char path[4096];
	if (!xdg_file("XDG_CONFIG_HOME", ".config", "config", path, sizeof path))
		return;
	FILE *f = fopen(path, "r");
	if (!f)
		return; /* no config file is fine */
	char line[4096];
	for (unsigned long no = 1; fgets(line, sizeof line, f); no++) {
		const char *why;
		if (field_maps_line(&maps, line, &why) < 0)
			cli_report(NULL, path, no, why);
	}
	fclose(f);
}

const struct searches *cli_searches(void)
{
	static struct searches ss; /* the process's, like the maps above */
	static int loaded;
	if (!loaded) {
		loaded = 1;
		struct diag dg = { cli_report, NULL, 0 };
		searches_init(&ss);
		searches_load_user(&ss, &dg);
	}
	return &ss;
}

size_t cli_load(struct archive *ar, char **paths, int npaths)
{
	struct diag dg = { cli_report, NULL, 0 };
	ar->nthreads = corpus_threads();
	ar->maps = &maps;
	archive_load_paths(ar, paths, npaths, &dg);
	archive_assign_ids(ar);
	return ar->n;
}

static int use_cache = 1;
/* the cache's temporary file while it may be written, for on_stop() */
static char guarded_tmp[4096];
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };
static char **self_argv; /* to start again when the cache turns out damaged */
static int wrote;        /* whether any output has gone to stdout */

void cli_set_argv(char **argv)
{
	self_argv = argv;
}

static void say_damaged(const char *file, const char *why, const char *more)
{
	fprintf(stderr, "epinews: cache %s is damaged (%s); removed it%s\n", file, why, more);
}

void cli_restart(const char *file, const char *why)
{
	say_damaged(file, why, "");
	if (self_argv && !getenv(CLI_RESTARTED)) {
		fflush(stderr);
		setenv(CLI_RESTARTED, why, 1);
		execv("/proc/self/exe", self_argv);
	}
	fprintf(stderr, "epinews: stopped; run the command again to rebuild the cache\n");
	exit(EXIT_DAMAGED);
}

void cli_cache_damaged(void *arg, const char *file, const char *why)
{
	(void)arg;
	if (!wrote) /* nothing printed yet: the same command, started again, rebuilds it */
		cli_restart(file, why);
	fflush(stdout);
	say_damaged(file, why, ". The output above is incomplete: run the command again");
	exit(EXIT_DAMAGED);
}

static void on_stop(int sig)
{
	if (guarded_tmp[0])
		unlink(guarded_tmp); /* async-signal-safe, as are the calls below */
	signal(sig, SIG_DFL);
	raise(sig);
}

void cli_guard_cache(const char *file)
{
	guarded_tmp[0] = '\0';
	if (file && !cache_tmp_path(file, guarded_tmp, sizeof guarded_tmp))
		guarded_tmp[0] = '\0';
	for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++) {
		struct sigaction old, sa;
		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		sa.sa_handler = guarded_tmp[0] ? on_stop : SIG_DFL;
		sigaction(stop_signals[i], NULL, &old);
		if (old.sa_handler == SIG_IGN) /* left ignored, as it was given */
			continue;
		sigaction(stop_signals[i], &sa, NULL);
	}
}

void cli_set_cache(int on)
{
	use_cache = on;
}

int cli_cache_on(void)
{
	return use_cache;
}

const char *cli_cache_path(char **paths, int npaths, char *buf, size_t size)
{
	return use_cache ? cache_path(paths, npaths, field_maps_key(&maps), buf, size) : NULL;
}

void cli_open(struct corpus *c, char **paths, int npaths, unsigned need)
{
	struct diag dg = { cli_report, NULL, 0 };
	corpus_init(c);
	c->ar.maps = &maps;
	c->damaged = cli_cache_damaged;
	char buf[4096];
	const char *file = need ? cli_cache_path(paths, npaths, buf, sizeof buf) : NULL;
	if (!file) {
		corpus_load(c, paths, npaths, &dg);
		if (need & NEED_FACTS)
			corpus_build_facts(c);
		if (need & NEED_INDEX)
			corpus_build_index(c);
		return;
	}
	const char *why;
	cli_guard_cache(file);
	int stale = cache_load(c, file, paths, npaths, &dg, &why);
	if (why)
		fprintf(stderr, "epinews: cache %s not used (%s); rebuilt\n", file, why);
	if (stale && c->ar.n && cache_save(c, file) != 0)
		fprintf(stderr, "epinews: cannot write cache %s: %s\n", file, strerror(errno));
	cli_guard_cache(NULL);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "epinews %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'epinews --help'.\n");
	return EXIT_USAGE;
}

void cli_flush(struct strbuf *sb)
{
	if (sb->len) {
		fwrite(sb->s, 1, sb->len, stdout);
		wrote = 1;
	}
	sb_reset(sb);
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

void out_list_line(struct strbuf *sb, const struct article *a)
{
	char date[16];
	sb_addf(sb, "%s\t%s\t%s\t%s\t%s\n", a->id, article_date_text(a, date), or_dash(a->place),
		or_dash(a->source), a->title);
}

void out_article_json(struct strbuf *sb, const struct article *a, int body)
{
	struct jsonw w;
	char date[16];
	jw_begin(&w, sb);
	jw_str(&w, "id", a->id);
	jw_str(&w, "file", a->file);
	jw_int(&w, "offset", (long long)a->offset);
	jw_int(&w, "line", (long long)a->line);
	jw_str(&w, "title", a->title);
	jw_str(&w, "subtitle", a->subtitle);
	jw_str(&w, "original_title", a->orig_title);
	jw_str(&w, "source", a->source);
	jw_str(&w, "place", a->place);
	jw_str(&w, "date", ymd_full(a->date) ? ymd_format(a->date, date) : NULL);
	jw_str(&w, "date_from", ymd_full(a->date) ? date_from_name(ART_GET(a->flags, ART_DATE_FROM_SHIFT)) : NULL);
	jw_str(&w, "source_from", a->source ? source_from_name(ART_GET(a->flags, ART_SOURCE_FROM_SHIFT)) : NULL);
	jw_str(&w, "raw_title", a->raw_title);
	jw_str(&w, "url", a->url);
	jw_str(&w, "format", format_name((enum format)ART_GET(a->flags, ART_FORMAT_SHIFT)));
	jw_int(&w, "paragraphs", (long long)a->npara);
	jw_int(&w, "chars", (long long)article_chars(a));
	jw_bool(&w, "continued", (a->flags & ART_CONTINUED) != 0);
	if (body)
		jw_strn(&w, "body", a->body, a->body_len);
	jw_end(&w);
}

void out_article_text(struct strbuf *sb, const struct article *a)
{
	char date[16];
	sb_addf(sb, "%s\n", a->title);
	if (a->subtitle)
		sb_addf(sb, "subtitle: %s\n", a->subtitle);
	if (a->orig_title)
		sb_addf(sb, "original title: %s\n", a->orig_title);
	if (a->raw_title)
		sb_addf(sb, "raw title: %s\n", a->raw_title);
	const char *sfrom = source_from_name(ART_GET(a->flags, ART_SOURCE_FROM_SHIFT));
	const char *dfrom = date_from_name(ART_GET(a->flags, ART_DATE_FROM_SHIFT));
	if (a->source)
		sb_addf(sb, "source: %s (from %s)\n", a->source, sfrom ? sfrom : "?");
	if (a->place)
		sb_addf(sb, "place: %s\n", a->place);
	if (ymd_full(a->date))
		sb_addf(sb, "date: %s (from %s)\n", ymd_format(a->date, date), dfrom ? dfrom : "?");
	if (a->url)
		sb_addf(sb, "url: %s\n", a->url);
	if (a->flags & ART_CONTINUED)
		sb_adds(sb, "continued: from another page\n");
	sb_addf(sb, "id: %s\n", a->id);
	sb_addf(sb, "format: %s\n", format_name((enum format)ART_GET(a->flags, ART_FORMAT_SHIFT)));
	sb_adds(sb, "file: ");
	sanitize_visible(sb, a->file, strlen(a->file), 1);
	sb_addf(sb, ":%llu (byte %llu)\n", (unsigned long long)a->line,
		(unsigned long long)a->offset);
	for (size_t i = 0; i < a->npara; i++) {
		size_t len;
		const char *p = article_para(a, i, &len);
		sb_addc(sb, '\n');
		sb_add(sb, p, len);
		sb_addc(sb, '\n');
	}
}
