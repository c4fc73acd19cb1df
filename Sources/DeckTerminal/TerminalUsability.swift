import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Terminal {
    /// Nil when the dashboard can run on this process's terminal, else a one-line reason it cannot
    /// (the caller prints it, suggests `--headless` and exits 2).
    ///
    /// Writes nothing to any stream: standard input and output must both be terminals (checked before
    /// curses is touched), and `TERM` must name a terminfo entry that can address the cursor (loaded with
    /// `setupterm`, which only reads the database). Call it before `start()`; while a terminal is active
    /// it returns nil without checking.
    public static func checkUsable() -> String? {
        if Terminal.isCursesActive { return nil }
        if isatty(STDIN_FILENO) != 1 { return "standard input is not a terminal" }
        if isatty(STDOUT_FILENO) != 1 { return "standard output is not a terminal" }
        guard let raw = getenv("TERM"), raw.pointee != 0 else { return "TERM is not set" }
        let name = String(cString: raw)
        switch cd_check_terminfo(raw, STDOUT_FILENO) {
        case 0: return nil
        case 2: return "no terminfo database is installed (TERM=\(name))"
        case 3: return "TERM=\(name) cannot position the cursor"
        default: return "TERM=\(name) is not a terminal type this system knows"
        }
    }
}
