import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Signals sent to the running dashboard in a real terminal (tmux): whatever ends it must give the
/// terminal back (`#{alternate_on}#{cursor_flag}` = `01`), and the Swift crash reporter must never hold
/// the terminal with its interactive prompt. Serialized: curses state and the tmux servers are shared.
@Suite(.serialized)
struct SignalTmuxTests {
    /// A signal to send, named for the test report.
    struct SentSignal: CustomTestStringConvertible, Sendable {
        let name: String
        let number: Int32
        var testDescription: String { "SIG\(name)" }
    }

    /// Signals whose default action would kill the dashboard in the alternate screen. A real-time signal
    /// stands for the whole range, which has no names of its own.
    static let terminating: [SentSignal] = [
        SentSignal(name: "USR1", number: SIGUSR1),
        SentSignal(name: "ALRM", number: SIGALRM),
        SentSignal(name: "PIPE", number: SIGPIPE),
        SentSignal(name: "RTMIN+2", number: __libc_current_sigrtmin() + 2),
    ]

    static let promptText = "Press space to interact"

    /// Opens the dashboard and waits until every pane is drawn.
    static func startDashboard(swiftBacktrace: String = "enable=no",
                               ignoredSignals: [String] = []) throws -> TmuxSession {
        let t = try TmuxSession(arguments: [], swiftBacktrace: swiftBacktrace, ignoredSignals: ignoredSignals)
        let started = try t.waitForScreen { DashboardTmuxTests.hasAllPanes($0) }
        #expect(started.ok, "the dashboard never showed all six panes:\n\(started.screen)")
        return t
    }

    /// Each of these used to end the process at once with the screen left in the alternate buffer and
    /// the cursor hidden; now the dashboard stops cleanly and exits with 128 + signal.
    @Test(arguments: SignalTmuxTests.terminating)
    func signalEndsTheDashboardCleanly(_ signal: SentSignal) throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let t = try SignalTmuxTests.startDashboard()
        defer { t.close() }
        #expect(try t.signalProgram(signal.number), "could not send \(signal.testDescription)")
        #expect(t.exitStatus() == 128 + signal.number)
        #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01",
                "terminal not restored after \(signal.testDescription)")
    }

    /// With the runtime's default backtrace settings, SIGQUIT used to start the crash reporter over the
    /// dashboard and hold a 30 s "Press space" prompt; it is now a request to quit: 131, terminal restored.
    @Test func sigquitExits131WithoutTheCrashReporter() throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let t = try SignalTmuxTests.startDashboard(swiftBacktrace: "")
        defer { t.close() }
        #expect(try t.signalProgram(SIGQUIT))
        #expect(t.exitStatus() == 131)
        #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01")
        let screen = try t.screen()
        #expect(!screen.contains(SignalTmuxTests.promptText) && !screen.contains("Program crashed"), "\(screen)")
    }

    /// A crash signal with the runtime's default backtrace settings: the terminal is restored first, the
    /// crash reporter (if installed) prints its report and no prompt, and the process really ends (132)
    /// instead of running on once the reporter's handler returns.
    @Test func crashSignalRestoresTheTerminalAndNeverPrompts() throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let t = try SignalTmuxTests.startDashboard(swiftBacktrace: "")
        defer { t.close() }
        #expect(try t.signalProgram(SIGILL))
        let status = t.exitStatus(timeout: 15)
        let screen = try t.screen()
        #expect(status == 128 + SIGILL, "no exit 132 within 15 s:\n\(screen)")
        #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01")
        #expect(!screen.contains(SignalTmuxTests.promptText), "the crash reporter prompted:\n\(screen)")
    }

    /// A signal the dashboard inherited as ignored stays ignored: it neither ends nor disturbs the dashboard.
    @Test func inheritedIgnoredSignalStaysIgnored() throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let t = try SignalTmuxTests.startDashboard(ignoredSignals: ["USR2"])
        defer { t.close() }
        #expect(try t.signalProgram(SIGUSR2))
        // Several frames (33 ms each) for a recorded signal to be acted on.
        #expect(t.exitStatus(timeout: 0.5) == nil, "SIGUSR2 ended the dashboard although it was ignored")
        #expect(try t.display("#{alternate_on}") == "1")
        try t.send("q")
        #expect(t.exitStatus() == 0)
        #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01")
    }
}
