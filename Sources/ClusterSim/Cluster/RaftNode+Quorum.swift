extension RaftNode {
    /// Switches between majority commit (Raft) and all-voter commit (synchronous replication) at run time.
    mutating func setCommitQuorum(_ quorum: CommitQuorum) {
        config.commitQuorum = quorum
    }

    /// Switches between replicating on every proposal and replicating in the background.
    mutating func setReplicateOnPropose(_ on: Bool) {
        config.replicateOnPropose = on
    }
}
