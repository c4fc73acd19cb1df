import Testing
@testable import ClusterSim

/// The Figure 16 failover measurement (Raft paper §9.3) over a few seeds: every trial ends with a new
/// leader serving, and each downtime lies where the timing allows it to.
struct FailoverExperimentTests {
    /// 20 seeds: every kill is followed by a new leader (not the dead one, in a later term) serving, and each
    /// downtime is bounded by the timers. Below: a follower's timer started at the last heartbeat, at most
    /// one heartbeat interval before the kill, so nothing can time out earlier than the minimum timeout
    /// less that interval. Above: each round lasts at most the maximum timeout, plus the messages and disk
    /// syncs of PreVote, the vote and the no-op (a few ms here; 50 ms of slack).
    @Test func everyFailoverCompletesWithinTheTimersBounds() {
        let experiment = FailoverExperiment()
        let c = experiment.cluster
        let floorUs = (c.electionTimeoutMsMin - c.heartbeatMs) * 1_000
        var summary = FailoverSummary()
        for seed in UInt64(1)...20 {
            let t = experiment.trial(seed: seed)
            summary.add(t)
            guard let downtimeUs = t.downtimeUs else {
                Issue.record("seed \(seed): \(t.problem ?? "no downtime")")
                continue
            }
            #expect(t.problem == nil)
            #expect(t.newLeader != nil && t.newLeader != t.killed, "seed \(seed)")
            #expect(t.rounds >= 1, "seed \(seed)")
            #expect(downtimeUs > floorUs, "seed \(seed): \(downtimeUs) us")
            let ceilingUs = Int64(t.rounds) * c.electionTimeoutMsMax * 1_000 + 50_000
            #expect(downtimeUs < ceilingUs, "seed \(seed): \(downtimeUs) us in \(t.rounds) rounds")
        }
        #expect(summary.completed == 20)
        #expect(summary.failed.isEmpty)
        #expect(summary.downtimes.totalCount == 20)
        #expect(summary.trialsByRounds.reduce(0, +) == 20)
        // The median sits inside one round: above the floor, below the maximum timeout.
        let p50 = summary.ms(atPercentile: 50)!
        #expect(p50 > Double(floorUs) / 1_000 && p50 < Double(c.electionTimeoutMsMax))
    }

    /// The same seed replays the same trial: kill instant, victim, successor, terms and downtime.
    @Test func aTrialReplaysExactly() {
        let experiment = FailoverExperiment()
        #expect(experiment.trial(seed: 7) == experiment.trial(seed: 7))
    }

    /// The kill falls at a random moment within a heartbeat interval after the settle time, and the
    /// victim is the partition's leader (so the old term is the one it led in).
    @Test func theKillLandsBetweenHeartbeatsOnTheLeader() {
        let experiment = FailoverExperiment()
        var instants: [Int64] = []
        for seed in UInt64(1)...10 {
            let t = experiment.trial(seed: seed)
            #expect(t.killed != nil && t.oldTerm >= 1)
            instants.append(t.killedAt.us)
        }
        // Boot elects within a few tens of ms; then the settle time; then up to one heartbeat interval.
        let lowestUs = experiment.settle.us
        let highestUs = lowestUs + 100_000 + experiment.cluster.heartbeatMs * 1_000
        #expect(instants.allSatisfy { $0 > lowestUs && $0 < highestUs })
        #expect(Set(instants).count == 10)
    }
}
