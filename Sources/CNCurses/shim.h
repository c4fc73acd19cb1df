#ifndef CLUSTERDECK_CNCURSES_SHIM_H
#define CLUSTERDECK_CNCURSES_SHIM_H

/* The wide-character API (cchar_t, setcchar, wadd_wchnstr, wget_wch) is hidden unless these are set. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <pthread.h>
#include <langinfo.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
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

/* Flags for cd_install_signal: restart interrupted system calls (for handlers that only record the signal). */
static inline int cd_signal_flag_restart(void) { return SA_RESTART; }
/* Flags for cd_install_signal: run on the alternate signal stack if the thread has one (survives a stack overflow). */
static inline int cd_signal_flag_on_stack(void) { return SA_ONSTACK; }

/*
 * Installs `handler` for `sig` with SA_SIGINFO plus `extra_flags` (nothing blocked extra), saving the old
 * action in `old`.
 */
static inline int cd_install_signal(int sig, cd_signal_handler handler, int extra_flags, struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO | extra_flags;
    return sigaction(sig, &action, old);
}

/*
 * The real-time signals an application may use (SIGRTMIN is a function call in glibc, which keeps the
 * first few for its threads), or 0 and -1 where there are none.
 */
static inline int cd_signal_rt_min(void) {
#ifdef SIGRTMIN
    return SIGRTMIN;
#else
    return 0;
#endif
}

static inline int cd_signal_rt_max(void) {
#ifdef SIGRTMAX
    return SIGRTMAX;
#else
    return -1;
#endif
}

/* Reads the current action of `sig` into `current` without changing it. */
static inline int cd_query_signal(int sig, struct sigaction *current) {
    return sigaction(sig, NULL, current);
}

/* Whether a saved action is "ignore" (then the signal should stay ignored, as under nohup). */
static inline int cd_action_is_ignore(const struct sigaction *action) {
    return !(action->sa_flags & SA_SIGINFO) && action->sa_handler == SIG_IGN;
}

/* Puts back an action saved by cd_install_signal. Async-signal-safe. */
static inline int cd_restore_signal(int sig, const struct sigaction *old) {
    return sigaction(sig, old, NULL);
}

/*
 * Ends the process with `sig` from inside its handler, after the handler has put back the action that was
 * there before: raises it at once (unblocked), so that action runs now; if it returns (the Swift runtime's
 * backtracer does), raises it again with the default action; _exit(128 + sig) if even that returns.
 * Async-signal-safe.
 */
static inline void cd_raise_until_dead(int sig) {
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    sigemptyset(&fallback.sa_mask);
    fallback.sa_handler = SIG_DFL;
    sigaction(sig, &fallback, NULL);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
    _exit(128 + sig);
}

#endif
