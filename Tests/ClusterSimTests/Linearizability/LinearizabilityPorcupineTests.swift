import Foundation
import Testing
@testable import ClusterSim

/// The checker must agree with every verdict that Porcupine's test data records (VERDICTS.tsv).
struct LinearizabilityPorcupineTests {
    @Test func verdictTableListsEveryFixtureFile() throws {
        // Guards against a truncated table silently shrinking the test below: every history on
        // disk must have a verdict, and every verdict a file.
        let listed = try PorcupineFixtures.verdicts().map(\.file)
        var onDisk: [String] = []
        for folder in ["jepsen", "kv"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: PorcupineFixtures.directory.appendingPathComponent(folder).path)
            onDisk += names.map { folder + "/" + $0 }
        }
        #expect(listed.sorted() == onDisk.sorted())
        #expect(listed.count == 109)
    }

    @Test(arguments: try PorcupineFixtures.verdicts())
    func fileMatchesExpectedVerdict(_ row: PorcupineFixtures.Verdict) throws {
        // Under the default limits of check-history, which must leave every known history decided.
        let check = try HistoryFileCheck(text: PorcupineFixtures.text(row.file))
        #expect(check.result.steps < check.result.budget.maxSteps! && check.result.partitionsOverMemory == 0)
        switch row.expected {
        case "linearizable":
            #expect(check.result.verdict == .linearizable)
            #expect(!check.result.isEmpty)
        case "not-linearizable":
            #expect(check.result.verdict == .notLinearizable)
            #expect(check.result.firstViolation != nil)
        case "empty":
            #expect(check.result.verdict == .linearizable)
            #expect(check.result.isEmpty)
            #expect(check.reportLines.contains { $0.hasPrefix("empty history") })
        default:
            Issue.record("unknown expected verdict \(row.expected) for \(row.file)")
        }
    }
}
