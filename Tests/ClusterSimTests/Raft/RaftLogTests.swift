import Testing
@testable import ClusterSim

/// The log's index arithmetic around snapshots, and fast backtracking between two hand-built logs.
struct RaftLogTests {
    let n1 = NodeID.store(1), n2 = NodeID.store(2), n3 = NodeID.store(3)

    func entries(_ terms: [Int], from first: Int = 1) -> [LogEntry] {
        terms.enumerated().map { LogEntry(index: first + $0.offset, term: $0.element, command: .put(key: 0, value: first + $0.offset)) }
    }

    /// Terms at, below and above the snapshot boundary; compaction keeps the suffix.
    @Test func termLookupAndCompaction() {
        let snap = RaftSnapshot(index: 0, term: 0, membership: Membership(voters: [n1]), kv: [:])
        var log = RaftLog(snapshot: snap, entries: entries([1, 1, 2, 3]))
        #expect(log.term(at: 0) == 0 && log.term(at: 3) == 2 && log.term(at: 5) == nil)
        #expect(log.firstIndex(ofTermAt: 2) == 1)
        #expect(log.lastIndex(ofTerm: 1, atOrBelow: 4) == 2)
        #expect(log.lastIndex(ofTerm: 7, atOrBelow: 4) == nil)
        log.compact(to: RaftSnapshot(index: 2, term: 1, membership: Membership(voters: [n1]), kv: [0: 2]))
        #expect(log.term(at: 1) == nil && log.term(at: 2) == 1 && log.term(at: 4) == 3)
        #expect(log.lastIndex == 4 && log.entries.count == 2)
        #expect(log.entries(from: 3, maxCount: 1).map(\.index) == [3])
    }

    /// The latest membership follows the changes appended after the snapshot (thesis §4.1).
    @Test func latestMembershipAppliesChangesInOrder() {
        let snap = RaftSnapshot(index: 0, term: 0, membership: Membership(voters: [n1, n2]), kv: [:])
        var log = RaftLog(snapshot: snap)
        log.append(LogEntry(index: 1, term: 1, command: .change(.addLearner(n3))))
        #expect(log.latestMembership() == Membership(voters: [n1, n2], learners: [n3]))
        log.append(LogEntry(index: 2, term: 1, command: .change(.promote(n3))))
        log.append(LogEntry(index: 3, term: 1, command: .change(.remove(n1))))
        #expect(log.latestMembership() == Membership(voters: [n2, n3]))
        let removedChange = log.truncate(from: 3)
        #expect(removedChange)
        #expect(log.latestMembership() == Membership(voters: [n1, n2, n3]))
    }

    /// Fast backtracking (lab 6.5840 "backup"): a follower with 50 entries of a stale term and a leader
    /// with 57 of another agree after two rejections, not fifty.
    @Test func rejectHintsSkipWholeTerms() {
        let ids = [n1, n2, n3]
        let snap = RaftSnapshot(index: 0, term: 0, membership: Membership(voters: ids), kv: [:])
        let leaderLog = entries([1, 1, 1] + Array(repeating: 4, count: 57))
        let followerLog = entries([1, 1, 1] + Array(repeating: 2, count: 50))
        var l = RaftNode(restarting: RaftDurableState(term: 4, votedFor: nil, snapshot: snap, entries: leaderLog),
                         id: n1, config: RaftConfig(), random: SimRandom(seed: 1))
        var f = RaftNode(restarting: RaftDurableState(term: 4, votedFor: nil, snapshot: snap, entries: followerLog),
                         id: n2, config: RaftConfig(), random: SimRandom(seed: 2))
        l.campaign()
        l.step(RaftMessage(from: n3, to: n1, term: 5, kind: .voteResponse(granted: true)))
        #expect(l.role == .leader)
        var rejections = 0
        var outbox = l.drainReady().messages.filter { $0.to == n2 }
        for _ in 0..<200 where !outbox.isEmpty {
            let m = outbox.removeFirst()
            if m.to == n2 {
                f.step(m)
                let out = f.drainReady().messages
                rejections += out.filter { if case .appendResponse(_, let r) = $0.kind { r != nil } else { false } }.count
                outbox += out
            } else {
                l.step(m)
                outbox += l.drainReady().messages.filter { $0.to == n2 }
            }
        }
        #expect(f.lastIndex == l.lastIndex)
        #expect(f.entry(at: 53) == l.entry(at: 53))
        #expect(rejections <= 2, "rejections: \(rejections)")
    }
}
