/// One seeded run of random faults against a small cluster, then a full repair: the unit of a seed sweep.
///
/// Faults: store kills and restarts, two-sided partitions, isolations, message loss, heals, kills or
/// restarts of services and caches, and placement changes (adding stores, rebalancing passes) under them. After the repair every partition must have a leader within
/// `leaderDeadline`, and no checker may have seen a violation. The same seed always replays the same run.
public struct ChaosRun: Sendable {
    public var seed: UInt64
    public var mode: ReplicationMode
    public var steps: Int
    public var leaderDeadline = SimTime.seconds(5)

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
        public var linearizable = true
        /// Keys the live linearizability check left undecided (reported, not counted as a violation).
        public var undecidedKeys = 0
        public var leaderElections = 0
        public var opsOK = 0
        public var recoveryMs: Int64 = 0
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
        var chaos = SimRandom(seed: seed).stream("chaos")
        var storeIDs = (1...config.stores).map { NodeID.store($0) }
        cluster.run(for: .seconds(2))
        for _ in 0..<steps {
            let victim = storeIDs[chaos.below(storeIDs.count)]
            switch chaos.below(11) {
            case 9:
                // Scale out (up to 7 stores): the new store is empty until a rebalance moves replicas to it.
                if storeIDs.count < 7, cluster.apply(.add(.store)) == nil { storeIDs.append(.store(storeIDs.count + 1)) }
            case 10:
                cluster.apply(.rebalance)
            case 0, 1: cluster.apply(.kill(victim))
            case 2, 3: cluster.apply(.restart(victim))
            case 4:
                var shuffled = storeIDs
                for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, chaos.below(i + 1)) }
                let cut = 1 + chaos.below(storeIDs.count - 1)
                cluster.apply(.partition([Array(shuffled[..<cut]).sorted(), Array(shuffled[cut...]).sorted()]))
            case 5: cluster.apply(.isolate(victim))
            case 6: cluster.apply(.loss(percent: Double(5 + chaos.below(20))))
            case 7: cluster.apply(.heal)
            default:
                let other = [NodeID.service(1 + chaos.below(config.services)), NodeID.cache(1 + chaos.below(config.caches))][chaos.below(2)]
                cluster.apply(chaos.chance(0.5) ? .kill(other) : .restart(other))
            }
            cluster.run(for: .ms(Int64(300 + chaos.below(1_400))))
        }
        cluster.apply(.heal)
        for id in storeIDs where cluster.value(of: .up(id)) == 0 { cluster.apply(.restart(id)) }
        let repairedAt = cluster.now
        var outcome = Outcome(seed: seed)
        while cluster.value(of: .leaderless) > 0 {
            if cluster.now - repairedAt > leaderDeadline {
                outcome.problems.append("\(Int(cluster.value(of: .leaderless))) partitions leaderless \(leaderDeadline.seconds) s after the last heal and restart")
                break
            }
            cluster.run(for: .ms(10))
        }
        outcome.recoveryMs = (cluster.now - repairedAt).ms
        cluster.run(for: .seconds(1))
        cluster.checkLinearizability()
        let checks = cluster.snapshot().checks
        outcome.linearizable = checks.linearizable ?? true
        outcome.undecidedKeys = checks.undecidedKeys
        outcome.lostWrites = checks.acknowledgedWritesLost
        outcome.opsOK = cluster.snapshot().clients.ok
        outcome.leaderElections = cluster.checker.electionsSeen
        if checks.electionSafetyViolations > 0 { outcome.problems.append("\(checks.electionSafetyViolations) election safety violations") }
        if checks.committedEntryChanges > 0 { outcome.problems.append("\(checks.committedEntryChanges) committed entries changed") }
        if checks.acknowledgedWritesLost > 0 { outcome.problems.append("\(checks.acknowledgedWritesLost) acknowledged writes lost") }
        if checks.linearizable == false { outcome.problems.append("client history not linearizable") }
        if let first = checks.firstViolation { outcome.problems.append("first: " + first) }
        return outcome
    }
}
