import Testing
@testable import ClusterSim

/// Leader election (§5.2), re-election and the MIT 6.5840 election scenarios.
struct RaftElectionTests {
    let n1 = NodeID.store(1), n2 = NodeID.store(2), n3 = NodeID.store(3)

    /// Lab "initial election": 3 replicas elect exactly one leader, all agree on the term, and with no
    /// failures nobody starts another election.
    @Test func initialElectionElectsOneLeaderAndStaysStable() {
        var net = RaftTestNetwork(voters: 3, seed: 11)
        #expect(net.run(upTo: 200) { $0.leaders.count == 1 })
        let leader = net.leader()!
        let term = net.node(leader).term
        net.run(ticks: 500)
        #expect(net.leader() == leader)
        #expect(net.upIDs.allSatisfy { net.node($0).term == term })
        #expect(net.upIDs.allSatisfy { net.node($0).leaderID == leader })
        #expect(net.checker.violations == [])
    }

    /// Lab "re-election": cut the leader, the rest elect a new one; the old one rejoins and steps down;
    /// with 2 of 3 cut no leader can emerge; healing brings one back.
    @Test func reElectionAfterLeaderIsCut() {
        var net = RaftTestNetwork(voters: 3, seed: 12)
        #expect(net.run(upTo: 200) { $0.leaders.count == 1 })
        let old = net.leader()!
        net.isolate(old)
        let rest = net.upIDs.filter { $0 != old }
        #expect(net.run(upTo: 300) { $0.leader(among: rest) != nil })
        let new = net.leader(among: rest)!
        #expect(new != old)

        net.heal()
        #expect(net.run(upTo: 300) { $0.node(old).role == .follower && $0.node(old).leaderID == new })
        #expect(net.leaders.count == 1)

        // Cut two of three: nobody has a quorum, so no leader exists (the cut leader steps down by CheckQuorum).
        let lone = new
        net.isolate(lone)
        let other = rest.first { $0 != new }!
        net.isolate(other)
        net.run(ticks: 400)
        #expect(net.upIDs.filter { net.node($0).role == .leader }.isEmpty)

        net.heal()
        #expect(net.run(upTo: 300) { $0.leaders.count == 1 })
        #expect(net.checker.violations == [])
    }

    /// Lab "many elections": 7 replicas, 10 rounds of cutting 3 at random: a leader always emerges
    /// among the connected 4, and there is never more than one leader per term.
    @Test func manyElectionsWithSevenReplicas() {
        var net = RaftTestNetwork(voters: 7, seed: 13)
        var r = SimRandom(seed: 99)
        #expect(net.run(upTo: 300) { $0.leaders.count >= 1 })
        for round in 0..<10 {
            var ids = net.allIDs
            var cut: [NodeID] = []
            for _ in 0..<3 { cut.append(ids.remove(at: r.below(ids.count))) }
            net.partition([ids, [cut[0]], [cut[1]], [cut[2]]])
            let ok = net.run(upTo: 400) { $0.leader(among: ids) != nil }
            #expect(ok, "round \(round): no leader among \(ids)")
            net.heal()
        }
        #expect(net.run(upTo: 400) { $0.leader() != nil })
        #expect(net.checker.violations == [])
    }

    /// §5.4.1: a voter refuses a candidate whose log is less up to date, even in a fresh term.
    @Test func voteRefusedForStaleLog() {
        let ids = [n1, n2, n3]
        var c = RaftConfig(); c.checkQuorum = false
        let snap = RaftSnapshot(index: 0, term: 0, membership: Membership(voters: ids), kv: [:])
        let durable = RaftDurableState(term: 2, votedFor: nil, snapshot: snap,
                                       entries: [LogEntry(index: 1, term: 1, command: .noop), LogEntry(index: 2, term: 2, command: .noop)])
        var voter = RaftNode(restarting: durable, id: n2, config: c, random: SimRandom(seed: 1))
        voter.step(RaftMessage(from: n1, to: n2, term: 3, kind: .vote(lastIndex: 5, lastTerm: 1, transfer: false)))
        #expect(voter.drainReady().messages.map(\.kind) == [.voteResponse(granted: false)])
        #expect(voter.term == 3)
        // One vote per term: after granting n3, n1 is refused in the same term even with a good log.
        voter.step(RaftMessage(from: n3, to: n2, term: 4, kind: .vote(lastIndex: 2, lastTerm: 2, transfer: false)))
        voter.step(RaftMessage(from: n1, to: n2, term: 4, kind: .vote(lastIndex: 9, lastTerm: 3, transfer: false)))
        #expect(voter.drainReady().messages.map(\.kind) == [.voteResponse(granted: true), .voteResponse(granted: false)])
        #expect(voter.durable.votedFor == n3)
    }

