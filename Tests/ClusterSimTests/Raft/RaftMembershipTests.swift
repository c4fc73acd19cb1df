import Testing
@testable import ClusterSim

/// Single-server membership changes (thesis §4.1), learners, snapshots and log compaction (§7).
struct RaftMembershipTests {
    let n4 = NodeID.store(4)

    /// Rebalance flow: add an empty learner, it catches up from one snapshot of the applied state
    /// (keys counted), is promoted, then an old voter is removed; writes keep committing throughout.
    @Test func learnerCatchesUpBySnapshotThenPromotedThenOldVoterRemoved() {
        var net = RaftTestNetwork(voters: 3, seed: 51)
        for k in 1...20 { #expect(net.one(key: k, value: k, replicas: 3) != nil) }
        var leader = net.leader()!
        net.addEmptyReplica(n4)
        #expect(net.with(leader) { $0.propose(.change(.addLearner(n4))) }.isAccepted)
        #expect(net.node(leader).membership.learners == [n4])
        #expect(net.run(upTo: 100) { $0.node(leader).progress.first { $0.node == NodeID.store(4) }?.matchIndex == $0.node(leader).lastIndex })
        let sent = net.checker.snapshotsSent.filter { $0.to == n4 }
        #expect(sent.count == 1 && sent[0].keys == 20)
        #expect(net.checker.snapshotsInstalled.map(\.node) == [n4])
        #expect(net.kv(n4).count == 20)
        #expect(net.node(n4).role == .follower && !net.node(n4).isVoter)
        #expect(net.node(leader).progress.first { $0.node == NodeID.store(4) }?.isLearner == true)

        #expect(net.with(leader) { $0.propose(.change(.promote(n4))) }.isAccepted)
        // One change at a time: a second change is refused until the first commits.
        #expect(net.with(leader) { $0.propose(.change(.remove(.store(1)))) } == .rejected("another membership change is not yet committed"))
        #expect(net.one(key: 100, value: 1, replicas: 4) != nil)
        #expect(net.node(n4).isVoter)

        leader = net.leader()!
        let victim = net.allIDs.first { $0 != leader && $0 != n4 }!
        #expect(net.with(leader) { $0.propose(.change(.remove(victim))) }.isAccepted)
        #expect(net.one(key: 101, value: 1, replicas: 3) != nil)
        #expect(net.node(leader).membership.voters == net.allIDs.filter { $0 != victim })
        // The removed replica, cut off from the group, never campaigns again.
        net.isolate(victim)
        let termBefore = net.node(victim).term
        net.run(ticks: 300)
        #expect(net.node(victim).role == .follower && net.node(victim).term == termBefore)
        #expect(net.checker.violations == [])
    }

    /// A leader that removes itself keeps leading until the change commits, then steps down; the
    /// remaining voters elect a new leader and the old one never campaigns.
    @Test func leaderRemovingItselfStepsDownAfterCommit() {
        var net = RaftTestNetwork(voters: 3, seed: 52)
        _ = net.one(value: 1, replicas: 3)
        let old = net.leader()!
        guard case .accepted(let index, _) = net.with(old, { $0.propose(.change(.remove(old))) }) else {
            Issue.record("refused"); return
        }
        #expect(net.node(old).role == .leader)
        #expect(net.run(upTo: 50) { $0.node(old).role != .leader })
        #expect(net.node(old).commitIndex >= index)
        let rest = net.allIDs.filter { $0 != old }
        #expect(net.run(upTo: 400) { $0.leader(among: rest) != nil })
        #expect(net.one(value: 2, replicas: 2) != nil)
        #expect(net.node(old).role == .follower)
        #expect(net.checker.violations == [])
    }

    /// Compaction bounds the log; a follower that missed compacted entries catches up by snapshot.
    @Test func compactionBoundsLogAndLaggingFollowerGetsSnapshot() {
        var c = RaftConfig(); c.compactAfterEntries = 20
        var net = RaftTestNetwork(voters: 3, config: c, seed: 53)
        _ = net.one(value: 0, replicas: 3)
        let leader = net.leader()!
        let lagger = net.allIDs.first { $0 != leader }!
        net.crash(lagger)
        for v in 1...100 {
            #expect(net.one(key: v % 30, value: v, replicas: 2) != nil)
            for n in net.upIDs { #expect(net.node(n).logLength <= c.compactAfterEntries + 1 + c.maxEntriesPerAppend) }
        }
        #expect(net.node(leader).snapshotIndex > 50)
        net.restart(lagger)
        #expect(net.run(upTo: 200) { $0.node(lagger).appliedIndex == $0.node(leader).appliedIndex })
        #expect(net.checker.snapshotsSent.contains { $0.to == lagger && $0.keys == 30 })
        #expect(net.kv(lagger) == net.kv(leader))
        #expect(net.checker.violations == [])
    }

    /// Learners never count toward the commit quorum: with both other voters cut off, a leader whose
    /// only reachable replica is a learner commits nothing although the learner holds the entry.
    @Test func learnerNeitherCommitsNorVotes() {
        var c = RaftConfig(); c.checkQuorum = false
        var net = RaftTestNetwork(voters: 3, config: c, seed: 55)
        _ = net.one(value: 1, replicas: 3)
        let leader = net.leader()!
        net.addEmptyReplica(n4)
        #expect(net.with(leader) { $0.propose(.change(.addLearner(n4))) }.isAccepted)
        #expect(net.one(value: 2, replicas: 4) != nil)
        for v in net.allIDs where v != leader && v != n4 { net.cut(leader, v) }
        guard case .accepted(let index, _) = net.with(leader, { $0.propose(.put(key: 1, value: 3)) }) else {
            Issue.record("refused"); return
        }
        #expect(net.run(upTo: 30) { $0.node(NodeID.store(4)).lastIndex >= index })
        #expect(net.node(leader).commitIndex < index)
    }

    /// Learners never count as votes: a candidate with a learner's grant alone stays a candidate; one
    /// voter's grant makes it leader (etcd counts only voters of the candidate's configuration).
    @Test func learnerVoteDoesNotCount() {
        let ids = [NodeID.store(1), NodeID.store(2), NodeID.store(3)]
        let snap = RaftSnapshot(index: 0, term: 0, membership: Membership(voters: ids, learners: [n4]), kv: [:])
        var c = RaftNode(restarting: RaftDurableState(term: 1, votedFor: nil, snapshot: snap, entries: []),
                         id: ids[0], config: RaftConfig(), random: SimRandom(seed: 8))
        c.campaign()
        #expect(c.drainReady().messages.map(\.to) == [ids[1], ids[2]])  // no vote request to the learner
        c.step(RaftMessage(from: n4, to: ids[0], term: 2, kind: .voteResponse(granted: true)))
        #expect(c.role == .candidate)
        c.step(RaftMessage(from: ids[1], to: ids[0], term: 2, kind: .voteResponse(granted: true)))
        #expect(c.role == .leader)
    }

    /// An empty joiner refuses raw entries (their membership changes are deltas from a configuration it
    /// never saw; taking them made seed 5183 elect a one-voter "group") and starts from a snapshot.
    @Test func emptyJoinerWaitsForSnapshotBeforeTakingEntries() {
        let n1 = NodeID.store(1)
        var j = RaftNode(joiningAsLearner: n4, config: RaftConfig(), random: SimRandom(seed: 9))
        let entries = [LogEntry(index: 1, term: 1, command: .noop), LogEntry(index: 2, term: 1, command: .change(.addLearner(n4)))]
        j.step(RaftMessage(from: n1, to: n4, term: 1, kind: .append(prevIndex: 0, prevTerm: 0, entries: entries, commit: 0)))
        #expect(j.lastIndex == 0 && j.membership == .empty)
        #expect(j.drainReady().messages.map(\.kind) == [.appendResponse(index: 0, reject: RejectHint(lastIndex: 0, conflictTerm: nil, conflictTermFirstIndex: 1))])
        let base = Membership(voters: [n1, .store(2), .store(3)])
        j.step(RaftMessage(from: n1, to: n4, term: 1, kind: .snapshot(RaftSnapshot(index: 1, term: 1, membership: base, kv: [3: 4]))))
        #expect(j.drainReady().snapshotInstalled?.kv == [3: 4])  // the data is for the host's state machine
        j.step(RaftMessage(from: n1, to: n4, term: 1, kind: .append(prevIndex: 1, prevTerm: 1, entries: [entries[1]], commit: 2)))
        #expect(j.membership == Membership(voters: base.voters, learners: [n4]))
        #expect(j.appliedIndex == 2)
    }

    /// A leader that has applied nothing yet (just restarted) still gives an empty joiner its base
    /// membership by a snapshot at index 0, then entries; without it an all-voter group stalled (seed 6873).
    @Test func emptyJoinerGetsBaseSnapshotFromLeaderWithNothingApplied() {
        let ids = [NodeID.store(1), NodeID.store(2)]
        let snap = RaftSnapshot(index: 0, term: 0, membership: Membership(voters: ids), kv: [:])
        let log = [LogEntry(index: 1, term: 1, command: .noop), LogEntry(index: 2, term: 1, command: .change(.addLearner(n4)))]
        var l = RaftNode(restarting: RaftDurableState(term: 1, votedFor: nil, snapshot: snap, entries: log),
                         id: ids[0], config: RaftConfig(), random: SimRandom(seed: 10))
        var j = RaftNode(joiningAsLearner: n4, config: RaftConfig(), random: SimRandom(seed: 11))
        l.campaign()
        l.step(RaftMessage(from: ids[1], to: ids[0], term: 2, kind: .voteResponse(granted: true)))
        #expect(l.role == .leader && l.appliedIndex == 0)
        var outbox = l.drainReady().messages.filter { $0.to == n4 }
        var snapshots: [Int] = []
        for _ in 0..<20 where !outbox.isEmpty {
            let m = outbox.removeFirst()
            if m.to == n4 {
                if case .snapshot(let s) = m.kind { snapshots.append(s.index) }
                j.step(m); outbox += j.drainReady().messages
            } else {
                l.step(m); outbox += l.drainReady().messages.filter { $0.to == n4 }
            }
        }
        #expect(snapshots == [0])
        #expect(j.lastIndex == l.lastIndex)
        #expect(j.membership == Membership(voters: ids, learners: [n4]))
    }

    /// Proposals that do not fit the membership are refused with a reason.
    @Test func invalidChangesAreRejected() {
        var net = RaftTestNetwork(voters: 3, seed: 54)
        _ = net.one(value: 1, replicas: 3)
        let l = net.leader()!
        #expect(net.with(l) { $0.propose(.change(.promote(.store(2)))) } == .rejected("n2 is not a learner"))
        #expect(net.with(l) { $0.propose(.change(.addLearner(.store(1)))) } == .rejected("n1 is already a replica"))
        #expect(net.with(l) { $0.propose(.change(.remove(.store(9)))) } == .rejected("n9 is not a replica"))
        let f = net.allIDs.first { $0 != l }!
        #expect(net.with(f) { $0.propose(.noop) } == .notLeader(hint: l))
    }
}

extension ProposeResult {
    var isAccepted: Bool { if case .accepted = self { true } else { false } }
}
