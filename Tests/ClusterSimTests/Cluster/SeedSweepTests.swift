import Testing
@testable import ClusterSim

/// Random faults over many seeds: kills, restarts, partitions, isolations, loss and heals, then recovery.
/// Each seed must keep every invariant and get a leader for every partition within 5 s of the last repair.
struct SeedSweepTests {
    /// The outcome of one seed's run, with enough detail to replay it.
    struct Outcome: CustomStringConvertible {
        var seed: UInt64
        var problems: [String] = []
        var description: String { "seed \(seed): " + problems.joined(separator: "; ") }
    }

    static func sweepConfig(seed: UInt64) -> ClusterConfig {
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

    /// Plays `steps` random faults, one per virtual second, then repairs everything and waits for leaders.
    static func run(seed: UInt64, mode: ReplicationMode = .raft, steps: Int = 12) -> Outcome {
        let config = sweepConfig(seed: seed)
        let cluster = Cluster(config: config)
        if mode != .raft { cluster.apply(.replication(mode)) }
        var chaos = SimRandom(seed: seed).stream("chaos")
        let storeIDs = (1...config.stores).map { NodeID.store($0) }
        cluster.run(for: .seconds(2))
        for _ in 0..<steps {
            let victim = storeIDs[chaos.below(storeIDs.count)]
            switch chaos.below(9) {
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
                let other = [NodeID.service(1 + chaos.below(2)), NodeID.cache(1 + chaos.below(2))][chaos.below(2)]
                cluster.apply(chaos.chance(0.5) ? .kill(other) : .restart(other))
            }
            cluster.run(for: .ms(Int64(300 + chaos.below(1_400))))
        }
        cluster.apply(.heal)
        for id in storeIDs where cluster.value(of: .up(id)) == 0 { cluster.apply(.restart(id)) }
        let repairedAt = cluster.now
        var outcome = Outcome(seed: seed)
        while cluster.value(of: .leaderless) > 0 {
            if cluster.now - repairedAt > .seconds(5) {
                outcome.problems.append("\(Int(cluster.value(of: .leaderless))) partitions leaderless 5 s after repair")
                break
            }
            cluster.run(for: .ms(50))
        }
        cluster.run(for: .seconds(1))
        let checks = cluster.snapshot().checks
        if checks.electionSafetyViolations > 0 { outcome.problems.append("\(checks.electionSafetyViolations) election safety violations") }
        if checks.committedEntryChanges > 0 { outcome.problems.append("\(checks.committedEntryChanges) committed entries changed") }
        if checks.acknowledgedWritesLost > 0 { outcome.problems.append("\(checks.acknowledgedWritesLost) acknowledged writes lost") }
        if let first = checks.firstViolation { outcome.problems.append(first) }
        return outcome
    }

    @Test(arguments: 0..<4)
    func raftModeKeepsEveryInvariantOn200Seeds(block: Int) {
        // Four blocks of 50 seeds so the runner can spread them over cores.
        for seed in UInt64(block * 50 + 1)...UInt64(block * 50 + 50) {
            let outcome = SeedSweepTests.run(seed: seed)
            #expect(outcome.problems.isEmpty, "\(outcome) (replay: SeedSweepTests.run(seed: \(seed)))")
        }
    }
}
