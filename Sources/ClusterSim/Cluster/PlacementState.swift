/// One replica move: add `to` as a learner, let it catch up from a snapshot, promote it, then remove `from`.
struct Move {
    enum Phase: String {
        case addLearner, catchUp, promote, removeOld
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
}

/// The placement controller's state: moves in progress and what rebalancing has done so far.
struct PlacementState {
    var moves: [Move] = []
    var movesDone = 0
    var movesAborted = 0
    var keysMoved = 0
    /// A rebalance pass asked for leader balancing once its replica moves finish.
    var leaderBalancePending = false
    static let maxMoves = 256
    static let moveTimeoutUs: Int64 = 60_000_000

    /// Counts keys shipped to a move's new replica.
    mutating func snapshotSent(partition p: Int, to node: NodeID, keys: Int) {
        guard let i = moves.firstIndex(where: { $0.partition == p && $0.to == node }) else { return }
        moves[i].keysMoved += keys
        keysMoved += keys
    }

    func hasMove(partition p: Int) -> Bool { moves.contains { $0.partition == p } }
}
