/// The partition's applied state at one log index: what replaces the log prefix up to that index.
public struct RaftSnapshot: Sendable, Equatable {
    public var index: Int
    public var term: Int
    /// The membership in force at `index`.
    public var membership: Membership
    /// The key-value state machine's data at `index`. Raft leaves it empty and never reads it: the host
    /// fills it in from its state machine before persisting the snapshot or letting it leave in a message.
    public var kv: [Int: Int]

    public init(index: Int, term: Int, membership: Membership, kv: [Int: Int]) {
        self.index = index
        self.term = term
        self.membership = membership
        self.kv = kv
    }

    /// This snapshot as Raft keeps it: everything but the state machine's data.
    var withoutData: RaftSnapshot {
        RaftSnapshot(index: index, term: term, membership: membership, kv: [:])
    }
}

/// What a replica keeps across a crash: current term, vote, snapshot and the log after it (Figure 2).
public struct RaftDurableState: Sendable, Equatable {
    public var term: Int
    public var votedFor: NodeID?
    public var snapshot: RaftSnapshot
    /// The entries after `snapshot.index`, contiguous.
    public var entries: [LogEntry]

    public init(term: Int, votedFor: NodeID?, snapshot: RaftSnapshot, entries: [LogEntry]) {
        self.term = term
        self.votedFor = votedFor
        self.snapshot = snapshot
        self.entries = entries
    }
}

/// The part of a replica's durable state that is not the log: its current term and its vote in that term.
public struct RaftHardState: Sendable, Equatable {
    public var term: Int
    public var votedFor: NodeID?

    public init(term: Int, votedFor: NodeID?) {
        self.term = term
        self.votedFor = votedFor
    }
}
