/// The election timer a replica asks its host to run when its config sets `electionTimeoutUs`: the host
/// fires `RaftNode.electionTimeout()` once `timeoutUs` of its own time have passed since it last saw
/// `restarts` change, and forgets any earlier deadline. The replica keeps no clock; it only says when the
/// timer restarts and for how long.
public struct ElectionTimer: Sendable, Equatable {
    /// Bumped whenever the timer starts over: on every role change, granted vote and message from the leader.
    public internal(set) var restarts: UInt64 = 0
    /// How long the timer runs from its latest restart, drawn at random on role changes and granted votes
    /// (a message from the leader restarts it with the same duration, as the tick-driven timer does).
    public internal(set) var timeoutUs: Int64 = 0

    public init() {}
}
