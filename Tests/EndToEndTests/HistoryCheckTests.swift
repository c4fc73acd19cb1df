import Foundation
import Testing

/// The run's client history, exported with --history, is checked by check-history: the same verdict as
/// the live checker, for a run that keeps every write and one that loses some.
@Suite(.serialized)
struct HistoryCheckTests {
    func exportAndCheck(_ drill: String) throws -> (play: BinaryRunner.Result, check: BinaryRunner.Result) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString).edn").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let play = try BinaryRunner.run(["play", drill, "--headless", "--history", path])
        let check = try BinaryRunner.run(["check-history", path])
        return (play, check)
    }

    @Test func raftHistoryIsLinearizable() throws {
        let r = try exportAndCheck("demo/raft-keeps-writes.drill")
        #expect(r.play.status == 0, "\(r.play.stdout)")
        #expect(r.check.status == 0, "\(r.check.stdout)\(r.check.stderr)")
        #expect(r.check.stdout.hasPrefix("linearizable"))
    }

    @Test func asyncHistoryIsNotLinearizable() throws {
        let r = try exportAndCheck("demo/async-loses-writes.drill")
        #expect(r.play.status == 0, "\(r.play.stdout)")
        #expect(r.check.status == 1, "\(r.check.stdout)\(r.check.stderr)")
        #expect(r.check.stdout.hasPrefix("not linearizable"))
        #expect(r.check.stdout.contains("first violation on key"))
    }

    @Test func malformedHistoryIsExitTwoWithLineNumbers() throws {
        let path = try BinaryRunner.temporaryFile("""
            {:process 0, :type :invoke, :f :put, :key "1", :value "a"}
            {:process 0, :type :ok, :f :frob, :key "1", :value "a"}
            """, name: "bad.edn")
        let r = try BinaryRunner.run(["check-history", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(path):2:"), "\(r.stderr)")
    }

    @Test func realEtcdHistoryVerdicts() throws {
        let fixtures = "Tests/ClusterSimTests/Fixtures/porcupine/jepsen/"
        let ok = try BinaryRunner.run(["check-history", fixtures + "etcd_002.log"])
        #expect(ok.status == 0 && ok.stdout.hasPrefix("linearizable"))
        let bad = try BinaryRunner.run(["check-history", fixtures + "etcd_000.log"])
        #expect(bad.status == 1 && bad.stdout.hasPrefix("not linearizable"))
    }

    @Test func unwritableHistoryFileIsExitTwo() throws {
        let r = try BinaryRunner.run(["play", "demo/leader-failover.drill", "--headless", "--history", "/nonexistent-dir/h.edn"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write the history file /nonexistent-dir/h.edn"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
