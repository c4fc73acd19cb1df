/// A store's running copy of one partition: a reference to its Raft state machine, so the hot paths
/// (ticks, message steps, reads of role and progress) change and read it in place instead of copying it.
/// Only its store node drives it; everyone else reads it through `ReplicaView`.
///
/// It keeps the replica's disk and honours the ready contract: everything a ready asks to persist is on
/// the disk before `drainReady` returns the messages that depend on it.
final class Replica {
    private(set) var raft: RaftNode
    private var disk: RaftStorage

    init(_ raft: RaftNode) {
        self.raft = raft
        disk = RaftStorage(raft.durable)
    }

    /// Crash: what is on the disk is all that survives. The disk is instant, so a ready not yet drained
    /// counts as persisted; it then holds exactly the replica's durable state.
    func crash() -> RaftDurableState {
        disk.persist(raft.drainReady())
        assert(disk.durable == raft.durable, "\(raft.id): the disk lost part of the durable state")
        return disk.durable
    }

    func value(ofKey key: Int) -> Int? { raft.kv[key] }

    func tick() { raft.tick() }
    func step(_ m: RaftMessage) { raft.step(m) }
    func propose(_ command: RaftCommand) -> ProposeResult { raft.propose(command) }
    func requestRead(id: UInt64) -> Bool { raft.requestRead(id: id) }
    func transferLeadership(to node: NodeID) { raft.transferLeadership(to: node) }
    func campaign() { raft.campaign() }
    /// The replica's ready value, persisted: its messages may be sent now.
    func drainReady() -> RaftReady {
        let ready = raft.drainReady()
        disk.persist(ready)
        return ready
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
    var membership: Membership { replica.raft.membership }
    var lastIndex: Int { replica.raft.lastIndex }
    var commitIndex: Int { replica.raft.commitIndex }
    var progress: [FollowerProgress] { replica.raft.progress }
}
