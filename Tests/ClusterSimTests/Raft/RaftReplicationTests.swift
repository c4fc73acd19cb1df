import Testing
@testable import ClusterSim

/// Log replication (§5.3), the commitment rule (§5.4.2, Figure 8) and the MIT 6.5840 agreement scenarios.
struct RaftReplicationTests {
    let n1 = NodeID.store(1), n2 = NodeID.store(2), n3 = NodeID.store(3), n4 = NodeID.store(4), n5 = NodeID.store(5)

    /// Lab "basic agree": each proposal is applied by every replica, at consecutive indices.
    @Test func basicAgreement() {
        var net = RaftTestNetwork(voters: 3, seed: 21)
        var last = 0
        for v in 1...5 {
            let index = net.one(value: v, replicas: 3)
            #expect(index != nil && index! > last)
            last = index ?? last
        }
        #expect(net.statesAgree())
        #expect(net.checker.violations == [])
    }

    /// Figure 8 / §5.4.2 directly: a new leader does not commit an old-term entry held by a majority;
    /// it commits only once an entry of its own term reaches a majority, and the old one with it.
    @Test func figure8LeaderCommitsOnlyEntriesOfItsTerm() {
        let ids = [n1, n2, n3, n4, n5]
        let snap = RaftSnapshot(index: 0, term: 0, membership: Membership(voters: ids), kv: [:])
        let old = [LogEntry(index: 1, term: 1, command: .put(key: 1, value: 1)),
                   LogEntry(index: 2, term: 2, command: .put(key: 1, value: 2))]
        var l = RaftNode(restarting: RaftDurableState(term: 2, votedFor: nil, snapshot: snap, entries: old),
                         id: n1, config: RaftConfig(), random: SimRandom(seed: 3))
        l.campaign()
        #expect(l.term == 3)
        l.step(RaftMessage(from: n2, to: n1, term: 3, kind: .voteResponse(granted: true)))
        l.step(RaftMessage(from: n3, to: n1, term: 3, kind: .voteResponse(granted: true)))
        #expect(l.role == .leader)
        #expect(l.lastIndex == 3)  // the noop of term 3
        // A majority (n1, n2, n3) holds index 2 of term 2: not committed by counting replicas.
        l.step(RaftMessage(from: n2, to: n1, term: 3, kind: .appendResponse(index: 2, reject: nil)))
        l.step(RaftMessage(from: n3, to: n1, term: 3, kind: .appendResponse(index: 2, reject: nil)))
        #expect(l.commitIndex == 0)
        l.step(RaftMessage(from: n2, to: n1, term: 3, kind: .appendResponse(index: 3, reject: nil)))
        #expect(l.commitIndex == 0)  // only n1 and n2 hold index 3
        l.step(RaftMessage(from: n3, to: n1, term: 3, kind: .appendResponse(index: 3, reject: nil)))
        #expect(l.commitIndex == 3)
        #expect(l.drainReady().applied.map(\.index) == [1, 2, 3])
    }

    /// §5.3: a follower truncates a conflicting suffix and takes the leader's entries; commit follows.
    @Test func followerTruncatesConflictingSuffix() {
        let ids = [n1, n2, n3]
        let snap = RaftSnapshot(index: 0, term: 0, membership: Membership(voters: ids), kv: [:])
        let mine = [LogEntry(index: 1, term: 1, command: .noop), LogEntry(index: 2, term: 2, command: .put(key: 9, value: 9)),
                    LogEntry(index: 3, term: 2, command: .put(key: 9, value: 10))]
        var f = RaftNode(restarting: RaftDurableState(term: 2, votedFor: nil, snapshot: snap, entries: mine),
                         id: n2, config: RaftConfig(), random: SimRandom(seed: 4))
        let theirs = [LogEntry(index: 2, term: 3, command: .put(key: 5, value: 5))]
        f.step(RaftMessage(from: n1, to: n2, term: 3, kind: .append(prevIndex: 1, prevTerm: 1, entries: theirs, commit: 2)))
        #expect(f.lastIndex == 2)
        #expect(f.entry(at: 2) == theirs[0])
        #expect(f.commitIndex == 2)
        let ready = f.drainReady()
        #expect(ready.applied.map(\.command) == [.noop, .put(key: 5, value: 5)])
        #expect(ready.messages.map(\.kind) == [.appendResponse(index: 2, reject: nil)])
    }

