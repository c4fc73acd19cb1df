/// A store's running copy of one partition: a reference to its Raft state machine, so the hot paths
/// (ticks, message steps, reads of role and progress) change and read it in place instead of copying it.
final class Replica {
    var raft: RaftNode

    init(_ raft: RaftNode) { self.raft = raft }

    var id: NodeID { raft.id }
    var role: RaftRole { raft.role }
    var term: Int { raft.term }
    var leaderID: NodeID? { raft.leaderID }
    var membership: Membership { raft.membership }
    var lastIndex: Int { raft.lastIndex }
    var commitIndex: Int { raft.commitIndex }
    var progress: [FollowerProgress] { raft.progress }
    var durable: RaftDurableState { raft.durable }
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
