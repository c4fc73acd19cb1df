import Testing
@testable import ClusterSim

/// Crash and restart (Figure 2's persistent state): lab 6.5840 "persist" scenarios.
struct RaftPersistenceTests {
    /// Lab "persist 1": crash and restart every replica, then the leader, then a follower: committed
    /// entries survive and agreement continues.
    @Test func crashRestartAllThenLeaderThenFollower() {
        var net = RaftTestNetwork(voters: 3, seed: 31)
        #expect(net.one(value: 11, replicas: 3) != nil)
        for n in net.allIDs { net.crash(n) }
        for n in net.allIDs { net.restart(n) }
        #expect(net.one(value: 12, replicas: 3) != nil)

        let l = net.leader()!
        net.crash(l)
        net.restart(l)
        #expect(net.one(value: 13, replicas: 3) != nil)

        let l2 = net.leader()!
        net.crash(l2)
        #expect(net.one(value: 14, replicas: 2) != nil)
        net.restart(l2)
        #expect(net.run(upTo: 300) { $0.kv(l2)[1] == 14 })

        let f = net.allIDs.first { $0 != net.leader()! }!
        net.crash(f)
        #expect(net.one(value: 15, replicas: 2) != nil)
        net.restart(f)
        #expect(net.one(value: 16, replicas: 3) != nil)
        #expect(net.statesAgree())
        #expect(net.checker.violations == [])
    }

    /// A restarted replica keeps term and vote (one vote per term survives a crash) and rebuilds
    /// commit, applied and its state machine only as the leader tells it the commit index again.
    @Test func restartKeepsTermVoteAndLogButRebuildsVolatileState() {
        var net = RaftTestNetwork(voters: 3, seed: 32)
        for v in 1...5 { #expect(net.one(key: v, value: v * 10, replicas: 3) != nil) }
        let f = net.allIDs.first { $0 != net.leader()! }!
        let before = net.node(f)
        net.crash(f)
        net.restart(f)
        let after = net.node(f)
        #expect(after.term == before.term)
        #expect(after.durable == before.durable)
        #expect(after.role == .follower && after.leaderID == nil)
        #expect(after.commitIndex == 0 && after.appliedIndex == 0 && net.kv(f).isEmpty)
        #expect(net.run(upTo: 100) { $0.kv(f) == [1: 10, 2: 20, 3: 30, 4: 40, 5: 50] })
    }

    /// Lab "persist 2": repeatedly crash a minority (or the leader) between proposals; each committed
    /// entry must survive every later crash.
    @Test func repeatedMinorityCrashes() {
        var net = RaftTestNetwork(voters: 5, seed: 33)
        var value = 100
        for round in 0..<6 {
            value += 1
            #expect(net.one(value: value, replicas: 5) != nil, "round \(round)")
            let l = net.leader()!
            let victims = round % 2 == 0 ? [l, net.allIDs.first { $0 != l }!] : net.allIDs.filter { $0 != l }.suffix(2)
            for v in victims { net.crash(v) }
            value += 1
            #expect(net.one(value: value, replicas: 3) != nil, "round \(round) with \(victims) down")
            for v in victims { net.restart(v) }
        }
        value += 1
        #expect(net.one(value: value, replicas: 5) != nil)
        #expect(net.statesAgree())
        #expect(net.checker.violations == [])
    }

    /// Lab "persist 3": a leader commits, a follower crashes, the leader crashes after appending more,
    /// the follower returns: the remaining pair elects a leader and keeps the committed entry.
    @Test func partitionedLeaderAndCrashedFollowerRecover() {
        var net = RaftTestNetwork(voters: 3, seed: 34)
        #expect(net.one(value: 101, replicas: 3) != nil)
        let l = net.leader()!
        let f = net.allIDs.first { $0 != l }!
        net.crash(f)
        #expect(net.one(value: 102, replicas: 2) != nil)
        net.crash(l)
        net.restart(f)
        let third = net.allIDs.first { $0 != l && $0 != f }!
        #expect(net.run(upTo: 400) { $0.leader() != nil })
        #expect(net.one(value: 103, replicas: 2) != nil)
        net.restart(l)
        #expect(net.one(value: 104, replicas: 3) != nil)
        #expect(net.kv(third)[1] == 104)
        #expect(net.checker.violations == [])
    }

    /// The ready contract (etcd's `Ready`): a granted vote comes with the term and vote to persist, and a
    /// leader's appends with their entries, in the same ready as the messages that depend on them; what
    /// did not change since the last drain is not handed back again.
    @Test func readyCarriesWhatItsMessagesDependOn() {
        let ids = [NodeID.store(1), .store(2), .store(3)]
        var voter = RaftNode.bootstrap(id: ids[1], voters: ids, config: RaftConfig(), random: SimRandom(seed: 5))
        _ = voter.drainReady()
        voter.step(RaftMessage(from: ids[0], to: ids[1], term: 1, kind: .vote(lastIndex: 0, lastTerm: 0, transfer: false)))
        let granted = voter.drainReady()
        #expect(granted.hardState == RaftHardState(term: 1, votedFor: ids[0]))
        #expect(granted.messages.map(\.kind) == [.voteResponse(granted: true)])
        #expect(voter.drainReady().hardState == nil)

        var solo = RaftNode.bootstrap(id: ids[0], voters: [ids[0]], config: RaftConfig(), random: SimRandom(seed: 6))
        solo.campaign()
        let elected = solo.drainReady()
        #expect(elected.hardState == RaftHardState(term: 1, votedFor: ids[0]))
        #expect(elected.entries == [LogEntry(index: 1, term: 1, command: .noop)])
        _ = solo.propose(.put(key: 3, value: 4))
        #expect(solo.drainReady().entries == [LogEntry(index: 2, term: 1, command: .put(key: 3, value: 4))])
    }
}