    /// Lab "fail-no-agree": with 3 of 5 followers cut nothing commits; after repair agreement resumes.
    @Test func failNoAgreeWithoutMajority() {
        var net = RaftTestNetwork(voters: 5, seed: 22)
        #expect(net.one(value: 10, replicas: 5) != nil)
        let leader = net.leader()!
        let followers = net.allIDs.filter { $0 != leader }
        for f in followers.prefix(3) { net.isolate(f) }
        guard case .accepted(let index, _) = net.with(leader, { $0.propose(.put(key: 1, value: 20)) }) else {
            Issue.record("leader refused the proposal"); return
        }
        net.run(ticks: 10)  // shorter than CheckQuorum's timeout, so the leader is still leading
        #expect(net.upIDs.allSatisfy { net.node($0).commitIndex < index })
        net.heal()
        #expect(net.one(value: 30, replicas: 5) != nil)
        #expect(net.checker.violations == [])
    }

    /// Lab "rejoin": a partitioned leader's uncommitted entries are overwritten by what the majority
    /// committed when it returns.
    @Test func rejoinOverwritesPartitionedLeadersEntries() {
        var c = RaftConfig(); c.checkQuorum = false  // keep the cut leader leading so it accepts entries
        var net = RaftTestNetwork(voters: 3, config: c, seed: 23)
        #expect(net.one(value: 101, replicas: 3) != nil)
        let old = net.leader()!
        net.isolate(old)
        var stale: [Int] = []
        for v in 102...104 {
            if case .accepted(let i, _) = net.with(old, { $0.propose(.put(key: 1, value: v)) }) { stale.append(i) }
        }
        let rest = net.allIDs.filter { $0 != old }
        #expect(net.run(upTo: 400) { $0.leader(among: rest) != nil })
        #expect(net.one(value: 203, replicas: 2) != nil)
        net.heal()
        #expect(net.one(value: 105, replicas: 3) != nil)
        // The old leader now holds the majority's entries at the indices it had written alone.
        for (k, i) in stale.enumerated() {
            #expect(net.node(old).entry(at: i) == net.checker.appliedByIndex[i])
            #expect(net.node(old).entry(at: i)?.command != .put(key: 1, value: 102 + k))
        }
        #expect(net.statesAgree())
        #expect(net.checker.violations == [])
    }

