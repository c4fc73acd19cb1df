import ArgumentParser
import ClusterSim
import Foundation

/// `clusterdeck sweep`: many seeded runs of random faults, checking every invariant on each.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run random kills, restarts, partitions, one-way cuts, isolations, loss, slow and paused processes and heals over many seeds and check every invariant.",
        discussion: """
            Exit 0 when every seed is clean, 1 when any seed broke an invariant, 3 when none broke one but \
            some seeds got no linearizability verdict or left keys undecided (the checker's budget ran out), \
            so they are not proven clean. Each failing seed is printed as FAIL, each unproven one as \
            UNDECIDED, so it can be replayed.
            """
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
        var tally = SweepTally()
        let last = from + UInt64(seeds - 1)
        for seed in from...last {
            let outcome = ChaosRun(seed: seed, mode: replication, steps: steps).run()
            tally.add(outcome)
            if !outcome.problems.isEmpty {
                print("FAIL \(outcome)")
            } else if outcome.isUnproven {
                let verdict = outcome.linearizable == nil ? "no linearizability verdict" : "linearizable so far"
                print("UNDECIDED seed \(seed): \(verdict), \(outcome.undecidedKeys) \(outcome.undecidedKeys == 1 ? "key" : "keys") undecided")
            }
        }
        let wallSeconds = Date().timeIntervalSince(started)
        print(tally.summary(seeds: seeds, range: "\(from)...\(last)", mode: mode, wallSeconds: wallSeconds))
        if tally.failures > 0 { throw ExitCode(1) }
        if tally.unproven > 0 { throw ExitCode(3) }
    }
}

/// What a sweep counted over its seeds.
struct SweepTally {
    var failures = 0
    /// Seeds without a violation that are not proven clean: no verdict, or keys left undecided.
    var unproven = 0
    var missingVerdicts = 0
    var undecidedKeys = 0
    var lossySeeds = 0
    var nonLinearizableSeeds = 0
    var worstRecoveryMs: Int64 = 0
    var faults: [String: Int] = [:]

    mutating func add(_ outcome: ChaosRun.Outcome) {
        worstRecoveryMs = max(worstRecoveryMs, outcome.recoveryMs)
        if outcome.lostWrites > 0 { lossySeeds += 1 }
        if outcome.linearizable == false { nonLinearizableSeeds += 1 }
        if outcome.linearizable == nil { missingVerdicts += 1 }
        undecidedKeys += outcome.undecidedKeys
        for (kind, n) in outcome.faults { faults[kind, default: 0] += n }
        if !outcome.problems.isEmpty { failures += 1 }
        if outcome.isUnproven { unproven += 1 }
    }

    func summary(seeds: Int, range: String, mode: String, wallSeconds: Double) -> String {
        let clean = seeds - failures - unproven
        let injected = faults.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return "\(seeds) seeds (\(range)), mode \(mode): \(clean) clean, \(failures) with violations, \(unproven) unproven "
            + "(\(missingVerdicts) without a linearizability verdict, \(undecidedKeys) \(undecidedKeys == 1 ? "key" : "keys") undecided in all); "
            + "\(lossySeeds) lost acknowledged writes, \(nonLinearizableSeeds) not linearizable; "
            + "slowest recovery \(worstRecoveryMs) ms; \(String(format: "%.1f", wallSeconds)) s wall\n"
            + "faults injected: \(injected)"
    }
}
