import Foundation
import Testing

/// Bad flags and a missing terminal get one clear message and exit 2, with nothing half-done.
@Suite(.serialized)
struct BadInputTests {
    /// Not a terminal: one line suggesting --headless, exit 2, and not one escape byte written.
    @Test func dashboardWithoutATerminalRefusesCleanly() throws {
        let r = try BinaryRunner.run([])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--headless"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"), "escape codes written without a terminal")
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: [
        (["--stores", "0"], "--stores must be between 1 and 32"),
        (["--replicas", "7"], "--replicas 7 is more than the 5 stores"),
        (["--rate", "0"], "out of range: --rate must be from 0.001 to 100000"),
        (["play", "demo/leader-failover.drill", "--json"], "--json needs --headless"),
        (["sweep", "--mode", "quorum"], "--mode must be raft, sync or async"),
        (["--frobnicate"], "Unknown option '--frobnicate'"),
    ])
    func badFlagsExitTwoNamingTheProblem(_ args: [String], _ message: String) throws {
        let r = try BinaryRunner.run(args)
        #expect(r.status == 2, "\(args): exit \(r.status)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
