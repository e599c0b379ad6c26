/* Restore the terminal on fatal signals (fatal.h). Everything the handler uses
 * is prepared beforehand; it calls only write, tcsetattr, sigaction and raise. */
#include "fatal.h"

#include <curses.h>
#include <signal.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS,
				     SIGTERM, SIGHUP, SIGQUIT, SIGINT };
enum { NFATAL = sizeof fatal_signals / sizeof *fatal_signals };

/* the process's one terminal: state of the signal handler, by nature global */
static struct sigaction previous[NFATAL];
static char reset[256];
static size_t reset_len;
static struct termios shell_modes;
static int have_shell, installed;

static int is_fault(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL || sig == SIGTRAP || sig == SIGSYS;
}

static void on_fatal(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (reset_len && write(STDOUT_FILENO, reset, reset_len) < 0) {
		/* nothing more can be done for the terminal */
	}
	if (have_shell)
		tcsetattr(STDIN_FILENO, TCSANOW, &shell_modes);
	reset_len = 0, have_shell = 0; /* once */
	for (int i = 0; i < NFATAL; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &previous[i], NULL);
	/* a fault returns and repeats at once, now for the earlier handler; a
	 * signal that was sent is sent again */
	if (!is_fault(sig) || si->si_code <= 0)
		raise(sig);
}

static void add_cap(const char *name)
{
	char *s = tigetstr(name);
	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (reset_len + n < sizeof reset) {
		memcpy(reset + reset_len, s, n);
		reset_len += n;
	}
}

void fatal_guard_install(const struct termios *shell)
{
	reset_len = 0;
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmkx");
	static const char mouse_off[] = "\033[?1006l\033[?1002l\033[?1000l";
	if (reset_len + sizeof mouse_off - 1 < sizeof reset) {
		memcpy(reset + reset_len, mouse_off, sizeof mouse_off - 1);
		reset_len += sizeof mouse_off - 1;
	}
	add_cap("rmcup");
	have_shell = shell != NULL;
	if (shell)
		shell_modes = *shell;
	for (int i = 0; i < NFATAL; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_fatal;
		sa.sa_flags = SA_SIGINFO;
		sigemptyset(&sa.sa_mask);
		sigaction(fatal_signals[i], NULL, &previous[i]);
		if (previous[i].sa_handler == SIG_IGN) /* left ignored, as it was given */
			continue;
		sigaction(fatal_signals[i], &sa, NULL);
	}
	installed = 1;
}

void fatal_guard_remove(void)
{
	if (!installed)
		return;
	for (int i = 0; i < NFATAL; i++) {
		struct sigaction now;
		sigaction(fatal_signals[i], NULL, &now);
		if ((now.sa_flags & SA_SIGINFO) && now.sa_sigaction == on_fatal)
			sigaction(fatal_signals[i], &previous[i], NULL);
	}
	installed = 0;
	reset_len = 0, have_shell = 0; /* a handler still chained to on_fatal passes through */
}
