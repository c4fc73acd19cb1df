import Testing
@testable import ClusterSim

/// The store's disk with group commit: outputs that need no fsync pass straight through an idle disk;
/// outputs that need one wait for it; everything handed in during an fsync waits for the next one, which
/// covers all of it; order is kept; a crash drops what waited.
struct GroupCommitLogTests {
    static let node = NodeID.store(1)
    static let synced = Timer.storeDiskSynced(store: 0, epoch: 0)

    static func output(_ n: Int) -> Effects {
        var e = Effects()
        e.send(.healthPong(sequence: n), from: node, to: .balancer)
        return e
    }

    /// The sequence numbers of the pongs sent, in order, and the fsyncs started.
    static func summary(_ e: Effects) -> (sent: [Int], fsyncs: Int) {
        var sent: [Int] = []
        var fsyncs = 0
        for effect in e.list {
            switch effect {
            case .send(let m): if case .healthPong(let n) = m.payload { sent.append(n) }
            case .fsync: fsyncs += 1
            default: break
            }
        }
        return (sent, fsyncs)
    }

    @Test func anIdleDiskPassesOutputsThatNeedNoSync() {
        var log = GroupCommitLog(owner: Self.node)
        var out = Effects()
        log.submit(Self.output(1), needsSync: false, synced: Self.synced, into: &out)
        #expect(Self.summary(out).sent == [1] && Self.summary(out).fsyncs == 0)
        #expect(log.isIdle)
    }

    @Test func outputsWaitForTheirFsyncAndLaterOnesShareTheNext() {
        var log = GroupCommitLog(owner: Self.node)
        var out = Effects()
        log.submit(Self.output(1), needsSync: true, synced: Self.synced, into: &out)
        #expect(Self.summary(out).sent.isEmpty && Self.summary(out).fsyncs == 1)
        // While the first fsync is in flight, three more arrive; one needing no sync still waits its turn.
        log.submit(Self.output(2), needsSync: true, synced: Self.synced, into: &out)
        log.submit(Self.output(3), needsSync: false, synced: Self.synced, into: &out)
        log.submit(Self.output(4), needsSync: true, synced: Self.synced, into: &out)
        #expect(Self.summary(out).sent.isEmpty && Self.summary(out).fsyncs == 1)
        var first = Effects()
        log.synced(Self.synced, into: &first)
        #expect(Self.summary(first).sent == [1], "only the first fsync's outputs leave")
        #expect(Self.summary(first).fsyncs == 1, "one fsync covers the three that waited")
        var second = Effects()
        log.synced(Self.synced, into: &second)
        #expect(Self.summary(second).sent == [2, 3, 4] && Self.summary(second).fsyncs == 0)
        #expect(log.isIdle && log.fsyncs == 2)
    }

    @Test func aCrashDropsWhatWaitedForTheDisk() {
        var log = GroupCommitLog(owner: Self.node)
        var out = Effects()
        log.submit(Self.output(1), needsSync: true, synced: Self.synced, into: &out)
        log.submit(Self.output(2), needsSync: false, synced: Self.synced, into: &out)
        log.crash()
        #expect(log.isIdle)
        var after = Effects()
        log.synced(Self.synced, into: &after)
        #expect(Self.summary(after).sent.isEmpty)
        log.submit(Self.output(3), needsSync: false, synced: Self.synced, into: &after)
        #expect(Self.summary(after).sent == [3])
    }
}
