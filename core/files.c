#include "files.h"

#include <errno.h>
#include <fcntl.h>
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
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = -1;
	}
	free(dir);
	return rc;
}

int write_atomic(const char *path, const void *data, size_t len, int replace)
{
	struct stat st;
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
	errno = err;
	return err ? -1 : 0;
}
