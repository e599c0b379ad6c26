/* Worker threads that never take the process's signals. A signal sent to the
 * process (SIGWINCH, SIGTSTP, SIGINT...) goes to a thread that does not block it;
 * the browser handles them in its key loop, so every thread the library starts
 * blocks them all and leaves them to the thread that waits for keys. */
#ifndef EPINEWS_THREAD_H
#define EPINEWS_THREAD_H
#include <pthread.h>

/* pthread_create(th, NULL, fn, arg) with every signal blocked in the new thread.
 * Returns pthread_create's result: 0 when the thread runs. */
int thread_start(pthread_t *th, void *(*fn)(void *), void *arg);

#endif
