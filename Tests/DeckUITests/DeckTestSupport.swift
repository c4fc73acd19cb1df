import ClusterSim
import DeckUI
import Drill
import Foundation

/// Builds dashboards over fixtures or real clusters for the tests, and compares screens with golden files.
enum DeckTest {
    /// A dashboard drawing `snapshot` (and `events` in its log) and nothing else: for screen tests whose
    /// text must not change when the simulation's numbers do.
    static func fixture(_ snapshot: ClusterSnapshot = Fixtures.defaultCluster(), events: [ClusterEvent] = Fixtures.bootEvents(),
                        columns: Int = 160, rows: Int = 48, monochrome: Bool = false) -> (DeckModel, FixtureSource) {
        let source = FixtureSource(snapshot, events: events)
        let model = DeckModel(source: source, parseCommand: DeckDrillHost.parseCommand, columns: columns, rows: rows,
                              monochrome: monochrome)
        return (model, source)
    }

    /// The default cluster (seed 1) run to `seconds` of virtual time, under a dashboard of the given size:
    /// for tests of what keys and commands do to a real cluster.
    static func model(seconds: Int64 = 10, columns: Int = 160, rows: Int = 48, monochrome: Bool = false) -> DeckModel {
        let cluster = Cluster(config: ClusterConfig())
        cluster.run(until: .seconds(seconds))
        return DeckModel(source: cluster, parseCommand: DeckDrillHost.parseCommand, columns: columns, rows: rows, monochrome: monochrome)
    }

    static func screen(_ model: DeckModel) -> [String] { model.rendered().lines() }

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Nil when `lines` equal the golden file `name`, else a report of the differing rows.
    /// With `UPDATE_GOLDEN=1` the file is rewritten instead (review the diff before committing).
    static func compareGolden(_ lines: [String], _ name: String) throws -> String? {
        let url = goldenDirectory.appendingPathComponent(name)
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing golden file \(name); run with UPDATE_GOLDEN=1 to create it"
        }
        var wanted = expected.components(separatedBy: "\n")
        if wanted.last == "" { wanted.removeLast() }
        return CellBuffer(lines: lines).textDiff(expected: wanted).map { "\(name) differs:\n\($0)" }
    }
}
