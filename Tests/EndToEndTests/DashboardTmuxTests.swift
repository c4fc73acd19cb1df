import Foundation
import Testing

/// The real dashboard in a real terminal (tmux): linking, key decoding, resize and terminal restore.
/// curses state is per process and these share the machine's terminal server, so they run one at a time.
@Suite(.serialized)
struct DashboardTmuxTests {
    static let paneTitles = ["Placement", "Leaders", "Replication lag", "Balancer", "Cache", "Event log"]

    static func hasAllPanes(_ screen: String) -> Bool { paneTitles.allSatisfy { screen.contains($0) } }

    @Test func operatorSessionKillHelpCommandResizeQuit() throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let t = try TmuxSession(arguments: [])
        defer { t.close() }
        let start = try t.waitForScreen { DashboardTmuxTests.hasAllPanes($0) && $0.contains("ops ok") }
        #expect(start.ok, "the dashboard never showed all six panes:\n\(start.screen)")
        #expect(start.screen.contains("no faults in force"))

        // Select n2 (second row of Placement) and kill it: a fault banner and an event-log line appear.
        try t.send("Down")
        try t.send("x")
        let killed = try t.waitForScreen { $0.contains("FAULTS: n2 down") && $0.contains("n2 killed") }
        #expect(killed.ok, "no banner or event for the kill:\n\(killed.screen)")

        try t.send("?")
        let help = try t.waitForScreen { $0.contains("Keys") && $0.contains("kill the selected node") }
        #expect(help.ok, "help did not open:\n\(help.screen)")
        try t.send("?")
        let closed = try t.waitForScreen { !$0.contains("kill the selected node") }
        #expect(closed.ok)

        try t.send(":")
        try t.type("frobnicate n1")
        try t.send("Enter")
        let error = try t.waitForScreen { $0.contains("frobnicate") && $0.contains("unknown command") }
        #expect(error.ok, "no error for a bad command:\n\(error.screen)")

        try t.resize(columns: 100, rows: 30)
        let small = try t.waitForScreen { DashboardTmuxTests.hasAllPanes($0) && $0.split(separator: "\n").allSatisfy { $0.count <= 100 } }
        #expect(small.ok, "not every pane at 100x30:\n\(small.screen)")

        try t.send("q")
        #expect(t.exitStatus() == 0)
        #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01", "terminal not restored after q")
    }

    @Test func ctrlCExits130AndRestoresTheTerminal() throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let t = try TmuxSession(arguments: [])
        defer { t.close() }
        #expect(try t.waitForScreen { DashboardTmuxTests.hasAllPanes($0) }.ok)
        try t.send("C-c")
        #expect(t.exitStatus() == 130)
        #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01")
    }

    @Test func sigtermExits143AndRestoresTheTerminal() throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let t = try TmuxSession(arguments: [])
        defer { t.close() }
        #expect(try t.waitForScreen { DashboardTmuxTests.hasAllPanes($0) }.ok)
        let pid = try t.display("#{pane_pid}")
        // The pane runs sh, whose child is clusterdeck.
        let pkill = Process()
        pkill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        pkill.arguments = ["-TERM", "-P", pid, "clusterdeck"]
        try pkill.run()
        pkill.waitUntilExit()
        #expect(t.exitStatus() == 143)
        #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01")
    }

    /// Every drill in demo/ plays in the dashboard with the same result as headless: its caption shows,
    /// and the summary (which stays on screen until q) matches the headless run's last line.
    @Test(arguments: HeadlessDrillTests.drills)
    func drillPlaysInTheDashboardAsHeadless(_ drill: String) throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let headless = try BinaryRunner.run(["play", drill, "--headless"])
        let summary = try #require(headless.stdout.split(separator: "\n").last.map(String.init))
        let t = try TmuxSession(arguments: ["play", drill])
        defer { t.close() }
        #expect(try t.waitForScreen { $0.contains("ClusterDeck") || $0.contains("Placement") }.ok)
        // Speed up to 64x so the drill ends quickly (each + doubles the speed).
        for _ in 0..<6 { try t.send("+") }
        let done = try t.waitForScreen(timeout: 60) { $0.contains(summary) }
        #expect(done.ok, "\(drill): dashboard never showed '\(summary)':\n\(done.screen)")
        try t.send("q")
        #expect(t.exitStatus() == 0)
    }
}
