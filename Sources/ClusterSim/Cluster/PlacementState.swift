/// One replica move: add `to` as a learner, let it catch up from a snapshot, promote it, then remove `from`.
/// A move given up before `to` votes is rolled back: `to` is removed again, so nothing is left half-done.
struct Move {
    enum Phase: String {
        case addLearner, catchUp, promote, removeOld
        /// Undo: remove `to` from the membership (it never became a voter), then drop its replica.
        case rollback
    }
    var partition: Int
    /// The replica to remove once the new one votes; nil when only adding (none today, kept for clarity).
    var from: NodeID?
    var to: NodeID
    var phase: Phase = .addLearner
    var proposedIndex = 0
    var startedUs: Int64
    var reason: String
    var keysMoved = 0
    /// Leadership transfers tried while `from` leads, and when the latest one started.
    var transferAttempts = 0
    var transferStartedUs: Int64?
}

/// The placement controller's state: moves in progress and what rebalancing has done so far.
struct PlacementState {
    var moves: [Move] = []
    var movesDone = 0
    var keysMoved = 0
    /// A rebalance pass asked for leader balancing once its replica moves finish.
    var leaderBalancePending = false
    static let maxMoves = 256
    static let moveTimeoutUs: Int64 = 60_000_000
    /// A leadership transfer not done after this long is retried, towards another voter.
    static let transferTimeoutUs: Int64 = 600_000

    /// Counts keys shipped to a move's new replica.
    mutating func snapshotSent(partition p: Int, to node: NodeID, keys: Int) {
        guard let i = moves.firstIndex(where: { $0.partition == p && $0.to == node }) else { return }
        moves[i].keysMoved += keys
        keysMoved += keys
    }

    func hasMove(partition p: Int) -> Bool { moves.contains { $0.partition == p } }
}
