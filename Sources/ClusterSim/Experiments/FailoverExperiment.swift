/// The Raft paper's failover measurement (§9.3, Figure 16) on the simulated cluster: per seed, boot a small
/// cluster whose one partition has a replica on each of five stores (the paper's five servers), let it
/// settle, crash the leader's store at a random moment between two heartbeats, and time how long the
/// partition has no leader that serves.
///
/// "Serves" means the new leader has applied an entry of its own term: the no-op every new leader appends
/// (§5.4.2, §8), committed by a majority and synced to the leader's disk. Before that moment the leader can
/// neither acknowledge a write nor answer a ReadIndex read; from it on it does both. It is the earliest
/// instant a client write to the partition could succeed, and unlike timing a client's write it does not
/// depend on when the next request happens to arrive. The paper times the same gap, crash to a new
/// leader, with "leader" read a step earlier (elected); ours adds the one round trip and fsync of the no-op.
///
/// The clients run a light workload (a few operations a second), so the leader carries real appends when
/// it dies. The same seed always gives the same trial.
public struct FailoverExperiment: Sendable {
    /// The cluster every trial boots; each trial sets its seed.
    public var cluster: ClusterConfig
    /// Time to run after the partition first serves, before the kill window opens.
    public var settle = SimTime.seconds(1)
    /// A trial whose partition has no serving leader this long after the kill has failed.
    public var giveUpAfter = SimTime.seconds(10)
    /// How far virtual time advances between looks at the partition (the time measured is exact: it is the
    /// instant the leader tracker saw the no-op applied, not the end of a step).
    public var stepMs: Int64 = 5

    /// The measured partition: the only one.
    static let partition = 0

    public init(cluster: ClusterConfig = FailoverExperiment.defaultCluster) {
        self.cluster = cluster
    }

    /// Five stores and one partition replicated on all five, light client load, default Raft timing.
    public static var defaultCluster: ClusterConfig {
        var c = ClusterConfig()
        c.stores = 5
        c.replicas = 5
        c.partitions = 1
        c.services = 1
        c.caches = 1
        c.workload.ratePerSecond = 5
        return c
    }

    /// Runs one seed's trial.
    public func trial(seed: UInt64) -> FailoverTrial {
        var config = cluster
        config.seed = seed
        let sim = Cluster(config: config)
        var random = SimRandom(seed: seed).stream("failover-experiment")
        let p = FailoverExperiment.partition
        var trial = FailoverTrial(seed: seed)
        guard run(sim, until: { $0.stores.leaders.tracks[p].servingSince != nil }, for: giveUpAfter) else {
            trial.problem = "no serving leader \(giveUpAfter.ms) ms after boot"
            return trial
        }
        sim.run(for: settle)
        // Uniform over one heartbeat interval at µs resolution: every phase between heartbeats is as likely.
        sim.run(for: SimTime(us: Int64(random.below(Int(config.heartbeatMs * 1_000)))))
        guard let (store, leader) = sim.stores.leader(of: p), sim.stores.leaders.tracks[p].servingSince != nil else {
            trial.problem = "no serving leader at the kill"
            return trial
        }
        trial.killed = leader.id
        trial.oldTerm = leader.term
        trial.killedAt = sim.now
        sim.apply(.kill(.store(store + 1)))
        let oldTerm = leader.term
        let served = run(sim, until: {
            let track = $0.stores.leaders.tracks[p]
            return track.leaderTerm > oldTerm && track.servingSince != nil
        }, for: giveUpAfter)
        guard served else {
            trial.problem = "no serving leader \(giveUpAfter.ms) ms after killing \(leader.id)"
            return trial
        }
        let track = sim.stores.leaders.tracks[p]
        trial.newLeader = track.leader
        trial.newTerm = track.leaderTerm
        trial.downtimeUs = track.servingSince!.us - trial.killedAt.us
        return trial
    }

    /// Advances `sim` in steps until `done` holds or `limit` has passed; returns whether it held.
    private func run(_ sim: Cluster, until done: (Cluster) -> Bool, for limit: SimTime) -> Bool {
        let end = sim.now + limit
        while !done(sim) {
            guard sim.now < end else { return false }
            sim.run(until: min(end, sim.now + .ms(stepMs)))
        }
        return true
    }
}

/// One seed's failover: who died when, who took over in which term, and how long nobody served.
public struct FailoverTrial: Sendable, Equatable {
    public var seed: UInt64
    public var killed: NodeID?
    public var killedAt = SimTime.zero
    public var oldTerm = 0
    public var newLeader: NodeID?
    public var newTerm = 0
    /// From the kill to the new leader applying its no-op; nil when the trial failed.
    public var downtimeUs: Int64?
    /// Why the trial did not complete, or nil.
    public var problem: String?

    public init(seed: UInt64) { self.seed = seed }

    /// Election rounds it took: terms from the dead leader's to the new one's. More than one means a round
    /// ended without a winner (a split vote, or a candidate that lost) and its candidates timed out again.
    public var rounds: Int { newTerm - oldTerm }
}
