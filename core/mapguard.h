/* Mapped files that may shrink while they are read.
 *
 * Reading a page of a mapping past the end of its file raises SIGBUS: the file
 * was truncated, copied over or cleaned while in use. A region registered here
 * is guarded: on such a fault inside it, the handler maps zero pages over the
 * whole region and returns, so the read that faulted and every later one see
 * zeros and the process goes on; the region is then marked lost. Its owner asks
 * mapguard_lost() at a safe point and stops using what it read from it (the
 * cache falls back to the files). A SIGBUS anywhere else goes to the handler
 * that was installed before the first region was added.
 *
 * Signal dispositions are process-wide, so this is the one piece of core/ that
 * holds global state: a fixed table of regions, safe to read from a handler. */
#ifndef EPINEWS_MAPGUARD_H
#define EPINEWS_MAPGUARD_H
#include <stddef.h>

/* Guard [base, base + len) (a whole mapping, page aligned). Returns its slot,
 * or -1 when the table is full (the region is then unguarded). */
int mapguard_add(const void *base, size_t len);
/* Stop guarding a slot (before the region is unmapped); -1 is ignored. */
void mapguard_remove(int slot);
/* 1 when the slot's file was found cut short (its region now reads as zeros). */
int mapguard_lost(int slot);
/* 1 when any region was lost since the process started. */
int mapguard_any_lost(void);

#endif