    /// A new leader appends a noop of its own term at once (§8 / thesis §6.4), before any proposal.
    @Test func newLeaderAppendsNoopOfItsTerm() {
        var net = RaftTestNetwork(voters: 3, seed: 14)
        #expect(net.run(upTo: 200) { $0.leaders.count == 1 })
        let l = net.node(net.leader()!)
        #expect(l.entry(at: l.lastIndex) == LogEntry(index: l.lastIndex, term: l.term, command: .noop))
    }

    /// Thesis §9.6 PreVote: a follower cut off for a long time rejoins without bumping the term, so the
    /// healthy leader keeps leading.
    @Test func preVoteIsolatedFollowerDoesNotDisruptOnRejoin() {
        var net = RaftTestNetwork(voters: 3, seed: 15)
        #expect(net.run(upTo: 200) { $0.leaders.count == 1 })
        let leader = net.leader()!
        let term = net.node(leader).term
        let follower = net.allIDs.first { $0 != leader }!
        net.isolate(follower)
        net.run(ticks: 600)
        #expect(net.node(follower).term == term)
        net.heal()
        net.run(ticks: 200)
        #expect(net.leader() == leader)
        #expect(net.allIDs.allSatisfy { net.node($0).term == term })
    }

    /// Without PreVote the same rejoin does disrupt (the control for the test above).
    @Test func withoutPreVoteIsolatedFollowerBumpsTerm() {
        var c = RaftConfig(); c.preVote = false
        var net = RaftTestNetwork(voters: 3, config: c, seed: 15)
        #expect(net.run(upTo: 200) { $0.leaders.count == 1 })
        let leader = net.leader()!
        let term = net.node(leader).term
        let follower = net.allIDs.first { $0 != leader }!
        net.isolate(follower)
        net.run(ticks: 600)
        #expect(net.node(follower).term > term)
    }

    /// CheckQuorum: a leader cut off from everyone steps down within an election timeout of its
    /// last acknowledgement, so clients stop waiting on it.
    @Test func checkQuorumIsolatedLeaderStepsDown() {
        var net = RaftTestNetwork(voters: 3, seed: 16)
        #expect(net.run(upTo: 200) { $0.leaders.count == 1 })
        let leader = net.leader()!
        net.run(ticks: 20)
        net.isolate(leader)
        let cutAt = net.now
        #expect(net.run(upTo: 100) { $0.node(leader).role != .leader })
        #expect(net.now - cutAt <= net.config.electionTicksMin + 2)
    }

    /// etcd lease rule: with a live leader, a follower ignores a RequestVote for a higher term.
    @Test func followerWithLiveLeaderIgnoresVotes() {
        var net = RaftTestNetwork(voters: 3, seed: 17)
        #expect(net.run(upTo: 200) { $0.leaders.count == 1 })
        let leader = net.leader()!
        net.run(ticks: 10)  // the follower hears the leader's appends
        let follower = net.allIDs.first { $0 != leader }!
        let other = net.allIDs.first { $0 != leader && $0 != follower }!
        let term = net.node(follower).term
        net.with(follower) { $0.step(RaftMessage(from: other, to: follower, term: term + 5, kind: .vote(lastIndex: 100, lastTerm: 100, transfer: false))) }
        #expect(net.node(follower).term == term)
        #expect(net.node(follower).leaderID == leader)
    }

    /// Thesis §3.10 leadership transfer: the target becomes leader in the very next term.
    @Test func leadershipTransferMovesLeaderWithOneTermStep() {
        var net = RaftTestNetwork(voters: 3, seed: 18)
        #expect(net.run(upTo: 200) { $0.leaders.count == 1 })
        let leader = net.leader()!
        _ = net.one(value: 7, replicas: 3)
        let term = net.node(leader).term
        let target = net.allIDs.first { $0 != leader }!
        net.with(leader) { $0.transferLeadership(to: target) }
        #expect(net.with(leader) { $0.propose(.put(key: 1, value: 2)) } == .rejected("leadership transfer in progress"))
        #expect(net.run(upTo: 50) { $0.node(target).role == .leader })
        #expect(net.node(target).term == term + 1)
        #expect(net.run(upTo: 50) { $0.node(leader).leaderID == target })
    }

    /// A transfer to an unreachable target is abandoned after an election timeout; proposals resume.
    @Test func leadershipTransferAbortsAfterElectionTimeout() {
        var net = RaftTestNetwork(voters: 3, seed: 19)
        #expect(net.run(upTo: 200) { $0.leaders.count == 1 })
        let leader = net.leader()!
        let target = net.allIDs.first { $0 != leader }!
        net.isolate(target)
        net.with(leader) { $0.transferLeadership(to: target) }
        #expect(net.node(leader).transferTarget == target)
        net.run(ticks: net.config.electionTicksMin)
        #expect(net.node(leader).transferTarget == nil)
        #expect(net.node(leader).role == .leader)
        if case .accepted = net.with(leader, { $0.propose(.put(key: 1, value: 1)) }) {} else { Issue.record("proposal refused after abort") }
    }
}
