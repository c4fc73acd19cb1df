import Testing
@testable import ClusterSim

/// The cluster-wide checker keeps memory proportional to elections, not writes, and still catches a
/// changed committed entry, a lost acknowledged write and a second leader in a term, before and after
/// it forgets what no replica can touch again.
struct ClusterCheckerTests {
    let n1 = NodeID.store(1), n2 = NodeID.store(2), n3 = NodeID.store(3)

    @Test func millionCommittedEntriesOverFourTermsAreFourRuns() {
        // The defect: one stored term per committed write, forever. Four leaders, four runs.
        var checker = ClusterChecker(partitions: 1)
        for index in 1...1_000_000 {
            let term = 1 + (index - 1) / 250_000
            checker.entryApplied(partition: 0, index: index, term: term, by: n1)
            if index % 1_000 == 0 { checker.writeAcknowledged(partition: 0, index: index, term: term) }
        }
        #expect(checker.memoryHeld(partition: 0).termRuns == 4)
        #expect(checker.acknowledgedWrites == 1_000 && checker.acknowledgedWritesLost == 0)
        // A follower replaying the log agrees everywhere, including at the run boundaries.
        for index in [1, 250_000, 250_001, 500_000, 750_001, 1_000_000] {
            checker.entryApplied(partition: 0, index: index, term: 1 + (index - 1) / 250_000, by: n2)
        }
        #expect(checker.committedEntryChanges == 0 && checker.firstProblem == nil)
    }

    @Test func changedCommittedEntryIsCaughtInsideARun() {
        var checker = ClusterChecker(partitions: 2)
        for index in 1...100 { checker.entryApplied(partition: 1, index: index, term: index <= 50 ? 2 : 3, by: n1) }
        checker.entryApplied(partition: 1, index: 50, term: 2, by: n2)
        checker.entryApplied(partition: 1, index: 51, term: 2, by: n3)
        #expect(checker.committedEntryChanges == 1)
        #expect(checker.firstProblem == "committed entry changed: p1 index 51 was term 3, n3 applied term 2")
    }

    @Test func lostAcknowledgedWriteIsCaughtBeforeAndAfterItsIndexCommits() {
        var checker = ClusterChecker(partitions: 1)
        for index in 1...10 { checker.entryApplied(partition: 0, index: index, term: 1, by: n1) }
        // Acknowledged at (5, term 2), but index 5 was committed in term 1.
        checker.writeAcknowledged(partition: 0, index: 5, term: 2)
        // Acknowledged at (12, term 1) before index 12 commits; it then commits in term 2.
        checker.writeAcknowledged(partition: 0, index: 12, term: 1)
        checker.entryApplied(partition: 0, index: 11, term: 2, by: n2)
        checker.entryApplied(partition: 0, index: 12, term: 2, by: n2)
        #expect(checker.acknowledgedWritesLost == 2)
        #expect(checker.firstProblem == "acknowledged write lost: p0 index 5 term 2 was replaced by term 1")
    }

    @Test func horizonForgetsThePrefixAndKeepsCheckingPastIt() {
        // 10,000 terms of 10 entries each; every replica has compacted past index 99,000.
        var checker = ClusterChecker(partitions: 1)
        for index in 1...100_000 { checker.entryApplied(partition: 0, index: index, term: 1 + (index - 1) / 10, by: n1) }
        #expect(checker.memoryHeld(partition: 0).termRuns == 10_000)
        checker.forgetHorizon(partition: 0, lowestSnapshotIndex: 99_000, lowestTerm: 1)
        #expect(checker.memoryHeld(partition: 0).termRuns == 100)
        // Past the horizon the log is still exact: a changed entry and a lost write are both caught.
        checker.entryApplied(partition: 0, index: 99_001, term: 9_901, by: n2)
        checker.entryApplied(partition: 0, index: 99_011, term: 9_902, by: n2)
        #expect(checker.committedEntryChanges == 0)
        checker.entryApplied(partition: 0, index: 99_500, term: 9_949, by: n3)
        #expect(checker.committedEntryChanges == 1)
        checker.writeAcknowledged(partition: 0, index: 100_001, term: 10_000)
        checker.entryApplied(partition: 0, index: 100_001, term: 10_001, by: n1)
        #expect(checker.acknowledgedWritesLost == 1)
        // The horizon never moves back, and forgetting everything keeps the run new entries extend.
        checker.forgetHorizon(partition: 0, lowestSnapshotIndex: 5, lowestTerm: 1)
        checker.forgetHorizon(partition: 0, lowestSnapshotIndex: 200_000, lowestTerm: 1)
        #expect(checker.memoryHeld(partition: 0).termRuns == 1)
        checker.entryApplied(partition: 0, index: 100_002, term: 10_001, by: n1)
        #expect(checker.memoryHeld(partition: 0).termRuns == 1)
    }

