import Foundation
import Testing

/// The Load screen in the real dashboard under tmux: the number keys switch screens, every tier's
/// processes have a row, and `u` re-sorts the rows.
@Suite(.serialized)
struct LoadScreenTmuxTests {
    static let processes = ["lb", "s1", "s2", "s3", "c1", "c2", "c3", "n1", "n2", "n3", "n4", "n5"]

    /// The process rows on screen, top to bottom: (id, utilisation shown, nil for a dash).
    static func rows(_ screen: String) -> [(id: String, utilisation: Int?)] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("│id   tier") }) else { return [] }
        return lines[(header + 1)...].prefix { !$0.hasPrefix("└") }.compactMap { line in
            let words = line.dropFirst().split(separator: " ")
            guard let id = words.first, processes.contains(String(id)) else { return nil }
            let percent = words.first { $0.hasSuffix("%") }.flatMap { Int($0.dropLast()) }
            return (String(id), percent)
        }
    }

    @Test func twoShowsLoadOneReturnsAndUReorders() throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let t = try TmuxSession(arguments: [])
        defer { t.close() }
        #expect(try t.waitForScreen { DashboardTmuxTests.hasAllPanes($0) }.ok)
        #expect(try t.screen().contains("1 Overview 2 Load"), "the footer lists the screens")

        try t.send("2")
        // Wait until the stores have a measured utilisation (the first virtual seconds have none).
        let load = try t.waitForScreen { screen in
            let rows = LoadScreenTmuxTests.rows(screen)
            return screen.contains("Processes · by id") && rows.count == 12
                && rows.contains { $0.id.hasPrefix("n") && ($0.utilisation ?? 0) > 0 }
        }
        #expect(load.ok, "no Load screen with a row per process:\n\(load.screen)")
        #expect(load.screen.contains("Latency") && load.screen.contains("Throughput"))
        #expect(LoadScreenTmuxTests.rows(load.screen).map(\.id) == LoadScreenTmuxTests.processes, "\(load.screen)")

        try t.send("u")
        let sorted = try t.waitForScreen { $0.contains("Processes · by utilisation") }
        #expect(sorted.ok, "u did not sort:\n\(sorted.screen)")
        // Busiest first: the utilisation shown never rises down the list (ties are ordered by the exact
        // figure, which the rounded percentages hide), and at the default load a store is the busiest.
        let rows = LoadScreenTmuxTests.rows(sorted.screen)
        let shown = rows.map { $0.utilisation ?? -1 }
        #expect(rows.count == 12 && zip(shown, shown.dropFirst()).allSatisfy { $0 >= $1 }, "\(sorted.screen)")
        #expect(rows.first?.id.hasPrefix("n") == true && rows.map(\.id) != LoadScreenTmuxTests.processes, "\(sorted.screen)")
        try t.send("u")
        let back = try t.waitForScreen { $0.contains("Processes · by id") }
        #expect(back.ok && LoadScreenTmuxTests.rows(back.screen).map(\.id) == LoadScreenTmuxTests.processes)

        try t.send("1")
        let overview = try t.waitForScreen { DashboardTmuxTests.hasAllPanes($0) && !$0.contains("Processes ·") }
        #expect(overview.ok, "1 did not return to the overview:\n\(overview.screen)")

        try t.send("q")
        #expect(t.exitStatus() == 0)
        #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01", "terminal not restored after q")
    }
}
