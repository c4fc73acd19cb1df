/// One message between two replicas of a Raft group; `term` is the sender's term (or, for a granted
/// PreVote, the term the candidate will campaign in).
public struct RaftMessage: Sendable, Equatable {
    public var from: NodeID
    public var to: NodeID
    public var term: Int
    public var kind: Kind

    public init(from: NodeID, to: NodeID, term: Int, kind: Kind) {
        self.from = from
        self.to = to
        self.term = term
        self.kind = kind
    }

    /// What the message asks or answers.
    public enum Kind: Sendable, Equatable {
        /// Would you vote for me in `term`? Nobody changes term or vote for it (thesis §9.6).
        case preVote(lastIndex: Int, lastTerm: Int)
        case preVoteResponse(granted: Bool)
        /// RequestVote (§5.2); `transfer` marks an election forced by leadership transfer, which
        /// bypasses the lease rule.
        case vote(lastIndex: Int, lastTerm: Int, transfer: Bool)
        case voteResponse(granted: Bool)
        /// AppendEntries (§5.3): entries follow `prevIndex`; `commit` is the leader's commit index.
        case append(prevIndex: Int, prevTerm: Int, entries: [LogEntry], commit: Int)
        /// With `reject == nil`: the follower's log matches the leader's up to `index`.
        /// With a hint: the append at prevIndex `index` did not match.
        case appendResponse(index: Int, reject: RejectHint?)
        /// Keeps followers quiet; `commit` never exceeds what the follower is known to hold; `context`
        /// identifies the ReadIndex round it confirms (0 when none).
        case heartbeat(commit: Int, context: UInt64)
        case heartbeatResponse(context: UInt64)
        /// InstallSnapshot (§7): the whole state at `snapshot.index`. Answered by `appendResponse`.
        case snapshot(RaftSnapshot)
        /// Campaign now, skipping PreVote: the leader hands over leadership (thesis §3.10).
        case timeoutNow
    }
}

/// Where a follower's log diverges, so the leader can skip a whole term per round trip.
public struct RejectHint: Sendable, Equatable {
    /// The follower's last log index.
    public var lastIndex: Int
    /// The term of the follower's entry at the rejected prevIndex, nil when its log is shorter.
    public var conflictTerm: Int?
    /// The first index the follower holds with `conflictTerm` (meaningful only with a term).
    public var conflictTermFirstIndex: Int

    public init(lastIndex: Int, conflictTerm: Int?, conflictTermFirstIndex: Int) {
        self.lastIndex = lastIndex
        self.conflictTerm = conflictTerm
        self.conflictTermFirstIndex = conflictTermFirstIndex
    }
}
