/// The effects a replica accumulated since the last `drainReady()`, with etcd's persistence contract.
///
/// The host first persists `hardState`, then `snapshot`, then `entries` (truncating its stored log at the
/// first entry's index before appending), and only then may it send `messages`: a vote or an
/// acknowledgement promises that what it depends on is durable. Then it answers clients from the applied
/// entries and reads, and counts moved keys. A host that crashes before persisting must not send.
public struct RaftReady: Sendable {
    /// Term and vote, when either changed since the last drain.
    public var hardState: RaftHardState?
    /// The log's snapshot, when it changed (a compaction, or one installed from the leader).
    public var snapshot: RaftSnapshot?
    /// Entries appended or overwritten since the last drain, contiguous, from the lowest changed index.
    public var entries: [LogEntry] = []
    public var messages: [RaftMessage] = []
    /// Committed entries for the host's state machine to apply, in log order.
    public var applied: [LogEntry] = []
    /// ReadIndex requests confirmed by a quorum with `appliedIndex >= index`: answer them from the host's
    /// state machine once it has applied `applied`.
    public var readsReady: [(id: UInt64, index: Int)] = []
    /// Reads abandoned because this replica stopped being leader.
    public var readsDropped: [UInt64] = []
    /// The snapshot this replica installed from its leader since the last drain: the host's state machine
    /// takes its data.
    public var snapshotInstalled: RaftSnapshot?

    public init() {}

    /// Empties every field, keeping the arrays' storage for the next drain.
    mutating func removeAll() {
        hardState = nil
        snapshot = nil
        entries.removeAll(keepingCapacity: true)
        messages.removeAll(keepingCapacity: true)
        applied.removeAll(keepingCapacity: true)
        readsReady.removeAll(keepingCapacity: true)
        readsDropped.removeAll(keepingCapacity: true)
        snapshotInstalled = nil
    }

    /// True when there is nothing for the host to do.
    public var isEmpty: Bool {
        hardState == nil && snapshot == nil && entries.isEmpty && messages.isEmpty && applied.isEmpty
            && readsReady.isEmpty && readsDropped.isEmpty
            && snapshotInstalled == nil
    }
}
