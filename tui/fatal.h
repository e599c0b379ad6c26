/* The terminal given back when the browser dies of a signal.
 *
 * A crash, an abort, a kill or a hang-up would otherwise leave the terminal in
 * the alternate screen with echo off. Installed after the screen is set up, the
 * handler writes what ends the full-screen mode (attributes off, cursor shown,
 * keypad and mouse reports off, the normal screen back) and puts the terminal's
 * modes back as they were before, then passes the signal on to whatever handled
 * it before (a sanitizer's report, ncurses' own clean-up, or the default). */
#ifndef EPINEWS_FATAL_H
#define EPINEWS_FATAL_H
#include <termios.h>

/* `shell`: the terminal's modes before the screen was set up, or NULL. Reads
 * the terminal's strings, so call it once the screen is set up. */
void fatal_guard_install(const struct termios *shell);
/* Leave the signals to their earlier handlers (before endwin). */
void fatal_guard_remove(void);

#endif
