/* SIGBUS on a guarded mapping: zero pages in its place (mapguard.h). */
#include "mapguard.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

enum { NSLOTS = 32 };
enum region_state { R_FREE, R_GUARDED, R_ZEROING, R_ZEROED, R_FAILED };

struct region {
	atomic_int state;
	_Atomic uintptr_t base;
	_Atomic size_t len;
};

static struct region regions[NSLOTS];
static atomic_int installed, any_lost;
static struct sigaction previous;

/* Give the fault to whoever handled SIGBUS before: put their action back, and
 * either return (a fault repeats at once, now theirs) or raise it again. */
static void pass_on(int sig, siginfo_t *si)
{
	sigaction(SIGBUS, &previous, NULL);
	if (si->si_code <= 0) /* sent by kill() or raise(): it will not repeat */
		raise(sig);
}

static void on_bus(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	int saved = errno;
	uintptr_t a = (uintptr_t)si->si_addr;
	for (int i = 0; i < NSLOTS; i++) {
		struct region *r = &regions[i];
		int st = atomic_load(&r->state);
		if (st == R_FREE)
			continue;
		uintptr_t b = atomic_load(&r->base);
		size_t n = atomic_load(&r->len);
		if (si->si_code <= 0 || a < b || a - b >= n)
			continue;
		int expect = R_GUARDED;
		if (atomic_compare_exchange_strong(&r->state, &expect, R_ZEROING)) {
			/* mmap is a plain system call on Linux, safe here in practice */
			void *p = mmap((void *)b, n, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
			atomic_store(&r->state, p == MAP_FAILED ? R_FAILED : R_ZEROED);
			atomic_store(&any_lost, 1);
			st = atomic_load(&r->state);
		}
		if (st == R_FAILED)
			break;
		errno = saved; /* zeroed, or being zeroed by another thread: read again */
		return;
	}
	pass_on(sig, si);
	errno = saved;
}

int mapguard_add(const void *base, size_t len)
{
	if (!atomic_exchange(&installed, 1)) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_bus;
		sa.sa_flags = SA_SIGINFO;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGBUS, &sa, &previous);
	}
	for (int i = 0; i < NSLOTS; i++) {
		struct region *r = &regions[i];
		int expect = R_FREE;
		/* claimed as zeroing (which the handler passes over) until base and len are set */
		if (atomic_compare_exchange_strong(&r->state, &expect, R_ZEROING)) {
			atomic_store(&r->base, (uintptr_t)base);
			atomic_store(&r->len, len);
			atomic_store(&r->state, R_GUARDED);
			return i;
		}
	}
	return -1;
}

void mapguard_remove(int slot)
{
	if (slot >= 0 && slot < NSLOTS)
		atomic_store(&regions[slot].state, R_FREE);
}

int mapguard_lost(int slot)
{
	if (slot < 0 || slot >= NSLOTS)
		return 0;
	int st = atomic_load(&regions[slot].state);
	return st == R_ZEROED || st == R_FAILED;
}

int mapguard_any_lost(void)
{
	return atomic_load(&any_lost);
}
