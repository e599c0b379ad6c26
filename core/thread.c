#include "thread.h"

#include <signal.h>

int thread_start(pthread_t *th, void *(*fn)(void *), void *arg)
{
	sigset_t all, old;
	sigfillset(&all);
	/* a new thread inherits the mask of the one that creates it */
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int r = pthread_create(th, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return r;
}
