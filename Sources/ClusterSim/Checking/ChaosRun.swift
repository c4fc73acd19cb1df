/// One seeded run of random faults against a small cluster, then a full repair: the unit of a seed sweep.
///
/// Faults: store kills and restarts, two-sided partitions, isolations, one-way cuts, message loss,
/// slow and paused processes, heals, kills or restarts of services and caches, and placement changes
/// (adding stores, rebalancing passes) under them. After the repair every partition must have a leader
/// within `leaderDeadline`, and no checker may have seen a violation. The same seed always replays the
/// same run.
public struct ChaosRun: Sendable {
    public var seed: UInt64
    public var mode: ReplicationMode
    public var steps: Int
    public var leaderDeadline = SimTime.seconds(5)
    /// Steps the final check may spend on each key the periodic checks left undecided.
    public static let finalStepsPerKey = 2_000_000

    public init(seed: UInt64, mode: ReplicationMode = .raft, steps: Int = 12) {
        self.seed = seed
        self.mode = mode
        self.steps = steps
    }

    /// What went wrong in one run (empty when nothing did), with the numbers a reader needs.
    public struct Outcome: Sendable, CustomStringConvertible {
        public var seed: UInt64
        public var problems: [String] = []
        public var lostWrites = 0
        /// The linearizability verdict: nil when the checker could not give one (its budget ran out).
        public var linearizable: Bool?
        /// Keys the live linearizability check left undecided.
        public var undecidedKeys = 0
        public var leaderElections = 0
        public var opsOK = 0
        public var recoveryMs: Int64 = 0
        /// Faults injected, by kind, for the sweep's summary.
        public var faults: [String: Int] = [:]
        /// No violation, but not proven clean either: no linearizability verdict, or keys left undecided.
        public var isUnproven: Bool { problems.isEmpty && (linearizable == nil || undecidedKeys > 0) }
        public var description: String {
            problems.isEmpty ? "seed \(seed): ok" : "seed \(seed): " + problems.joined(separator: "; ")
        }
    }

    public static func config(seed: UInt64) -> ClusterConfig {
        var c = ClusterConfig()
        c.seed = seed
        c.stores = 5
        c.services = 2
        c.caches = 2
        c.partitions = 6
        c.workload.ratePerSecond = 100
        c.workload.readFraction = 0.7
        return c
    }

    public func run() -> Outcome {
        let config = ChaosRun.config(seed: seed)
        let cluster = Cluster(config: config)
        if mode != .raft { cluster.apply(.replication(mode)) }
        var chaos = ChaosFaults(config: config, random: SimRandom(seed: seed).stream("chaos"))
        cluster.run(for: .seconds(2))
        for _ in 0..<steps {
            chaos.injectOne(into: cluster)
            cluster.run(for: .ms(Int64(300 + chaos.random.below(1_400))))
        }
        var outcome = Outcome(seed: seed)
        outcome.faults = chaos.injected
        chaos.repair(cluster)
        let repairedAt = cluster.now
        while cluster.value(of: .leaderless) > 0 {
            if cluster.now - repairedAt > leaderDeadline {
                outcome.problems.append("\(Int(cluster.value(of: .leaderless))) partitions leaderless \(leaderDeadline.seconds) s after the last heal and restart")
                break
            }
            cluster.run(for: .ms(10))
        }
        outcome.recoveryMs = (cluster.now - repairedAt).ms
        cluster.run(for: .seconds(1))
        assess(cluster, into: &outcome)
        return outcome
    }

    /// Reads every checker's verdict into `outcome`; a violation is a problem.
    private func assess(_ cluster: Cluster, into outcome: inout Outcome) {
        cluster.checkLinearizability(recheckStepsPerKey: ChaosRun.finalStepsPerKey)
        let snapshot = cluster.snapshot()
        let checks = snapshot.checks
        outcome.linearizable = checks.linearizable
        outcome.undecidedKeys = checks.undecidedKeys
        outcome.lostWrites = checks.acknowledgedWritesLost
        outcome.opsOK = snapshot.clients.ok
        outcome.leaderElections = cluster.checker.electionsSeen
        if checks.electionSafetyViolations > 0 { outcome.problems.append("\(checks.electionSafetyViolations) election safety violations") }
        if checks.committedEntryChanges > 0 { outcome.problems.append("\(checks.committedEntryChanges) committed entries changed") }
        if checks.acknowledgedWritesLost > 0 { outcome.problems.append("\(checks.acknowledgedWritesLost) acknowledged writes lost") }
        if checks.linearizable == false { outcome.problems.append("client history not linearizable") }
        if let first = checks.firstViolation { outcome.problems.append("first: " + first) }
    }
}
