extension RaftNode {
    /// Switches between replicating on every proposal and replicating in the background.
    mutating func setReplicateOnPropose(_ on: Bool) {
        config.replicateOnPropose = on
    }
}
