/* Files the program keeps for the user: where they live ($XDG_*_HOME/epinews),
 * creating their directories, and writing them whole or not at all. */
#ifndef EPINEWS_FILES_H
#define EPINEWS_FILES_H
#include <stddef.h>

/* "$ENV/epinews/NAME", or "$HOME/FALLBACK/epinews/NAME" when ENV is unset or not
 * absolute, into buf. NULL when neither names a directory or buf is too small. */
const char *xdg_file(const char *env, const char *fallback, const char *name, char *buf, size_t size);
/* Create the directories above path (mode 0700). 0, or -1 with errno. */
int make_parent_dirs(const char *path);
/* The first directory of path's that is not a directory, into buf; or NULL. */
const char *not_a_dir(const char *path, char *buf, size_t size);
/* fsync the directory that holds path (after a rename into it). */
void sync_parent_dir(const char *path);
/* Remove PATH.PID.tmp files whose writer (process PID) no longer exists: what a
 * writer killed mid-way leaves. */
void remove_dead_tmp(const char *path);
/* Write data to path through PATH.PID.tmp, fsync, rename and fsync the
 * directory (removing the temporary files of dead writers first). Without `replace`,
 * an existing file is kept and errno is EEXIST (a hard link makes the check and
 * the write one step). 0, or -1 with errno. */
int write_atomic(const char *path, const void *data, size_t len, int replace);

#endif
