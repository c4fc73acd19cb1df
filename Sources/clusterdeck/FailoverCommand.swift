import ArgumentParser
import ClusterSim
import Drill
import Foundation

/// `clusterdeck failover`: the Raft paper's Figure 16 measurement, one seeded leader crash per seed.
struct Failover: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kill the leader at a random moment, once per seed, and time until a new leader serves (Raft paper, Fig. 16).",
        discussion: """
            Each seed boots 5 stores with one partition replicated on all 5 (the paper's 5 servers) under a light \
            client load, kills the leader's store at a random moment between heartbeats, and times the gap until \
            the new leader has applied an entry of its own term (its no-op): from then on it acknowledges writes \
            and answers reads. Prints p50, p99 and max of that downtime, and how many elections took more than \
            one round (the new leader's term more than one above the dead one's: a split vote or a lost round). \
            For reference, the paper's Fig. 16: with 150-155 ms timeouts the median was 287 ms; with 150-200 ms \
            the worst of 1000 trials was 513 ms. Exit 0 when every trial completed, 1 otherwise.
            """
    )

    @Option(parsing: .unconditional, help: "How many seeds to run, one trial each (1-100000).", transform: NumberArgument.integer)
    var seeds = 1_000

    @Option(parsing: .unconditional, help: "First seed.", transform: NumberArgument.unsigned)
    var from: UInt64 = 1

    @Option(parsing: .unconditional, help: ArgumentHelp("Also count the trials slower than this and list the first \(ClusterLimits.failoverTrialsListedMax) by seed (1-3600000).", valueName: "ms"),
            transform: NumberArgument.integer)
    var over: Int?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Flag(help: "Count election timeouts in whole Raft ticks (10 ms), as before the microsecond timer, to compare.")
    var tickTimeouts = false

    func validate() throws {
        guard seeds >= 1 && seeds <= 100_000 else { throw ValidationError("--seeds must be between 1 and 100000, got \(seeds)") }
        if let over, over < 1 || over > 3_600_000 { throw ValidationError("--over must be between 1 and 3600000 ms, got \(over)") }
        guard from <= UInt64.max - UInt64(seeds - 1) else {
            throw ValidationError("--from \(from) with --seeds \(seeds) runs past the last seed, \(UInt64.max); "
                                  + "the highest --from for \(seeds) seeds is \(UInt64.max - UInt64(seeds - 1))")
        }
    }

    func run() throws {
        var experiment = FailoverExperiment()
        experiment.cluster.electionTimeoutOnTicks = tickTimeouts
        let started = Date()
        var summary = FailoverSummary(listOverUs: over.map { Int64($0) * 1_000 })
        let last = from + UInt64(seeds - 1)
        for seed in from...last {
            let trial = experiment.trial(seed: seed)
            summary.add(trial)
            if let problem = trial.problem, !json { print("FAIL seed \(seed): \(problem)") }
        }
        if json {
            print(report(summary, experiment.cluster, last: last).rendered())
        } else {
            printText(summary, experiment.cluster, last: last, wallSeconds: Date().timeIntervalSince(started))
        }
        if summary.failedCount > 0 { throw ExitCode(1) }
    }

    private func timerText(_ c: ClusterConfig) -> String {
        c.electionTimeoutOnTicks ? "counted in \(c.raftTickMs) ms ticks" : "drawn in µs"
    }

    private func printText(_ s: FailoverSummary, _ c: ClusterConfig, last: UInt64, wallSeconds: Double) {
        func ms(_ v: Double?) -> String { v.map { String(format: "%.1f ms", $0) } ?? "-" }
        print("failover: \(seeds) seeds (\(from)...\(last)), \(c.stores) stores, 1 partition x\(c.replicas), "
              + "election timeout \(c.electionTimeoutMsMin)-\(c.electionTimeoutMsMax) ms (\(timerText(c))), heartbeat \(c.heartbeatMs) ms")
        print("kill the leader -> a new leader serves (its no-op applied), \(s.completed) of \(s.trials) trials:")
        let slowest = s.slowest.map { " (seed \($0.seed))" } ?? ""
        print("  p50 \(ms(s.ms(atPercentile: 50)))  p99 \(ms(s.ms(atPercentile: 99)))  max \(ms(s.maxMs))\(slowest)  min \(ms(s.minMs))")
        let byRounds = s.trialsByRounds.indices.dropFirst().map { "\($0): \(s.trialsByRounds[$0])" }.joined(separator: ", ")
        if let over {
            let listed = s.over.map { "seed \($0.seed) \(ms(Double($0.downtimeUs!) / 1_000)) in \($0.rounds) round\($0.rounds == 1 ? "" : "s")" }
            let more = s.overCount > s.over.count ? ", ..." : ""
            print("  slower than \(over) ms: \(s.overCount) of \(s.completed)" + (listed.isEmpty ? "" : " (" + listed.joined(separator: "; ") + more + ")"))
        }
        print("  elections over more than one round (split votes or lost rounds): \(s.multiRound) of \(s.completed); by rounds \(byRounds)")
        print(String(format: "%.1f s wall", wallSeconds))
    }

    /// A seed as a JSON number, or as a string past the largest integer JSON readers keep exactly here.
    private func seedJSON(_ seed: UInt64) -> JSONValue { Int(exactly: seed).map { .int($0) } ?? .string(String(seed)) }

    private func report(_ s: FailoverSummary, _ c: ClusterConfig, last: UInt64) -> JSONValue {
        func ms(_ v: Double?) -> JSONValue { v.map { .number($0, decimals: 3) } ?? .null }
        return .object([
            ("seeds", .int(seeds)),
            ("from", seedJSON(from)),
            ("last", seedJSON(last)),
            ("stores", .int(c.stores)),
            ("replicas", .int(c.replicas)),
            ("election_timeout_ms", .array([.int(Int(c.electionTimeoutMsMin)), .int(Int(c.electionTimeoutMsMax))])),
            ("election_timer", .string(c.electionTimeoutOnTicks ? "ticks" : "microseconds")),
            ("heartbeat_ms", .int(Int(c.heartbeatMs))),
            ("completed", .int(s.completed)),
            ("failed", .int(s.failedCount)),
            ("failed_seeds", .array(s.failed.map { seedJSON($0.seed) })),
            ("downtime_ms", .object([
                ("p50", ms(s.ms(atPercentile: 50))), ("p99", ms(s.ms(atPercentile: 99))),
                ("max", ms(s.maxMs)), ("min", ms(s.minMs)),
            ])),
            ("slowest_seed", s.slowest.map { seedJSON($0.seed) } ?? .null),
            ("multi_round_elections", .int(s.multiRound)),
            ("over_ms", over.map { .int($0) } ?? .null),
            ("over_count", over == nil ? .null : .int(s.overCount)),
            ("over", .array(s.over.map {
                .object([("seed", seedJSON($0.seed)), ("downtime_ms", .number(Double($0.downtimeUs!) / 1_000, decimals: 3)), ("rounds", .int($0.rounds))])
            })),
            ("trials_by_rounds", .object(s.trialsByRounds.indices.dropFirst().map { (String($0), .int(s.trialsByRounds[$0])) })),
        ])
    }
}
