import ArgumentParser
import ClusterSim
import Foundation

/// `clusterdeck sweep`: many seeded runs of random faults, checking every invariant on each.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run random kills, restarts, partitions, isolations, loss and heals over many seeds and check every invariant.",
        discussion: "Exit 0 when no seed broke an invariant, 1 otherwise. Each failing seed is printed so it can be replayed."
    )

    @Option(parsing: .unconditional, help: "How many seeds to run (1-1000000).", transform: NumberArgument.integer)
    var seeds = 200

    @Option(parsing: .unconditional, help: "First seed.", transform: NumberArgument.unsigned)
    var from: UInt64 = 1

    @Option(help: "Replication mode: raft, sync or async.")
    var mode = "raft"

    @Option(parsing: .unconditional, help: "Random faults per run (one every 0.3-1.7 s of virtual time; 1-1000).",
            transform: NumberArgument.integer)
    var steps = 12

    func validate() throws {
        guard seeds >= 1 && seeds <= 1_000_000 else { throw ValidationError("--seeds must be between 1 and 1000000, got \(seeds)") }
        guard ReplicationMode(rawValue: mode) != nil else { throw ValidationError("--mode must be raft, sync or async, got '\(mode)'") }
        guard steps >= 1 && steps <= 1_000 else { throw ValidationError("--steps must be between 1 and 1000, got \(steps)") }
        guard from <= UInt64.max - UInt64(seeds - 1) else {
            throw ValidationError("--from \(from) with --seeds \(seeds) runs past the last seed, \(UInt64.max); "
                                  + "the highest --from for \(seeds) seeds is \(UInt64.max - UInt64(seeds - 1))")
        }
    }

    func run() throws {
        let replication = ReplicationMode(rawValue: mode)!
        let started = Date()
        var failures = 0
        var lossySeeds = 0
        var nonLinearizableSeeds = 0
        var worstRecoveryMs: Int64 = 0
        let last = from + UInt64(seeds - 1)
        for seed in from...last {
            let outcome = ChaosRun(seed: seed, mode: replication, steps: steps).run()
            worstRecoveryMs = max(worstRecoveryMs, outcome.recoveryMs)
            if outcome.lostWrites > 0 { lossySeeds += 1 }
            if !outcome.linearizable { nonLinearizableSeeds += 1 }
            if !outcome.problems.isEmpty {
                failures += 1
                print("FAIL \(outcome)")
            }
        }
        let wallSeconds = Date().timeIntervalSince(started)
        print("\(seeds) seeds (\(from)...\(last)), mode \(mode): \(seeds - failures) clean, \(failures) with violations; "
              + "\(lossySeeds) lost acknowledged writes, \(nonLinearizableSeeds) not linearizable; slowest recovery \(worstRecoveryMs) ms; \(String(format: "%.1f", wallSeconds)) s wall")
        if failures > 0 { throw ExitCode(1) }
    }
}
