/// The leader's bookkeeping for one other replica: what it holds and how to feed it (etcd's Progress).
struct PeerProgress: Sendable {
    enum State: Sendable, Equatable {
        /// Unsure where the logs meet: one append per heartbeat or response.
        case probe
        /// Logs agree: stream appends optimistically, up to `maxInflightAppends` unacknowledged.
        case replicate
        /// A snapshot at this index is on its way; wait for its answer.
        case snapshot(index: Int)
    }

    var match = 0
    var next: Int
    var state = State.probe
    /// In probe state: an append is out and unanswered.
    var probeSent = false
    /// In replicate state: the last index of each unacknowledged append, ascending.
    var inflight: [Int] = []
    var ticksSinceAck = 0
    /// In snapshot state: ticks since the snapshot was sent.
    var snapshotWaitTicks = 0
    /// The highest ReadIndex heartbeat context this replica has answered in this term.
    var ackedContext: UInt64 = 0
    /// A snapshot went out while this replica held nothing, so it knows the base membership even if
    /// the leader had applied nothing yet.
    var baseSnapshotSent = false

    init(next: Int) { self.next = next }

    mutating func becomeProbe() {
        state = .probe
        probeSent = false
        inflight = []
        next = max(next, match + 1)
    }

    mutating func becomeReplicate() {
        state = .replicate
        probeSent = false
        inflight = []
        next = match + 1
    }

    /// Records an acknowledgement that the follower's log matches up to `index`.
    mutating func acknowledge(_ index: Int) {
        if index > match { match = index }
        if next < match + 1 { next = match + 1 }
        inflight.removeAll { $0 <= index }
    }
}
