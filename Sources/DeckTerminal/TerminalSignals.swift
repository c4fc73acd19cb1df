import CNCurses
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Everything a signal handler touches is a global that is initialised by `SignalTrap.prepare()` before any
// handler is installed: Swift initialises globals lazily (with a lock), which must never happen inside a handler.

/// The last termination signal received (0: none). Written by the handler, read by the main loop.
private let pendingSignalNumber = Atomic<Int32>(0)
/// Length of the crash restore sequence; 0 while curses does not own the screen.
private let crashRestoreLength = Atomic<Int>(0)
private let crashRestoreCapacity = 512
private nonisolated(unsafe) let crashRestoreBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
/// The terminal modes from before curses started, put back on a crash.
private nonisolated(unsafe) let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
private let savedModesValid = Atomic<Bool>(false)
/// The action each signal had before we installed ours, indexed by signal number (1 ..< signalSlots).
private let signalSlots: Int32 = 65
private nonisolated(unsafe) let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
/// Which signals currently carry one of our handlers: bit `n - 1` stands for signal `n`.
private let installedMask = Atomic<UInt64>(0)

/// Signal handling while curses owns the screen.
///
/// Termination signals are every catchable signal whose default action ends the process, other than the
/// crash signals below: the operator's or the system's request to stop (SIGINT, SIGTERM, SIGHUP, SIGQUIT)
/// and the signals nothing in this program uses (SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF,
/// SIGIO, SIGPWR, SIGSYS, SIGXCPU, SIGSTKFLT, the real-time signals). Left at their default they would
/// kill the process with the terminal still in the alternate screen. Their handler only records the
/// number; the main loop sees it within one tick, stops the terminal normally and exits with
/// 128 + signal. `endwin` and almost everything else are not async-signal-safe, so nothing more may
/// happen in those handlers. SIGQUIT is one of them on purpose: the Swift runtime would otherwise catch
/// it as a crash and print a backtrace over the dashboard, but from a dashboard in raw mode (where
/// Ctrl-\ is a key, not a signal) it can only be a request from another process to quit.
///
/// Not touched: SIGXFSZ (the program ignores it, so that a write past the file-size limit fails with
/// EFBIG), the stop and continue signals and SIGWINCH (ncurses handles SIGTSTP and resizes itself), and
/// any signal the process inherited as ignored (e.g. SIGHUP under nohup), which stays ignored.
///
/// Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP; a Swift trap is SIGILL on x86-64
/// and SIGTRAP on arm64) cannot return to a normal clean-up path. Left alone they would leave the user's
/// shell in the alternate screen, with the cursor hidden and the tty in raw mode. So their handler
/// (on the alternate signal stack where there is one, to survive a stack overflow) writes a restore
/// sequence taken from terminfo at start (sgr0, cnorm, rmkx, rmcup) with write(2), puts back the saved
/// tty modes with tcsetattr (both async-signal-safe), reinstalls whatever action the signal had before
/// (the default, or the Swift runtime's backtracer, which then prints its report onto a usable
/// terminal; `CrashReports` keeps it from waiting for keys) and lets the signal happen again: a fault
/// raised by the CPU re-executes the faulting instruction when the handler returns; a signal sent by
/// kill/raise/abort, and SIGTRAP (whose instruction would not repeat), is raised again explicitly, and
/// since the runtime's handler returns from such a signal (it expects a fault to repeat), it is then
/// raised once more with the default action, so the process never runs on after a "crash".
enum SignalTrap {
    static let terminationSignals: [Int32] = {
        var signals: [Int32] = [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM,
                                SIGVTALRM, SIGPROF, SIGSYS, SIGXCPU]
        #if os(Linux)
        signals += [SIGSTKFLT, SIGIO, SIGPWR]
        #endif
        let realTimeFirst = cd_signal_rt_min()
        let realTimeLast = cd_signal_rt_max()
        if realTimeFirst > 0, realTimeFirst <= realTimeLast { signals += Array(realTimeFirst...realTimeLast) }
        return signals.filter { $0 > 0 && $0 < signalSlots }
    }()
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP]

    /// The recorded termination signal, if any.
    static var pending: Int32? {
        let value = pendingSignalNumber.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Forgets a recorded termination signal.
    static func clearPending() { pendingSignalNumber.store(0, ordering: .relaxed) }

    /// Forces every global a handler uses into existence.
    private static func prepare() {
        _ = pendingSignalNumber.load(ordering: .relaxed)
        _ = crashRestoreLength.load(ordering: .relaxed)
        _ = savedModesValid.load(ordering: .relaxed)
        _ = installedMask.load(ordering: .relaxed)
        _ = crashRestoreBytes
        _ = savedModes
        _ = previousActions
    }

    /// Installs the termination handlers. Call before `newterm`: ncurses installs its own SIGINT and
    /// SIGTERM handlers (which call exit) only where it finds the default action. Signals the process
    /// inherited as ignored (e.g. SIGHUP under nohup) stay ignored. Interrupted system calls restart,
    /// so a signal cannot make a file write fail with EINTR.
    static func installTerminationHandlers() {
        prepare()
        for signal in terminationSignals {
            install(signal, flags: cd_signal_flag_restart()) { signal, _, _ in
                pendingSignalNumber.store(signal, ordering: .relaxed)
            }
        }
    }

    /// Records the bytes that restore the screen on a crash and installs the crash handlers.
    static func armCrashRestore(sequence: [UInt8]) {
        prepare()
        let count = min(sequence.count, crashRestoreCapacity)
        for i in 0..<count { crashRestoreBytes[i] = sequence[i] }
        crashRestoreLength.store(count, ordering: .releasing)
        for signal in crashSignals {
            install(signal, flags: cd_signal_flag_on_stack()) { signal, info, _ in
                // Only the first crashing thread restores; the sequence must not be written twice.
                let length = crashRestoreLength.exchange(0, ordering: .acquiring)
                if length > 0 {
                    _ = write(STDOUT_FILENO, crashRestoreBytes, length)
                    if savedModesValid.load(ordering: .relaxed) { _ = tcsetattr(STDIN_FILENO, TCSANOW, savedModes) }
                }
                _ = cd_restore_signal(signal, previousActions + Int(signal))
                // A fault raised by the CPU happens again when this handler returns, reaching that action.
                let sentByProcess = (info?.pointee.si_code ?? 0) <= 0
                guard signal == SIGTRAP || sentByProcess else { return }
                // Anything else is raised again here, and the process ends even if that action returns.
                cd_raise_until_dead(signal)
            }
        }
    }

    /// Saves the tty modes of standard input to restore on a crash; call before curses changes them.
    static func saveModes() {
        prepare()
        savedModesValid.store(tcgetattr(STDIN_FILENO, savedModes) == 0, ordering: .relaxed)
    }

    /// Stops writing the restore sequence on a crash (curses has restored the terminal itself).
    static func disarmCrashRestore() { crashRestoreLength.store(0, ordering: .releasing) }

    /// Puts back every action that was in place before our handlers were installed.
    static func restoreAll() {
        disarmCrashRestore()
        for signal in terminationSignals + crashSignals { restore(signal) }
    }

    private static func install(_ signal: Int32, flags: Int32, _ handler: cd_signal_handler) {
        guard signal > 0, signal < signalSlots else { return }
        let bit = UInt64(1) << UInt64(signal - 1)
        guard installedMask.load(ordering: .relaxed) & bit == 0 else { return }
        let previous = previousActions + Int(signal)
        // A signal inherited as ignored stays ignored, and is never caught even for a moment.
        guard cd_query_signal(signal, previous) == 0, cd_action_is_ignore(previous) == 0 else { return }
        guard cd_install_signal(signal, handler, flags, previous) == 0 else { return }
        installedMask.bitwiseOr(bit, ordering: .relaxed)
    }

    private static func restore(_ signal: Int32) {
        guard signal > 0, signal < signalSlots else { return }
        let bit = UInt64(1) << UInt64(signal - 1)
        guard installedMask.load(ordering: .relaxed) & bit != 0 else { return }
        _ = cd_restore_signal(signal, previousActions + Int(signal))
        installedMask.bitwiseAnd(~bit, ordering: .relaxed)
    }
}