    /// Lab "backup": 50 uncommitted entries on each side of a partition while the other side commits
    /// 50; after healing the logs converge, and fast backtracking keeps append rejections small.
    @Test func backupConvergesWithFewRejections() {
        var c = RaftConfig(); c.checkQuorum = false
        var net = RaftTestNetwork(voters: 5, config: c, seed: 24)
        #expect(net.one(value: 1, replicas: 5) != nil)
        let l1 = net.leader()!
        let others = net.allIDs.filter { $0 != l1 }
        // Leader plus one follower: a minority that accepts entries it cannot commit.
        let minority = [l1, others[0]]
        let majority = Array(others.dropFirst())
        net.partition([minority, majority])
        for v in 0..<50 { _ = net.with(l1) { $0.propose(.put(key: 2, value: 1000 + v)) } }
        net.run(ticks: 20)
        #expect(net.run(upTo: 400) { $0.leader(among: majority) != nil })
        for v in 0..<50 { #expect(net.one(key: 3, value: 2000 + v, replicas: 3) != nil) }
        // Now the new leader loses its partners too and writes 50 more it cannot commit.
        let l2 = net.leader(among: majority)!
        let majorityRest = majority.filter { $0 != l2 }
        net.partition([[l2, majorityRest[0]], [majorityRest[1]], minority])
        for v in 0..<50 { _ = net.with(l2) { $0.propose(.put(key: 4, value: 3000 + v)) } }
        net.run(ticks: 20)
        // The original minority plus the lone follower form a majority and commit 50 more.
        let third = minority + [majorityRest[1]]
        net.partition([third, [l2, majorityRest[0]]])
        #expect(net.run(upTo: 600) { n in n.leader(among: third).map { n.node($0).term > n.node(l2).term } ?? false })
        for v in 0..<50 { #expect(net.one(key: 5, value: 4000 + v, replicas: 3) != nil) }
        net.heal()
        #expect(net.one(key: 6, value: 5000, replicas: 5, maxTicks: 2_000) != nil)
        #expect(net.statesAgree())
        #expect(net.checker.violations == [])
        // Over the whole run: one-entry-at-a-time backtracking needs ~50 rejections for each of the two replicas
        // holding the first side's 50 stale entries; the hints skip a whole term per rejection.
        #expect(net.checker.appendRejections <= 12, "append rejections: \(net.checker.appendRejections)")
    }

    /// Lab "Figure 8 (unreliable)": leaders crash at random moments, messages drop and reorder; an old-term
    /// entry is never taken as committed by count alone, and every replica ends with one log.
    @Test(arguments: [false, true])
    func figure8RandomLeaderCrashes(unreliable: Bool) {
        var net = RaftTestNetwork(voters: 5, seed: unreliable ? 26 : 25)
        if unreliable { net.dropRate = 0.1; net.delayMaxTicks = 3; net.longDelayRate = 0.05 }
        var r = SimRandom(seed: unreliable ? 126 : 125)
        #expect(net.one(value: 1, replicas: 1) != nil)
        var up = 5
        for i in 0..<300 {
            if let l = net.leader() {
                _ = net.with(l) { $0.propose(.put(key: 1, value: 100 + i)) }
            }
            net.run(ticks: r.chance(0.1) ? r.int(in: 1...60) : r.int(in: 1...3))
            if let l = net.leader(), r.chance(0.5) {
                net.crash(l)
                up -= 1
            }
            if up < 3 {
                let down = net.allIDs.filter { !net.isUp($0) }
                let s = down[r.below(down.count)]
                net.restart(s)
                up += 1
            }
        }
        for s in net.allIDs { net.restart(s) }
        net.dropRate = 0; net.delayMaxTicks = 0; net.longDelayRate = 0
        #expect(net.one(value: 9_999, replicas: 5, maxTicks: 3_000) != nil)
        #expect(net.statesAgree())
        #expect(net.checker.violations == [], "\(net.checker.violations.prefix(3))")
    }

    /// Lab "unreliable agree": 10 % drops, random delays and long reordering; everything still commits once.
    @Test func unreliableNetworkStillAgrees() {
        var net = RaftTestNetwork(voters: 5, seed: 27)
        net.dropRate = 0.1; net.delayMaxTicks = 3; net.longDelayRate = 0.05
        for v in 1...30 { #expect(net.one(value: v, replicas: 5, maxTicks: 3_000) != nil, "value \(v)") }
        #expect(net.checker.violations == [])
    }

    /// Sync replication (`.allVoters`): with one voter cut, commits stall though a majority is up;
    /// they resume, in order, once it returns.
    @Test func allVotersQuorumStallsWithOneVoterCut() {
        var c = RaftConfig(); c.commitQuorum = .allVoters
        var net = RaftTestNetwork(voters: 3, config: c, seed: 28)
        #expect(net.one(value: 1, replicas: 3) != nil)
        let leader = net.leader()!
        let victim = net.allIDs.first { $0 != leader }!
        net.cut(leader, victim)
        let before = net.node(leader).commitIndex
        guard case .accepted(let index, _) = net.with(leader, { $0.propose(.put(key: 1, value: 2)) }) else {
            Issue.record("not accepted"); return
        }
        net.run(ticks: 12)
        #expect(net.node(leader).commitIndex == before)
        net.heal()
        #expect(net.run(upTo: 200) { n in n.leader().map { n.node($0).commitIndex >= index } ?? false })
        #expect(net.checker.appliedByIndex[index]?.command == .put(key: 1, value: 2))
    }

    /// Switching a stalled sync-mode leader back to majority commits the waiting entry at once.
    @Test func switchingToMajorityCommitsStalledEntry() {
        var c = RaftConfig(); c.commitQuorum = .allVoters
        var net = RaftTestNetwork(voters: 3, config: c, seed: 29)
        #expect(net.one(value: 1, replicas: 3) != nil)
        let leader = net.leader()!
        net.cut(leader, net.allIDs.first { $0 != leader }!)
        guard case .accepted(let index, _) = net.with(leader, { $0.propose(.put(key: 1, value: 2)) }) else {
            Issue.record("not accepted"); return
        }
        net.run(ticks: 8)
        #expect(net.node(leader).commitIndex < index)
        net.with(leader) { $0.setCommitQuorum(.majority) }
        #expect(net.node(leader).commitIndex == index)
    }
}
