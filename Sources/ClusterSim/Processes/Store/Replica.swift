/// A store's running copy of one partition: a reference to its Raft state machine, so the hot paths
/// (ticks, message steps, reads of role and progress) change and read it in place instead of copying it.
/// Only its store node drives it; everyone else reads it through `ReplicaView`.
final class Replica {
    private(set) var raft: RaftNode

    init(_ raft: RaftNode) { self.raft = raft }

    func value(ofKey key: Int) -> Int? { raft.kv[key] }

    func tick() { raft.tick() }
    func step(_ m: RaftMessage) { raft.step(m) }
    func propose(_ command: RaftCommand) -> ProposeResult { raft.propose(command) }
    func requestRead(id: UInt64) -> Bool { raft.requestRead(id: id) }
    func transferLeadership(to node: NodeID) { raft.transferLeadership(to: node) }
    func campaign() { raft.campaign() }
    func drainReady() -> RaftReady { raft.drainReady() }
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
