/// Feeding the invariant checker what lets it forget safely: per partition, the lowest snapshot index
/// and the lowest term among its replicas, running or down.
extension Cluster {
    /// Tells the checker each partition's horizon (called once a virtual second; stores x partitions work).
    func advanceCheckerHorizon() {
        guard let partitionCount = stores.nodes.first?.partitionSlots else { return }
        for p in 0..<partitionCount {
            var lowestSnapshotIndex = Int.max
            var lowestTerm = Int.max
            for store in stores.nodes {
                if let replica = store.replica(p) {
                    lowestSnapshotIndex = min(lowestSnapshotIndex, replica.snapshotIndex)
                    lowestTerm = min(lowestTerm, replica.term)
                } else if let durable = store.savedState(p) {
                    lowestSnapshotIndex = min(lowestSnapshotIndex, durable.snapshot.index)
                    lowestTerm = min(lowestTerm, durable.term)
                }
            }
            guard lowestSnapshotIndex < Int.max else { continue }
            checker.forgetHorizon(partition: p, lowestSnapshotIndex: lowestSnapshotIndex, lowestTerm: lowestTerm)
        }
    }
}
