import Foundation
import Testing

/// The run's client history, exported with --history, is checked by check-history: the same verdict as
/// the live checker, for a run that keeps every write and one that loses some. And check-history on
/// bad input: a history too hard to decide, a file that is not text, not a regular file or too big,
/// and text that would drive the terminal.
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

    // MARK: budgets

    /// `count` overlapping puts of one key, then a get of a value none of them wrote.
    static func overlappingPuts(_ count: Int) -> String {
        var text = ""
        for i in 0..<count { text += "{:process \(i), :type :invoke, :f :put, :key \"k\", :value \"v\(i)\"}\n" }
        for i in 0..<count { text += "{:process \(i), :type :ok, :f :put, :key \"k\", :value \"v\(i)\"}\n" }
        return text + "{:process \(count), :type :invoke, :f :get, :key \"k\", :value nil}\n"
            + "{:process \(count), :type :ok, :f :get, :key \"k\", :value \"never\"}\n"
    }

    @Test func explodingHistoryIsUnknownWithExitThree() throws {
        // The reported defect ran for minutes into gigabytes; the default budget now answers unknown.
        let path = try BinaryRunner.temporaryFile(Self.overlappingPuts(200), name: "overlap.edn")
        let r = try BinaryRunner.run(["check-history", path])
        #expect(r.status == 3, "\(r.stdout)\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "unknown")
        // 1,000,000 steps plus 100 for each of the 201 operations.
        #expect(lines.contains("the step budget of 1020100 steps ran out"), "\(r.stdout)")
        #expect(lines.contains("none of the 1 partition(s) was decided"), "\(r.stdout)")
        #expect(lines.last == "to search further, raise --max-steps (now 1020100)", "\(r.stdout)")
    }

    @Test func memoryBudgetFlagNamesWhatRanOut() throws {
        let path = try BinaryRunner.temporaryFile(Self.overlappingPuts(200), name: "overlap.edn")
        let r = try BinaryRunner.run(["check-history", path, "--max-memory-mb", "1", "--max-steps", "1000000000"])
        #expect(r.status == 3, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("key \"k\" was given up: its search needed more than the memory budget of 1 MiB"), "\(r.stdout)")
        #expect(r.stdout.contains("to search further, raise --max-memory-mb (now 1)"), "\(r.stdout)")
    }

    @Test(arguments: [
        (["--max-steps", "0"], "--max-steps must be between 1 and 1000000000000, got 0"),
        (["--max-memory-mb=-5"], "--max-memory-mb must be between 1 and 1048576, got -5"),
        (["--max-memory-mb", "2000000"], "--max-memory-mb must be between 1 and 1048576, got 2000000"),
        (["--max-steps", "many"], "The value 'many' is invalid for '--max-steps <steps>'"),
    ])
    func badBudgetFlagsExitTwoNamingTheProblem(_ flags: [String], _ message: String) throws {
        let r = try BinaryRunner.run(["check-history", "Tests/ClusterSimTests/Fixtures/porcupine/jepsen/etcd_002.log"] + flags)
        #expect(r.status == 2, "\(flags): exit \(r.status)")
        #expect(r.stderr.contains(message), "\(flags): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    // MARK: what the file is

    @Test func byteThatIsNotUTF8IsReportedOnItsLine() throws {
        // The defect: every bad byte was reported at FILE:1.
        let path = try BinaryRunner.temporaryFile("", name: "latin1.edn")
        var bytes = Array("""
            {:process 0, :type :invoke, :f :put, :key "1", :value "a"}
            {:process 0, :type :ok, :f :put, :key "1", :value "a"}
            {:process 1, :type :invoke, :f :put, :key "1", :value "caf
            """.utf8)
        bytes += [0xE9] + Array("\"}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = try BinaryRunner.run(["check-history", path])
        #expect(r.status == 2)
        #expect(r.stderr == "\(path):3: byte 0xe9 at column 59 is not UTF-8 text\n", "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func fifoIsRefusedByNameWithoutWaitingForAWriter() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clusterdeck-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("history.fifo").path
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(path, 0o600) == 0)
        // Opening the FIFO to read would wait for a writer forever. Should the check do that, this
        // writer comes along after 30 s and lets it go, so the test fails instead of hanging.
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) {
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        let r = try BinaryRunner.run(["check-history", path])
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr == "\(path): is a FIFO (named pipe), not a regular file; check-history reads only regular files\n",
                "\(r.stderr)")
    }

    @Test(arguments: [("/dev/null", "a character device"), ("/tmp", "a directory")])
    func otherFilesThatAreNotRegularAreRefusedByKind(_ path: String, _ kind: String) throws {
        let r = try BinaryRunner.run(["check-history", path])
        #expect(r.status == 2)
        #expect(r.stderr == "\(path): is \(kind), not a regular file; check-history reads only regular files\n", "\(r.stderr)")
    }

    @Test func fileOverOneGibibyteIsRefusedBeforeItIsRead() throws {
        // A sparse file: 1 GiB and a kilobyte long, but taking no disk space.
        let path = try BinaryRunner.temporaryFile("", name: "huge.edn")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: (1 << 30) + 1_024)
        try handle.close()
        let r = try BinaryRunner.run(["check-history", path])
        #expect(r.status == 2)
        #expect(r.stderr == "\(path): is 1073742848 bytes; the most read is 1 GiB (1073741824 bytes)\n", "\(r.stderr)")
    }

    @Test func missingFileIsNamedAsMissing() throws {
        let r = try BinaryRunner.run(["check-history", "/nonexistent-dir/h.edn"])
        #expect(r.status == 2)
        #expect(r.stderr == "/nonexistent-dir/h.edn: does not exist\n", "\(r.stderr)")
    }

    // MARK: what the file says

    @Test func escapeInAHistoryValuePrintsEscaped() throws {
        // The value would set the terminal's title and clear the screen if printed raw.
        let value = "a\u{1B}]0;pwned\u{07}\u{1B}[2J"
        let path = try BinaryRunner.temporaryFile("""
            {:process 0, :type :invoke, :f :put, :key "1", :value "\(value)"}
            {:process 0, :type :ok, :f :put, :key "1", :value "\(value)"}
            {:process 1, :type :invoke, :f :get, :key "1", :value nil}
            {:process 1, :type :ok, :f :get, :key "1", :value "b"}
            """, name: "escape.edn")
        let r = try BinaryRunner.run(["check-history", path])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{07}"), "\(r.stdout)")
        #expect(r.stdout.contains(#"state after the longest linearizable prefix: "a\x1b]0;pwned\x07\x1b[2J""#), "\(r.stdout)")
    }

    @Test func escapeInAMalformedLinePrintsEscaped() throws {
        let path = try BinaryRunner.temporaryFile("""
            {:process 0, :type :invoke, :f :put\u{1B}[2J, :key "1", :value "a"}
            """, name: "escape-bad.edn")
        let r = try BinaryRunner.run(["check-history", path])
        #expect(r.status == 2)
        #expect(r.stderr == "\(path):1: unknown function :put\\x1b[2J (expected :get, :put or :append)\n", "\(r.stderr)")
    }
}
