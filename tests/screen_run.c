/* Run a program on a pseudo-terminal, read what it draws back through a
 * terminal emulator (libvterm), feed it keys from a script and print whole
 * screens. The browser's screen tests compare these with screens kept beside
 * them (tests/screens.sh), with no real terminal involved.
 *
 * usage: screen-run COLS ROWS SCRIPT PROGRAM [ARG...]
 *
 * SCRIPT lines:
 *   keys TEXT       type TEXT (\r \e \t \\ \xHH escapes; \e[A etc. for arrows)
 *   wait TEXT       until the screen shows TEXT (15 s at most, else exit 1)
 *   resize C R      set the terminal's size (the program gets SIGWINCH)
 *   snap LABEL      once the output settles, print the screen under "=== LABEL",
 *                   each row after a '>' when it shows a selection or the
 *                   status line (see row_marked), else a blank
 *   # ...           a comment
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

struct term {
	VTerm *vt;
	VTermScreen *screen;
	int fd, rows, cols;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* What the terminal answers (cursor reports and the like) goes back to the program. */
static void answer(const char *s, size_t len, void *user)
{
	struct term *t = user;
	while (len) {
		ssize_t n = write(t->fd, s, len);
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

/* Read what is there within `ms` milliseconds: 1 when something came, 0 when
 * nothing, -1 when the program's side closed. */
static int pump(struct term *t, int ms)
{
	struct pollfd p = { t->fd, POLLIN, 0 };
	int r = poll(&p, 1, ms);
	if (r <= 0)
		return 0;
	char buf[65536];
	ssize_t n = read(t->fd, buf, sizeof buf);
	if (n <= 0)
		return -1;
	vterm_input_write(t->vt, buf, (size_t)n);
	return 1;
}

/* Until nothing has come for 300 ms (10 s at most). */
static void settle(struct term *t)
{
	double end = now() + 10;
	while (now() < end)
		if (pump(t, 300) <= 0)
			return;
}

static void utf8(char **o, uint32_t c)
{
	char *p = *o;
	if (c < 0x80) {
		*p++ = (char)c;
	} else if (c < 0x800) {
		*p++ = (char)(0xC0 | c >> 6);
		*p++ = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		*p++ = (char)(0xE0 | c >> 12);
		*p++ = (char)(0x80 | (c >> 6 & 0x3F));
		*p++ = (char)(0x80 | (c & 0x3F));
	} else {
		*p++ = (char)(0xF0 | c >> 18);
		*p++ = (char)(0x80 | (c >> 12 & 0x3F));
		*p++ = (char)(0x80 | (c >> 6 & 0x3F));
		*p++ = (char)(0x80 | (c & 0x3F));
	}
	*o = p;
}

/* Row r as UTF-8, trailing blanks dropped. */
static void row_text(const struct term *t, int r, char *out, size_t size)
{
	char *o = out, *last = out;
	for (int c = 0; c < t->cols && (size_t)(o - out) + 32 < size;) {
		VTermScreenCell cell;
		vterm_screen_get_cell(t->screen, (VTermPos){ r, c }, &cell);
		if (!cell.chars[0]) {
			*o++ = ' ';
		} else {
			for (int k = 0; k < VTERM_MAX_CHARS_PER_CELL && cell.chars[k]; k++)
				utf8(&o, cell.chars[k]);
			if (cell.chars[0] != ' ')
				last = o;
		}
		c += cell.width > 1 ? cell.width : 1;
	}
	*last = '\0';
}

static int shows(const struct term *t, const char *text)
{
	char row[4096];
	for (int r = 0; r < t->rows; r++) {
		row_text(t, r, row, sizeof row);
		if (strstr(row, text))
			return 1;
	}
	return 0;
}

/* Does row r have a printable ASCII character drawn on a colour or in reverse
 * (a selection, the status line)? Wide characters are left out: libvterm can
 * keep a stale pen on them where a real terminal does not (tmux agrees with
 * ncurses there), so they would mark rows that are not marked. */
static int row_marked(const struct term *t, int r)
{
	for (int c = 0; c < t->cols; c++) {
		VTermScreenCell cell;
		vterm_screen_get_cell(t->screen, (VTermPos){ r, c }, &cell);
		if (cell.chars[0] > ' ' && cell.chars[0] < 0x7f && cell.width == 1 &&
		    (cell.attrs.reverse || !VTERM_COLOR_IS_DEFAULT_BG(&cell.bg)))
			return 1;
	}
	return 0;
}

/* Each row after one column that says whether it holds a selection or the
 * like ('>') or not (' '): the selection shows in the text. */
static void print_screen(const struct term *t, FILE *f)
{
	char row[4096];
	for (int r = 0; r < t->rows; r++) {
		row_text(t, r, row, sizeof row);
		fprintf(f, "%c%s\n", row_marked(t, r) ? '>' : ' ', row);
	}
}

/* \r \n \e \t \\ \xHH in place. */
static size_t unescape(char *s)
{
	char *o = s;
	for (const char *p = s; *p; p++) {
		if (*p != '\\' || !p[1]) {
			*o++ = *p;
			continue;
		}
		switch (*++p) {
		case 'r': *o++ = '\r'; break;
		case 'n': *o++ = '\n'; break;
		case 'e': *o++ = 27; break;
		case 't': *o++ = '\t'; break;
		case 's': *o++ = ' '; break;
		case 'x': {
			char hex[3] = { p[1], p[1] ? p[2] : 0, 0 };
			*o++ = (char)strtol(hex, NULL, 16);
			p += 2;
			break;
		}
		default: *o++ = *p; break;
		}
	}
	return (size_t)(o - s);
}

static void set_size(struct term *t, int cols, int rows)
{
	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
	t->rows = rows;
	t->cols = cols;
	vterm_set_size(t->vt, rows, cols);
	ioctl(t->fd, TIOCSWINSZ, &ws);
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: screen-run COLS ROWS SCRIPT PROGRAM [ARG...]\n");
		return 2;
	}
	struct term t = { 0 };
	t.cols = atoi(argv[1]);
	t.rows = atoi(argv[2]);
	FILE *script = fopen(argv[3], "r");
	if (!script || t.cols < 1 || t.rows < 1) {
		fprintf(stderr, "screen-run: %s: %s\n", argv[3], script ? "bad size" : strerror(errno));
		return 2;
	}
	struct winsize ws = { (unsigned short)t.rows, (unsigned short)t.cols, 0, 0 };
	pid_t pid = forkpty(&t.fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("screen-run: forkpty");
		return 2;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[4], argv + 4);
		perror(argv[4]);
		_exit(127);
	}
	t.vt = vterm_new(t.rows, t.cols);
	vterm_set_utf8(t.vt, 1);
	vterm_output_set_callback(t.vt, answer, &t);
	t.screen = vterm_obtain_screen(t.vt);
	vterm_screen_reset(t.screen, 1);

	char line[4096];
	int status = 0;
	unsigned lineno = 0;
	while (fgets(line, sizeof line, script)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		char *arg = strchr(line, ' ');
		arg = arg ? arg + 1 : line + strlen(line);
		if (!line[0] || line[0] == '#')
			continue;
		if (!strncmp(line, "keys ", 5)) {
			settle(&t); /* one step at a time, as a person types */
			size_t n = unescape(arg);
			answer(arg, n, &t);
		} else if (!strncmp(line, "wait ", 5)) {
			double end = now() + 15;
			while (!shows(&t, arg) && now() < end)
				if (pump(&t, 100) < 0)
					break;
			if (!shows(&t, arg)) {
				fprintf(stderr, "%s:%u: the screen never showed \"%s\"; it shows:\n", argv[3], lineno, arg);
				print_screen(&t, stderr);
				status = 1;
				break;
			}
		} else if (!strncmp(line, "resize ", 7)) {
			int c, r;
			if (sscanf(arg, "%d %d", &c, &r) != 2 || c < 1 || r < 1) {
				fprintf(stderr, "%s:%u: resize needs COLS ROWS\n", argv[3], lineno);
				status = 2;
				break;
			}
			settle(&t);
			set_size(&t, c, r);
		} else if (!strncmp(line, "snap ", 5)) {
			settle(&t);
			printf("=== %s (%dx%d)\n", arg, t.cols, t.rows);
			print_screen(&t, stdout);
		} else {
			fprintf(stderr, "%s:%u: unknown step: %s\n", argv[3], lineno, line);
			status = 2;
			break;
		}
	}
	fclose(script);
	kill(pid, SIGTERM);
	int reaped = 0;
	for (int i = 0; i < 50 && !reaped; i++) { /* let it restore the terminal and exit */
		pump(&t, 20);
		reaped = waitpid(pid, NULL, WNOHANG) == pid;
	}
	if (!reaped) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	vterm_free(t.vt);
	return status;
}