    @Test func secondLeaderInATermIsCaughtAndOldTermsAreForgotten() {
        var checker = ClusterChecker(partitions: 1)
        for term in 1...100_000 {
            #expect(checker.leaderElected(partition: 0, term: term, leader: term % 2 == 0 ? n1 : n2) == nil)
            // Every replica has moved past the term before last.
            if term % 100 == 0 { checker.forgetHorizon(partition: 0, lowestSnapshotIndex: 0, lowestTerm: term - 1) }
        }
        #expect(checker.electionsSeen == 100_000)
        #expect(checker.memoryHeld(partition: 0).leaderTerms <= 101)
        #expect(checker.leaderElected(partition: 0, term: 100_000, leader: n1) == nil)
        #expect(checker.leaderElected(partition: 0, term: 100_000, leader: n3)
            == "election safety violated: p0 term 100000 has leaders n1 and n3")
        #expect(checker.electionSafetyViolations == 1 && checker.electionsSeen == 100_000)
    }

    @Test func withoutAHorizonLeaderTermsStayWithinTheirWindow() {
        // A replica stuck in term 0 holds the exact bound down; the window still bounds memory.
        var checker = ClusterChecker(partitions: 1)
        for term in 1...10_000 { _ = checker.leaderElected(partition: 0, term: term, leader: n1) }
        #expect(checker.memoryHeld(partition: 0).leaderTerms == TermLeaders.termsKept)
        #expect(checker.leaderElected(partition: 0, term: 10_000, leader: n2) != nil)
        #expect(checker.leaderElected(partition: 0, term: 9_000, leader: n2) != nil)
    }

    @Test(arguments: [ReplicationMode.raft, .async])
    func horizonFollowsTheClusterThroughCrashesAndRestarts(mode: ReplicationMode) {
        // Enough writes that every replica compacts its log many times, while stores crash and come
        // back from their durable state (re-applying from their snapshots). Applying below the horizon
        // would trip the checker's assertion; raft must stay clean, and async's losses must still show.
        var config = ClusterConfig()
        config.seed = 11
        config.partitions = 2
        config.workload.ratePerSecond = 1_000
        config.workload.readFraction = 0.2
        // Two partitions take every write: cheap store work keeps their leaders from saturating, since
        // this test is about the checker's memory, not about capacity.
        config.storeCpuUsPerRequest = 300
        config.storeCpuUsPerAppend = 100
        let cluster = Cluster(config: config)
        if mode != .raft { _ = cluster.apply(.replication(mode)) }
        cluster.run(for: .seconds(3))
        for round in 0..<5 {
            let victim = NodeID.store(1 + round % config.stores)
            _ = cluster.apply(.kill(victim))
            cluster.run(for: .seconds(2))
            _ = cluster.apply(.restart(victim))
            cluster.run(for: .seconds(2))
        }
        // The kills forced new leaders, so there were older terms and runs to forget.
        #expect(cluster.checker.electionsSeen >= 2 * config.partitions, "\(cluster.checker.electionsSeen)")
        for p in 0..<config.partitions {
            let held = cluster.checker.memoryHeld(partition: p)
            #expect(held.forgottenThrough > 2_000, "p\(p): \(held)")
            #expect(held.termRuns <= 2 && held.leaderTerms <= 2, "p\(p): \(held)")
        }
        let checks = cluster.snapshot().checks
        #expect(checks.electionSafetyViolations == 0)
        if mode == .raft {
            #expect(checks.committedEntryChanges == 0 && checks.acknowledgedWritesLost == 0, "\(checks)")
        } else {
            #expect(checks.acknowledgedWritesLost > 0, "async replication lost nothing: \(checks)")
        }
    }
}
