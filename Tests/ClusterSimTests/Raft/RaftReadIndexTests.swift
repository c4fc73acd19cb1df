import Testing
@testable import ClusterSim

/// Linearizable reads by ReadIndex (Raft thesis §6.4).
struct RaftReadIndexTests {
    /// A read answered by the leader sees the latest committed write, and its index covers it.
    @Test func readReturnsLatestCommittedValue() {
        var net = RaftTestNetwork(voters: 3, seed: 41)
        let index = net.one(key: 7, value: 70, replicas: 3)!
        let leader = net.leader()!
        #expect(net.with(leader) { $0.requestRead(id: 1) })
        #expect(net.run(upTo: 20) { !($0.readsReady[leader] ?? []).isEmpty })
        let read = net.readsReady[leader]![0]
        #expect(read.id == 1 && read.index >= index && read.kv[7] == 70)
    }

    /// The read waits for a heartbeat round: it is not ready in the same step when there are peers.
    @Test func readWaitsForQuorumConfirmation() {
        var c = RaftConfig(); c.checkQuorum = false  // keep the cut leader leading; only confirmation is under test
        var net = RaftTestNetwork(voters: 3, config: c, seed: 42)
        _ = net.one(value: 1, replicas: 3)
        let leader = net.leader()!
        for n in net.allIDs where n != leader { net.isolate(n) }
        #expect(net.with(leader) { $0.requestRead(id: 9) })
        net.run(ticks: 10)
        #expect((net.readsReady[leader] ?? []).isEmpty)
        net.heal()
        #expect(net.run(upTo: 20) { ($0.readsReady[leader] ?? []).map(\.id) == [9] })
    }

    /// A partitioned old leader cannot serve a read (it would be stale); the read is dropped when it
    /// steps down, while the new leader serves the newer value.
    @Test func partitionedOldLeaderCannotServeReads() {
        var net = RaftTestNetwork(voters: 3, seed: 43)
        _ = net.one(key: 5, value: 1, replicas: 3)
        let old = net.leader()!
        net.isolate(old)
        #expect(net.with(old) { $0.requestRead(id: 100) })
        let rest = net.allIDs.filter { $0 != old }
        #expect(net.run(upTo: 400) { $0.leader(among: rest) != nil })
        #expect(net.one(key: 5, value: 2, replicas: 2) != nil)
        let new = net.leader(among: rest)!
        #expect(net.with(new) { $0.requestRead(id: 200) })
        net.run(ticks: 20)
        #expect((net.readsReady[old] ?? []).isEmpty)
        #expect(net.readsDropped[old] == [100])
        #expect(net.readsReady[new]?.first?.kv[5] == 2)
        #expect(!net.with(old) { $0.requestRead(id: 101) })
    }

    /// A new leader defers reads until an entry of its term commits (§6.4 step 1), then serves them.
    @Test func newLeaderDefersReadsUntilItCommitsInItsTerm() {
        let ids = [NodeID.store(1), NodeID.store(2), NodeID.store(3)]
        var l = RaftNode.bootstrap(id: ids[0], voters: ids, config: RaftConfig(), random: SimRandom(seed: 5))
        l.campaign()
        l.step(RaftMessage(from: ids[1], to: ids[0], term: 1, kind: .voteResponse(granted: true)))
        #expect(l.role == .leader && l.commitIndex == 0)
        _ = l.drainReady()
        let accepted = l.requestRead(id: 1)
        #expect(accepted)
        l.step(RaftMessage(from: ids[1], to: ids[0], term: 1, kind: .heartbeatResponse(context: 0)))
        #expect(l.drainReady().readsReady.isEmpty)
        l.step(RaftMessage(from: ids[1], to: ids[0], term: 1, kind: .appendResponse(index: 1, reject: nil)))
        let out = l.drainReady()
        #expect(out.readsReady.isEmpty)  // committed, but the confirmation round is still out
        let ctx = out.messages.compactMap { m -> UInt64? in if case .heartbeat(_, let c) = m.kind { c } else { nil } }.max()!
        l.step(RaftMessage(from: ids[2], to: ids[0], term: 1, kind: .heartbeatResponse(context: ctx)))
        #expect(l.drainReady().readsReady.map(\.id) == [1])
    }

    /// The pending-read queue is bounded: past `maxPendingReads` requests are refused.
    @Test func pendingReadsAreBounded() {
        var c = RaftConfig(); c.maxPendingReads = 4
        var net = RaftTestNetwork(voters: 3, config: c, seed: 44)
        _ = net.one(value: 1, replicas: 3)
        let leader = net.leader()!
        for n in net.allIDs where n != leader { net.cut(leader, n) }
        let accepted = (0..<6).map { i in net.with(leader) { $0.requestRead(id: UInt64(i)) } }
        #expect(accepted == [true, true, true, true, false, false])
    }
}
