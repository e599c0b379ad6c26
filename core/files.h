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
/* Write data to path through PATH.PID.tmp, fsync and rename. Without `replace`,
 * an existing file is kept and errno is EEXIST (a hard link makes the check and
 * the write one step). 0, or -1 with errno. */
int write_atomic(const char *path, const void *data, size_t len, int replace);

#endif
