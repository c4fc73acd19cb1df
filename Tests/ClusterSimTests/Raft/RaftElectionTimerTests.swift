import Testing
@testable import ClusterSim

/// The election timer run by the host (`RaftConfig.electionTimeoutUs`): the replica draws the timeout in
/// microseconds and says when the timer restarts; ticks no longer start elections; `electionTimeout()` does.
struct RaftElectionTimerTests {
    let n1 = NodeID.store(1), n2 = NodeID.store(2), n3 = NodeID.store(3)

    private func hostTimed() -> RaftConfig {
        var c = RaftConfig()
        c.electionTimeoutUs = 150_000...300_000
        return c
    }

    private func follower(_ id: NodeID, seed: UInt64 = 1) -> RaftNode {
        RaftNode.bootstrap(id: id, voters: [n1, n2, n3], config: hostTimed(), random: SimRandom(seed: seed))
    }

    /// With the host running the timer, ticks alone never start an election (however many pass), so the
    /// election instant is the host's, not the next tick's.
    @Test func ticksDoNotStartElections() {
        var node = follower(n1)
        for _ in 0..<1_000 { node.tick() }
        #expect(node.role == .follower)
        #expect(node.term == 0)
        #expect(node.drainReady().messages.isEmpty)
    }

    /// `electionTimeout()` starts PreVote on a follower (§9.6: the term stays until a majority agrees);
    /// on a leader it does nothing.
    @Test func timeoutStartsPreVoteAndLeadersIgnoreIt() {
        var node = follower(n1)
        node.electionTimeout()
        #expect(node.role == .preCandidate)
        #expect(node.term == 0)
        let kinds = node.drainReady().messages.map(\.kind)
        #expect(kinds == [.preVote(lastIndex: 0, lastTerm: 0), .preVote(lastIndex: 0, lastTerm: 0)])

        var net = RaftTestNetwork(voters: 3, config: hostTimed(), seed: 3)
        net.with(n1) { $0.campaign() }
        #expect(net.run(upTo: 20) { $0.node(n1).role == .leader })
        let term = net.node(n1).term
        net.with(n1) { $0.electionTimeout() }
        #expect(net.node(n1).role == .leader)
        #expect(net.node(n1).term == term)
    }

    /// Timeouts are drawn uniformly in the configured range at microsecond resolution: 400 draws give
    /// hundreds of distinct values (ticks of 10 ms would give at most 16) spread over the whole range.
    @Test func timeoutsAreFineGrainedAndInRange() {
        var node = follower(n2, seed: 7)
        var drawn: [Int64] = []
        for _ in 0..<400 {
            node.electionTimeout()
            drawn.append(node.electionTimer.timeoutUs)
        }
        #expect(drawn.allSatisfy { (150_000...300_000).contains($0) })
        #expect(Set(drawn).count > 390)
        #expect(drawn.min()! < 160_000 && drawn.max()! > 290_000)
    }

    /// A message from the leader of the current term restarts the timer with the same timeout (the follower
    /// keeps waiting as long as before); a new term redraws it.
    @Test func leaderMessagesRestartNewTermsRedraw() {
        var node = follower(n2, seed: 5)
        let atBoot = node.electionTimer
        // Term 0 -> 1: the replica becomes a follower of the new term, which draws a fresh timeout.
        node.step(RaftMessage(from: n1, to: n2, term: 1, kind: .heartbeat(commit: 0, context: 0)))
        let inTerm1 = node.electionTimer
        #expect(inTerm1.restarts > atBoot.restarts)
        #expect(inTerm1.timeoutUs != atBoot.timeoutUs)
        for k in 1...3 {
            node.step(RaftMessage(from: n1, to: n2, term: 1, kind: .heartbeat(commit: 0, context: 0)))
            #expect(node.electionTimer.restarts == inTerm1.restarts + UInt64(k))
            #expect(node.electionTimer.timeoutUs == inTerm1.timeoutUs)
        }
    }

    /// The tick-driven timer is unchanged: with no `electionTimeoutUs` a follower campaigns after
    /// `electionTicksMin...electionTicksMax` ticks, and the host-run timer never moves.
    @Test func tickDrivenTimerStillCampaigns() {
        var node = RaftNode.bootstrap(id: n1, voters: [n1, n2, n3], config: RaftConfig(), random: SimRandom(seed: 1))
        var ticks = 0
        while node.role == .follower && ticks < 100 {
            node.tick()
            ticks += 1
        }
        #expect(node.role == .preCandidate)
        #expect((RaftConfig().electionTicksMin...RaftConfig().electionTicksMax).contains(ticks))
        #expect(node.electionTimer == ElectionTimer())
    }
}
