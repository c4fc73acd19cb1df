/// The effects a replica accumulated since the last `drainReady()`: the host sends the messages,
/// answers clients from the applied entries and reads, and counts moved keys.
public struct RaftReady: Sendable {
    public var messages: [RaftMessage] = []
    /// Entries applied to `kv` since the last drain, in log order.
    public var applied: [LogEntry] = []
    /// ReadIndex requests confirmed by a quorum with `appliedIndex >= index`: answer them from `kv` now.
    public var readsReady: [(id: UInt64, index: Int)] = []
    /// Reads abandoned because this replica stopped being leader.
    public var readsDropped: [UInt64] = []
    /// Snapshots this leader sent, with how many keys each carried.
    public var snapshotsSent: [(to: NodeID, index: Int, keys: Int)] = []
    /// The latest snapshot this replica installed since the last drain.
    public var snapshotInstalled: (index: Int, keys: Int)?

    public init() {}

    /// True when there is nothing for the host to do.
    public var isEmpty: Bool {
        messages.isEmpty && applied.isEmpty && readsReady.isEmpty && readsDropped.isEmpty
            && snapshotsSent.isEmpty && snapshotInstalled == nil
    }
}
