/* Loading from the file system: directories, ids, dates, and every bad-input case
 * giving its message while the rest of the archive loads. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/archive.h"
#include "core/strbuf.h"
#include "tests/tap.h"

static struct strbuf msgs = STRBUF_INIT;

static void collect(void *arg, const char *path, uint64_t line, const char *msg)
{
	(void)arg;
	const char *base = strrchr(path, '/');
	sb_addf(&msgs, "%s:%llu: %s\n", base ? base + 1 : path, (unsigned long long)line, msg);
}

static char dir[256];

static void put(const char *name, const void *data, size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
}

static void puts_file(const char *name, const char *text)
{
	put(name, text, strlen(text));
}

int main(void)
{
	struct diag dg = { collect, NULL, 0 };
	struct archive ar;
	char path[512];

	/* a cached file with no article adds none, even to an empty archive (found
	 * by the cache fuzzer: the state array was still NULL) */
	archive_init(&ar);
	archive_add_lazy(&ar, 0);
	ok(ar.n == 0 && ar.lazy.n == 0, "no lazy articles added to an empty archive: still empty");
	archive_add_lazy(&ar, 2);
	ok(ar.n == 2 && ar.lazy.n == 2, "then two: two lazy articles");
	archive_free(&ar);

	snprintf(dir, sizeof dir, "%s/epinews-test-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return done_testing();
	}
	puts_file("a.txt", ">>>甲文章\n新华社江城2月5日电 正文。\n===NEXT NEWS===\n>>>乙文章\n正文二。\n");
	puts_file("b.json", "{\"title\": \"丙文章\", \"text\": \"正文三。\", \"date\": \"2020-02-09\"}\n");
	puts_file(".hidden.txt", ">>>隐藏文章\n不应读取。\n");
	puts_file("empty.txt", "");
	unsigned char junk[1024];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (unsigned char)(i * 31 + 7);
	junk[10] = 0;
	put("junk.bin", junk, sizeof junk);
	puts_file("locked.txt", ">>>锁住的文章\n读不到。\n");
	snprintf(path, sizeof path, "%s/locked.txt", dir);
	chmod(path, 0);
	int root = access(path, R_OK) == 0; /* root reads it anyway */
	snprintf(path, sizeof path, "%s/sub", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/sub/c.txt", dir);
	FILE *f = fopen(path, "w");
	fputs("标题丁\n正文四，2月7日，江城新增确诊病例3例。\n", f);
	fclose(f);
	char link[512];
	snprintf(link, sizeof link, "%s/sub/loop", dir);
	symlink(dir, link);
	snprintf(path, sizeof path, "%s/sub/emptydir", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/fifo", dir);
	mkfifo(path, 0644);

	archive_init(&ar);
	archive_load(&ar, dir, &dg);
	archive_assign_ids(&ar);
	if (!is_int((long long)ar.n, root ? 5 : 4, "directory: every readable article loads, hidden files skipped")) {
		for (size_t i = 0; i < ar.n; i++)
			printf("#   loaded: %s\n", ar.art[i].title);
		printf("#   messages:\n%s", msgs.s);
	}
	is_str(ar.art[0].title, "甲文章", "directory: files in name order, articles in file order");
	ok(strstr(msgs.s, "empty.txt:0: empty file") != NULL, "empty file: reported");
	ok(strstr(msgs.s, "junk.bin:0: binary data") != NULL, "binary file: reported");
	ok(strstr(msgs.s, "fifo:0: not a regular file") != NULL, "FIFO: reported, never opened for a blocking read");
	ok(strstr(msgs.s, "loop:0: symbolic link loop") != NULL, "symlink loop: reported");
	if (root)
		skip("running as root: an unreadable file cannot be made");
	else
		ok(strstr(msgs.s, "locked.txt:0: cannot open") != NULL, "unreadable file: reported");
	ok(strstr(msgs.s, "隐藏") == NULL, "hidden entries are not read");

	/* stable ids: the same article gets the same id whatever is loaded beside it */
	char id_alone[24], id_with[24];
	struct archive one;
	archive_init(&one);
	snprintf(path, sizeof path, "%s/b.json", dir);
	archive_load(&one, path, &dg);
	archive_assign_ids(&one);
	strcpy(id_alone, one.art[0].id);
	archive_free(&one);
	for (size_t i = 0; i < ar.n; i++)
		if (!strcmp(ar.art[i].title, "丙文章"))
			strcpy(id_with, ar.art[i].id);
	is_str(id_with, id_alone, "id: the same with or without other files loaded");
	is_int((long long)strlen(id_alone), 8, "id: 8 hex digits");

	int amb;
	ok(archive_find(&ar, id_alone, &amb) != NULL, "find: by full id");
	char prefix[8];
	memcpy(prefix, id_alone, 5);
	prefix[5] = 0;
	ok(archive_find(&ar, prefix, &amb) != NULL, "find: by a unique 5-digit prefix");
	ok(archive_find(&ar, "zzzzzzzz", &amb) == NULL, "find: unknown id gives NULL");
	archive_free(&ar);

	/* a reprint: the same text twice gets id and id-2 */
	archive_init(&ar);
	const char *twice = ">>>同一篇\n正文。\n===NEXT NEWS===\n>>>同一篇\n正文。\n";
	archive_load_buffer(&ar, "twice.txt", (const unsigned char *)twice, strlen(twice), &dg);
	archive_assign_ids(&ar);
	ok(ar.n == 2 && strlen(ar.art[0].id) == 8 && !strncmp(ar.art[1].id, ar.art[0].id, 8) &&
		   !strcmp(ar.art[1].id + 8, "-2"),
	   "id: an identical reprint gets the same id with -2 (%s, %s)", ar.art[0].id, ar.art[1].id);
	archive_free(&ar);

	/* dateline dates take their year from the file's other dated articles */
	archive_init(&ar);
	const char *mixed = "{\"title\": \"有日期\", \"text\": \"正文。\", \"date\": \"2021-01-10\"}\n"
			    "{\"title\": \"无年份\", \"text\": \"新华社江城1月12日电 正文。\"}\n";
	archive_load_buffer(&ar, "m.json", (const unsigned char *)mixed, strlen(mixed), &dg);
	char d[16];
	is_str(ymd_format(ar.art[1].date, d), "2021-01-12", "date: a dateline takes the year of the file's other dates");
	archive_free(&ar);
	archive_init(&ar);
	const char *noyear = ">>>无年份\n新华社江城1月12日电 正文。\n";
	archive_load_buffer(&ar, "n.txt", (const unsigned char *)noyear, strlen(noyear), &dg);
	is_str(ymd_format(ar.art[0].date, d), "-", "date: no year anywhere means unknown, never invented");
	is_int(ar.art[0].dateline.m * 100 + ar.art[0].dateline.d, 112, "date: the dateline's month and day are kept");
	archive_free(&ar);

	/* one line of 8 MB loads */
	size_t big = 8u << 20;
	char *huge = malloc(big + 64);
	strcpy(huge, "{\"title\": \"长文\", \"text\": \"");
	size_t k = strlen(huge);
	while (k + 3 < big) {
		memcpy(huge + k, "字", 3);
		k += 3;
	}
	strcpy(huge + k, "\"}");
	archive_init(&ar);
	archive_load_buffer(&ar, "huge.json", (const unsigned char *)huge, strlen(huge), &dg);
	ok(ar.n == 1 && ar.art[0].body_len > (8u << 20) - 64, "a single 8 MB JSON line loads");
	archive_free(&ar);
	free(huge);

	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	if (system(path) != 0)
		ok(0, "cleanup");
	sb_free(&msgs);
	return done_testing();
}
