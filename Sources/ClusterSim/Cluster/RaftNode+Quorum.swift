extension RaftNode {
    /// Switches between majority commit (Raft) and all-voter commit (synchronous replication) at run time.
    mutating func setCommitQuorum(_ quorum: CommitQuorum) {
        config.commitQuorum = quorum
    }
}
