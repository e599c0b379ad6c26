#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

const char *xdg_file(const char *env, const char *fallback, const char *name, char *buf, size_t size)
{
	const char *xdg = getenv(env), *home = getenv("HOME");
	int n;
	if (xdg && xdg[0] == '/')
		n = snprintf(buf, size, "%s/epinews/%s", xdg, name);
	else if (home && home[0] == '/')
		n = snprintf(buf, size, "%s/%s/epinews/%s", home, fallback, name);
	else
		return NULL;
	return n > 0 && (size_t)n < size ? buf : NULL;
}

int make_parent_dirs(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = 0;
	if (slash && slash != dir) {
		*slash = 0;
		for (char *p = dir + 1; *p; p++)
			if (*p == '/') {
				*p = 0;
				mkdir(dir, 0700);
				*p = '/';
			}
		struct stat st;
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = -1;
		else if (stat(dir, &st) != 0)
			rc = -1;
		else if (!S_ISDIR(st.st_mode)) /* a file where the directory should be */
			rc = -1, errno = ENOTDIR;
	}
	free(dir);
	return rc;
}

const char *not_a_dir(const char *path, char *buf, size_t size)
{
	size_t n = strlen(path);
	if (n >= size)
		return NULL;
	memcpy(buf, path, n + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		struct stat st;
		*p = 0;
		if (stat(buf, &st) == 0 && !S_ISDIR(st.st_mode))
			return buf;
		*p = '/';
	}
	return NULL;
}

void sync_parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == path ? xstrdup("/") : slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd); /* some file systems cannot: the rename itself stands */
		close(fd);
	}
	free(dir);
}

void remove_dead_tmp(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == path ? xstrdup("/") : slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	const char *base = slash ? slash + 1 : path;
	size_t bl = strlen(base);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		const char *nm = e->d_name;
		char *end;
		if (strncmp(nm, base, bl) != 0 || nm[bl] != '.')
			continue;
		long pid = strtol(nm + bl + 1, &end, 10);
		if (pid <= 0 || strcmp(end, ".tmp") != 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) != 0 && errno == ESRCH) { /* its writer is gone */
			size_t pn = strlen(dir) + strlen(nm) + 2;
			char *p = xmalloc(pn);
			snprintf(p, pn, "%s/%s", dir, nm);
			unlink(p);
			free(p);
		}
	}
	if (d)
		closedir(d);
	free(dir);
}

int write_atomic(const char *path, const void *data, size_t len, int replace)
{
	struct stat st;
	remove_dead_tmp(path);
	if (!replace && lstat(path, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	size_t tn = strlen(path) + 32;
	char *tmp = xmalloc(tn);
	snprintf(tmp, tn, "%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, replace ? 0600 : 0644);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	const char *p = data;
	size_t done = 0;
	int err = 0;
	while (done < len) {
		ssize_t w = write(fd, p + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			err = errno ? errno : EIO;
			break;
		}
		done += (size_t)w;
	}
	if (!err && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err) {
		if (replace) {
			if (rename(tmp, path) != 0)
				err = errno;
		} else if (link(tmp, path) != 0) {
			err = errno;
			/* a file system without hard links: check, then rename */
			if (err != EEXIST && lstat(path, &st) != 0)
				err = rename(tmp, path) == 0 ? 0 : errno;
		}
	}
	unlink(tmp);
	free(tmp);
	if (!err)
		sync_parent_dir(path); /* the rename, too, survives a crash */
	errno = err;
	return err ? -1 : 0;
}
