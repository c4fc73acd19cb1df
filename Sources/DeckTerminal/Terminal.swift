import CNCurses
import DeckUI
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether some `Terminal` currently owns the process's curses screen (curses state is process-wide).
private let cursesOwned = Atomic<Bool>(false)

/// Whether the exit-time safety net has been registered (once per process).
private let exitHookRegistered = Atomic<Bool>(false)

/// Restores the terminal if the process exits (exit(), return from main) while curses still owns it,
/// so a forgotten `stop()` cannot leave the user's shell in the alternate screen.
private func restoreTerminalAtExit() {
    guard cursesOwned.load(ordering: .acquiring) else { return }
    curs_set(1)
    endwin()
}

/// Why `Terminal.start()` failed.
public enum TerminalError: Error, CustomStringConvertible {
    /// The terminal cannot be used; the text is the one-line reason.
    case unusable(String)
    /// Another `Terminal` is already active in this process.
    case alreadyActive

    public var description: String {
        switch self {
        case .unusable(let reason): return reason
        case .alreadyActive: return "the terminal is already in use by this process"
        }
    }
}

/// The process's curses screen: starts and restores the terminal, copies cell buffers to it and reads keys.
///
/// Not thread-safe and not `Sendable`: create it, use it and stop it on one thread (the main loop's).
/// Only one can be active at a time. `stop()` runs on deinit too, but call it explicitly before exiting.
public final class Terminal {
    public private(set) var isActive = false
    /// Whether colours are drawn (false under `NO_COLOR` or on a terminal without colours).
    public private(set) var usesColor = false
    /// True when no UTF-8 locale was available: non-ASCII characters are drawn as ASCII look-alikes.
    public private(set) var asciiOnly = false

    private var screen: OpaquePointer?
    var palette = Palette(useColor: false)
    /// The buffer last copied to curses, to send only changed cells; nil forces a full copy.
    var shown: CellBuffer?
    var shownScreenSize = (columns: 0, rows: 0)
    private var inputTimeoutMs = Int.min
    var scratchScalars: [UInt32] = []
    var scratchStyles: [UInt16] = []

    public init() {}

    deinit { stop() }

    static var isCursesActive: Bool { cursesOwned.load(ordering: .relaxed) }

    /// The termination signal (any signal whose default would end the process, other than a crash:
    /// SIGINT, SIGTERM, SIGQUIT, SIGUSR1, SIGPIPE, the real-time signals ...) received since `start()`,
    /// if any: the main loop should then `stop()` and exit with 128 + the signal number.
    public static var pendingSignal: Int32? { SignalTrap.pending }

    /// Takes over the terminal: alternate screen, raw keys (Ctrl-C arrives as `.ctrlC`), no echo, hidden
    /// cursor, 25 ms Esc delay, colours unless `NO_COLOR` is set. Throws `TerminalError.unusable` with
    /// the `checkUsable()` reason when the terminal cannot be used, having written nothing.
    public func start() throws {
        guard !isActive else { return }
        if let reason = Terminal.checkUsable() { throw TerminalError.unusable(reason) }
        guard cursesOwned.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { throw TerminalError.alreadyActive }

        setlocale(LC_ALL, "")
        if cd_locale_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
        asciiOnly = cd_locale_is_utf8() == 0

        if !exitHookRegistered.exchange(true, ordering: .relaxed) { atexit { restoreTerminalAtExit() } }
        SignalTrap.clearPending()
        SignalTrap.saveModes()
        SignalTrap.installTerminationHandlers()
        guard let screen = newterm(nil, cd_stdout(), cd_stdin()) else {
            SignalTrap.restoreAll()
            cursesOwned.store(false, ordering: .releasing)
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError.unusable("curses could not start on TERM=\(term)")
        }
        self.screen = screen
        let window = cd_stdscr()
        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        leaveok(window, true)
        set_escdelay(25)
        curs_set(0)
        inputTimeoutMs = Int.min

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        usesColor = !noColor && has_colors() && start_color() == OK
        palette = Palette(useColor: usesColor)

        SignalTrap.armCrashRestore(sequence: Terminal.restoreSequence())
        shown = nil
        isActive = true
    }

    /// Gives the terminal back: shows the cursor, leaves the alternate screen, restores the tty modes.
    /// Safe to call any number of times.
    public func stop() {
        guard isActive else { return }
        isActive = false
        SignalTrap.disarmCrashRestore()
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        shown = nil
        SignalTrap.restoreAll()
        cursesOwned.store(false, ordering: .releasing)
    }

    /// The screen size in cells.
    public func size() -> (columns: Int, rows: Int) {
        guard isActive else { return (0, 0) }
        return (Int(cd_max_x()), Int(cd_max_y()))
    }

    /// Makes the next `draw` copy every cell and repaint the whole physical screen.
    public func invalidate() {
        shown = nil
        if isActive { cd_clear_on_next_update() }
    }

    func setInputTimeout(_ milliseconds: Int) {
        let clamped = milliseconds < 0 ? -1 : min(milliseconds, Int(Int32.max))
        guard clamped != inputTimeoutMs, let window = cd_stdscr() else { return }
        wtimeout(window, Int32(clamped))
        inputTimeoutMs = clamped
    }

    /// The bytes that undo what curses did to the screen (reset attributes, show the cursor, keypad
    /// off, leave the alternate screen), from this terminal's terminfo entry.
    private static func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = cd_terminfo_string(capability) {
                let start = UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self)
                bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(value)))
            }
        }
        return bytes
    }
}
