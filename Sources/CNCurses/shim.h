#ifndef CLUSTERDECK_CNCURSES_SHIM_H
#define CLUSTERDECK_CNCURSES_SHIM_H

/* The wide-character API (cchar_t, setcchar, wadd_wchnstr, wget_wch) is hidden unless these are set. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <wchar.h>
#include <curses.h>
/* term.h defines lower-case macros such as `lines` and `columns`: no code below may use those names. */
#include <term.h>

/*
 * Accessors for what Swift cannot import: function-like macros (A_*, getmaxyx) and C mutable globals
 * (stdscr, curscr, stdout, stdin, cur_term), which Swift 6 rejects as not concurrency-safe.
 * Every value comes from the real header rather than being copied into Swift.
 */

static inline WINDOW *cd_stdscr(void) { return stdscr; }
static inline FILE *cd_stdout(void) { return stdout; }
static inline FILE *cd_stdin(void) { return stdin; }

static inline attr_t cd_attr_bold(void) { return A_BOLD; }
static inline attr_t cd_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cd_attr_dim(void) { return A_DIM; }
static inline attr_t cd_attr_underline(void) { return A_UNDERLINE; }

static inline int cd_colors(void) { return COLORS; }

static inline int cd_max_y(void) {
    int y, x;
    getmaxyx(stdscr, y, x);
    (void)x;
    return y;
}

static inline int cd_max_x(void) {
    int y, x;
    getmaxyx(stdscr, y, x);
    (void)y;
    return x;
}

/* Makes the next doupdate repaint the whole screen (after a resize or when output was disturbed). */
static inline int cd_clear_on_next_update(void) { return clearok(curscr, TRUE); }

/*
 * Copies `count` cells to row `y` of stdscr starting at column `x`, without moving the cursor or wrapping.
 * Cell i shows the code point `scalars[i]`; its look is entry `styles[i]` of the attribute and colour-pair
 * tables. wadd_wchnstr never advances the cursor, so writing the bottom-right cell cannot scroll or fail.
 * Returns ERR if any chunk could not be written.
 */
static inline int cd_put_cells(int y, int x, const uint32_t *scalars, const uint16_t *styles, int count,
                               const attr_t *attrTable, const short *pairTable) {
    enum { chunk = 256 };
    cchar_t run[chunk];
    int result = OK;
    for (int start = 0; start < count; start += chunk) {
        int n = count - start < chunk ? count - start : chunk;
        for (int i = 0; i < n; i++) {
            wchar_t text[2] = { (wchar_t)scalars[start + i], 0 };
            uint16_t s = styles[start + i];
            setcchar(&run[i], text, attrTable[s], pairTable[s], NULL);
        }
        if (mvwadd_wchnstr(stdscr, y, x + start, run, n) == ERR) result = ERR;
    }
    return result;
}

/* A terminfo string capability, or NULL when the terminal lacks it (tigetstr's (char *)-1 included). */
static inline const char *cd_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

/*
 * Loads the terminfo entry for `term` without writing anything to any stream and reports whether
 * curses can drive it: 0 usable, 1 unknown terminal, 2 no terminfo database, 3 hardcopy or cannot
 * move the cursor (no `cup`, e.g. TERM=dumb). The entry is released again.
 */
static inline int cd_check_terminfo(const char *term, int fd) {
    int error = 0;
    if (setupterm(term, fd, &error) != OK) {
        if (error == -1) return 2;
        if (error == 1) return 3;
        return 1;
    }
    int usable = cd_terminfo_string("cup") != NULL;
    del_curterm(cur_term);
    return usable ? 0 : 3;
}

/* Whether the current LC_CTYPE encodes text as UTF-8 (curses draws box characters blank otherwise). */
static inline int cd_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* The signature of an SA_SIGINFO handler. */
typedef void (*cd_signal_handler)(int, siginfo_t *, void *);

/* Installs `handler` for `sig` with SA_SIGINFO (nothing blocked extra), saving the old action in `old`. */
static inline int cd_install_signal(int sig, cd_signal_handler handler, struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO;
    return sigaction(sig, &action, old);
}

/* Whether a saved action is "ignore" (then the signal should stay ignored, as under nohup). */
static inline int cd_action_is_ignore(const struct sigaction *action) {
    return !(action->sa_flags & SA_SIGINFO) && action->sa_handler == SIG_IGN;
}

/* Puts back an action saved by cd_install_signal. Async-signal-safe. */
static inline int cd_restore_signal(int sig, const struct sigaction *old) {
    return sigaction(sig, old, NULL);
}

#endif
