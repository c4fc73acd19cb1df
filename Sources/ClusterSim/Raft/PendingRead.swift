/// One ReadIndex request waiting for leadership confirmation and for the state machine to catch up.
struct PendingRead: Sendable {
    var id: UInt64
    /// The commit index recorded for this read; nil until the leader has committed an entry of its term.
    var index: Int?
    /// The heartbeat round that must be answered by a quorum; 0 while `index` is nil.
    var context: UInt64
    var confirmed: Bool
}
