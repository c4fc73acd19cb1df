/// The tuning of one Raft replica; every duration is counted in ticks of the host's Raft clock, except the
/// election timeout when the host runs it (`electionTimeoutUs`).
public struct RaftConfig: Sendable, Equatable {
    /// A follower campaigns after a random number of ticks without a leader in this range (inclusive).
    public var electionTicksMin = 15
    public var electionTicksMax = 30
    /// When set, the election timeout is drawn uniformly from this range of microseconds and the host runs
    /// the timer (`RaftNode.electionTimer`, `RaftNode.electionTimeout()`): elections then start at the
    /// drawn instant instead of on the next tick. Ticks still age the lease (`electionTicksMin`). Nil: the
    /// timeout is `electionTicksMin...electionTicksMax` ticks, counted by `tick()`.
    public var electionTimeoutUs: ClosedRange<Int64>? = nil
    /// The leader sends a heartbeat round this often.
    public var heartbeatTicks = 5
    /// Ask for votes without bumping the term first, so a returning node does not disrupt (thesis §9.6).
    public var preVote = true
    /// A leader that has not heard from a quorum for `electionTicksMin` steps down; followers with a
    /// live leader ignore vote requests (etcd's lease rule).
    public var checkQuorum = true
    /// At most this many entries travel in one append message.
    public var maxEntriesPerAppend = 64
    /// At most this many append messages are unacknowledged per follower while replicating.
    public var maxInflightAppends = 16
    /// Compact the log into a snapshot when the applied index is this far past the snapshot index.
    public var compactAfterEntries = 512
    /// ReadIndex requests queued beyond this are refused.
    public var maxPendingReads = 1024
    /// How many voters must hold an entry before it commits.
    public var commitQuorum: CommitQuorum = .majority
    /// Send new entries to followers as soon as they are proposed. Off models background (asynchronous)
    /// replication: entries leave with the next heartbeat round's follow-up appends instead.
    public var replicateOnPropose = true

    public init() {}
}

/// Which voters must hold an entry of the leader's term before it counts as committed.
public enum CommitQuorum: String, Sendable, Equatable {
    /// A majority of voters (Raft).
    case majority
    /// Every voter: models synchronous replication, so writes stop while any voter is unreachable.
    case allVoters
}
