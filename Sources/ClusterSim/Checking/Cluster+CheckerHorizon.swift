/// Feeding the invariant checker what lets it forget safely: per partition, the lowest snapshot index
/// and the lowest term among its replicas, running or down.
extension Cluster {
    /// Tells the checker each partition's horizon (called once a virtual second; stores x partitions work).
    func advanceCheckerHorizon() {
        guard let partitionCount = stores.first?.replicas.count else { return }
        for p in 0..<partitionCount {
            var lowestSnapshotIndex = Int.max
            var lowestTerm = Int.max
            for s in stores.indices {
                if let replica = stores[s].replicas[p] {
                    lowestSnapshotIndex = min(lowestSnapshotIndex, replica.raft.snapshotIndex)
                    lowestTerm = min(lowestTerm, replica.raft.term)
                } else if let durable = stores[s].saved[p] {
                    lowestSnapshotIndex = min(lowestSnapshotIndex, durable.snapshot.index)
                    lowestTerm = min(lowestTerm, durable.term)
                }
            }
            guard lowestSnapshotIndex < Int.max else { continue }
            checker.forgetHorizon(partition: p, lowestSnapshotIndex: lowestSnapshotIndex, lowestTerm: lowestTerm)
        }
    }
}
