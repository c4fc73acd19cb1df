/// A downstream call a service instance is waiting on.
struct ServiceCall {
    enum Target { case cache, store }
    var requestID: Int
    var target: Target
    var node: NodeID
}

/// One request a service instance is working on.
struct ServiceWork {
    var requestID: Int
    var op: ClientOp
    var startUs: Int64
    var storeAttempts = 0
    /// Set for reads that missed the cache: the store value is written back.
    var fillCache = false
}

/// Where a service instance sends its calls: the cache node owning a key and the replicas of a partition.
///
/// The runtime answers from the cache ring and the store tier's current memberships, as a discovery
/// service (a placement driver) would; a service reads it and never changes it.
protocol ServiceDirectory {
    func cacheNode(ofKey key: Int) -> NodeID
    /// Replicas a service may ask about partition `p` (its voters as the best-informed replica sees them).
    func storeReplicas(ofPartition p: Int) -> [NodeID]
}

/// A service instance's tuning, taken from the cluster config once.
struct ServiceSettings {
    var maxInFlight: Int
    var cacheCallTimeoutUs: Int64
    var storeCallTimeoutUs: Int64
    /// A service stops retrying a request this long after it started (the client gives up at its timeout).
    var deadlineUs: Int64
    /// Store attempts per request, the first one included.
    var storeAttemptsMax = 8
    var partitions: Int

    init(_ config: ClusterConfig) {
        maxInFlight = config.serviceMaxInFlight
        cacheCallTimeoutUs = config.serviceCallTimeoutMs * 1_000
        storeCallTimeoutUs = config.storeCallTimeoutMs * 1_000
        deadlineUs = config.workload.timeoutMs * 1_000 * 9 / 10
        partitions = config.partitions
    }
}
