/// A store's running copy of one partition: a reference to its Raft state machine, so the hot paths
/// (ticks, message steps, reads of role and progress) change and read it in place instead of copying it.
/// Only its store node drives it; everyone else reads it through `ReplicaView`.
///
/// Its host keeps the replica's disk and key-value state machine and honours the ready contract: what a
/// ready asks to persist is on the disk, and snapshots carry the state machine's data, before
/// `drainReady` returns the messages that depend on them.
final class Replica {
    private(set) var raft: RaftNode
    private var host: ReplicaHost
    /// The latest ready value drained, persisted and applied; reused from drain to drain.
    private(set) var ready = RaftReady()
    /// When the replica's election timer runs out, in virtual microseconds (`Int64.max` when the host does
    /// not run the timer): `raft.electionTimer.timeoutUs` after its restart was last noticed.
    private(set) var electionDeadlineUs = Int64.max
    /// The timer's restart count as of `electionDeadlineUs`.
    private var electionRestartsSeen: UInt64

    /// A replica starting from `durable` (empty, bootstrapped, or restarted from its disk) at `nowUs`.
    init(_ raft: RaftNode, durable: RaftDurableState, nowUs: Int64) {
        self.raft = raft
        host = ReplicaHost(durable)
        electionRestartsSeen = raft.electionTimer.restarts
        if raft.config.electionTimeoutUs != nil { electionDeadlineUs = nowUs + raft.electionTimer.timeoutUs }
        assert(host.disk.holds(raft.durable), "\(raft.id): the replica does not start from its disk")
    }

    /// Moves the election deadline if the timer restarted since it was last noticed; the host calls it
    /// after every input, so a restart counts from the virtual instant it happened.
    func noteElectionTimer(nowUs: Int64) {
        let timer = raft.electionTimer
        guard timer.restarts != electionRestartsSeen else { return }
        electionRestartsSeen = timer.restarts
        electionDeadlineUs = nowUs + timer.timeoutUs
    }

    /// The deadline that matters for the host's timer: none for a leader, which has no election timeout.
    var pendingElectionDeadlineUs: Int64 { raft.role == .leader ? Int64.max : electionDeadlineUs }

    /// Crash: what is on the disk is all that survives. The disk is instant, so a ready not yet drained
    /// counts as persisted; the disk then holds exactly the replica's durable state.
    func crash() -> RaftDurableState {
        var ready = raft.drainReady()
        _ = host.take(&ready)
        assert(host.disk.holds(raft.durable), "\(raft.id): the disk lost part of the durable state")
        return host.disk.durable
    }

    func value(ofKey key: Int) -> Int? { host.machine.value(ofKey: key) }

    func tick() { raft.tick() }
    func step(_ m: RaftMessage) { raft.step(m) }
    func propose(_ command: RaftCommand) -> ProposeResult { raft.propose(command) }
    func requestRead(id: UInt64) -> Bool { raft.requestRead(id: id) }
    func transferLeadership(to node: NodeID) { raft.transferLeadership(to: node) }
    func campaign() { raft.campaign() }
    func electionTimeout() { raft.electionTimeout() }
    /// Drains the replica into `ready`, persisted and applied, so its messages may be sent and its reads
    /// answered now; returns the snapshots it shipped, or nil when the replica had nothing.
    func drain() -> [ReplicaHost.Shipped]? {
        guard raft.drainReady(into: &ready) else { return nil }
        return host.take(&ready)
    }
    func setMode(commitQuorum: CommitQuorum, replicateOnPropose: Bool) {
        raft.setCommitQuorum(commitQuorum)
        raft.setReplicateOnPropose(replicateOnPropose)
    }
}

/// What the rest of the cluster may read of a replica: role, term, log position, membership, progress.
struct ReplicaView {
    private let replica: Replica

    init(_ replica: Replica) { self.replica = replica }

    var id: NodeID { replica.raft.id }
    var role: RaftRole { replica.raft.role }
    var term: Int { replica.raft.term }
    var snapshotIndex: Int { replica.raft.snapshotIndex }
    var membership: Membership { replica.raft.membership }
    var lastIndex: Int { replica.raft.lastIndex }
    var commitIndex: Int { replica.raft.commitIndex }
    var progress: [FollowerProgress] { replica.raft.progress }
}
