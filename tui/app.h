/* The full-screen browser. */
#ifndef EPINEWS_APP_H
#define EPINEWS_APP_H

/* Open the browser on the given archive paths. Returns the exit status. */
int app_run(int npaths, char **paths);
/* Print the effective options and key bindings (after the config file). */
int app_dump_keys(void);

#endif
