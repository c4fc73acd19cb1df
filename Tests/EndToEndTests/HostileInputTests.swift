import Foundation
import Testing

/// Regressions for the hostile flags and drill files of issue 8, through the real binary: each once
/// trapped (exit 132), ran without limit, answered wrongly or echoed terminal escapes.
@Suite(.serialized)
struct HostileInputEndToEndTests {
    static let drillHeader = "title \"hostile\"\n"

    @Test(arguments: [
        // from + seeds overflowed UInt64.
        (["sweep", "--from", "18446744073709551615", "--seeds", "2"], "the highest --from for 2 seeds is 18446744073709551614"),
        // Tiny rates trapped in the arrival process.
        (["play", "demo/leader-failover.drill", "--headless", "--rate", "1e-14"], "The value '1e-14' is invalid for '--rate <rate>'"),
        (["play", "demo/leader-failover.drill", "--headless", "--rate", "0.00000000000001"], "out of range: --rate must be from 0.001 to 100000"),
        (["bench", "--rate", "1e-300"], "The value '1e-300' is invalid for '--rate <rate>'"),
        (["--rate", "1e-14"], "The value '1e-14' is invalid for '--rate <rate>'"),
        // -1 read as a missing value; 0x10 accepted as 16.
        (["play", "demo/leader-failover.drill", "--headless", "--seed", "-1"], "The value '-1' is invalid for '--seed <seed>': expected a whole number"),
        (["play", "demo/leader-failover.drill", "--headless", "--rate", "0x10"], "The value '0x10' is invalid for '--rate <rate>'"),
        (["sweep", "--seeds", "-3"], "--seeds must be between 1 and 1000000, got -3"),
        // ArgumentParser quoted a bad value raw, escapes included.
        (["--rate", "\u{1B}[2J"], "The value '\\x1b[2J' is invalid for '--rate <rate>'"),
    ])
    func hostileFlagsExitTwoNamingTheProblem(_ args: [String], _ message: String) throws {
        let r = try BinaryRunner.run(args)
        #expect(r.status == 2, "\(args): exit \(r.status) \(r.stderr)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B }, "raw escape in \(r.stderr.debugDescription)")
    }

    /// The last seed there is still runs: the check refuses only what would overflow.
    @Test func theLastSeedRuns() throws {
        let r = try BinaryRunner.run(["sweep", "--from", "18446744073709551615", "--seeds", "1", "--steps", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 seeds (18446744073709551615...18446744073709551615)"), "\(r.stdout)")
    }

    @Test(arguments: [
        ("workload rate=0.00000000000001\n", "h.drill:2: rate=0.00000000000001 is out of range (from 0.001 to 100000)"),
        ("expect lost-writes == 1" + String(repeating: "0", count: 309) + "\n", "h.drill:2: the word 10000000000000000000… (310 characters) is too long"),
        ("expect lost-writes == -1e309\n", "h.drill:2: bad number -1e309"),
        ("kill \u{1B}]0;PWNED\u{07}\u{1B}[2J\n", "h.drill:2: unknown node \\x1b]0;PWNED\\x07\\x1b[2J"),
        ("wait 720m\nwait 720m\nwait 1s\n", "h.drill:4: this line takes the drill past 24h of virtual time"),
    ])
    func hostileDrillLinesExitTwoWithFileAndLine(_ body: String, _ message: String) throws {
        let path = try BinaryRunner.temporaryFile(Self.drillHeader + body, name: "h.drill")
        let r = try BinaryRunner.run(["play", path, "--headless"])
        #expect(r.status == 2, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains(message.replacingOccurrences(of: "h.drill", with: path)), "\(r.stderr)")
        #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "raw escape in \(r.stderr.debugDescription)")
        #expect(r.stdout.isEmpty)
    }

    /// A byte that is not UTF-8 was always reported at line 1.
    @Test func notUTF8IsReportedOnItsLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clusterdeck-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("bad.drill")
        try Data("title \"x\"\nwait 1s\ncaption \"caf".utf8 + [0xE9] + Data("\"\n".utf8)).write(to: url)
        let r = try BinaryRunner.run(["play", url.path, "--headless"])
        #expect(r.status == 2)
        #expect(r.stderr == "\(url.path):3: byte 0xe9 at column 13 is not UTF-8 text\n", "\(r.stderr)")
    }

    /// A caption with escapes plays, and its transcript line shows them escaped.
    @Test func captionsAreEscapedInTheTranscript() throws {
        let path = try BinaryRunner.temporaryFile(Self.drillHeader + "caption \"\u{1B}[2Jcleared\u{07}\"\n", name: "c.drill")
        let r = try BinaryRunner.run(["play", path, "--headless"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("CAPTION 0.000s \\x1b[2Jcleared\\x07"), "\(r.stdout)")
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    /// A FIFO given as the drill is refused by name instead of blocking on open.
    @Test func aFIFODrillIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clusterdeck-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fifo = dir.appendingPathComponent("pipe.drill").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let r = try BinaryRunner.run(["play", fifo, "--headless"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is a FIFO (named pipe), not a regular file"), "\(r.stderr)")
    }

    /// `play --check` validates a drill and its flags and runs nothing: the fuzz campaign's fast path.
    @Test func checkValidatesWithoutRunning() throws {
        let ok = try BinaryRunner.run(["play", "demo/leader-failover.drill", "--check"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "demo/leader-failover.drill: 20 steps, up to 16s of virtual time\n", "\(ok.stdout)")
        let path = try BinaryRunner.temporaryFile(Self.drillHeader + "kill n9\n", name: "k.drill")
        let bad = try BinaryRunner.run(["play", path, "--check"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("\(path):2: "), "\(bad.stderr)")
        let mixed = try BinaryRunner.run(["play", "demo/leader-failover.drill", "--check", "--headless"])
        #expect(mixed.status == 2 && mixed.stderr.contains("--check runs nothing"), "\(mixed.stderr)")
    }
}
