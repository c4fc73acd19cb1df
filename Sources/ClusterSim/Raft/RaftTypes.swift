/// The role a Raft replica plays in its current term; its `tick` and `step` behaviour follows it.
public enum RaftRole: String, Sendable, Equatable {
    case follower, preCandidate, candidate, leader
}

/// What a log entry asks the replicated state machine to do.
public enum RaftCommand: Sendable, Equatable {
    /// Appended by every new leader so it can commit an entry of its own term (§5.4.2).
    case noop
    case put(key: Int, value: Int)
    case change(MembershipChange)
}

/// A single-server membership change (Raft thesis §4.1); it takes effect as soon as it is appended.
public enum MembershipChange: Sendable, Equatable {
    case addLearner(NodeID)
    case promote(NodeID)
    case remove(NodeID)
}

/// One slot of the replicated log.
public struct LogEntry: Sendable, Equatable {
    public var index: Int
    public var term: Int
    public var command: RaftCommand

    public init(index: Int, term: Int, command: RaftCommand) {
        self.index = index
        self.term = term
        self.command = command
    }
}

/// The replicas of one Raft group: voters elect and commit, learners only receive the log. Both kept sorted.
public struct Membership: Sendable, Equatable {
    public var voters: [NodeID]
    public var learners: [NodeID]

    public init(voters: [NodeID], learners: [NodeID] = []) {
        self.voters = voters.sorted()
        self.learners = learners.sorted()
    }

    public static let empty = Membership(voters: [])

    /// Every replica, voters first, each group sorted.
    public var all: [NodeID] { voters + learners }

    public func contains(_ node: NodeID) -> Bool { voters.contains(node) || learners.contains(node) }

    /// Why `change` cannot apply to this membership, or nil when it can.
    public func rejection(of change: MembershipChange) -> String? {
        switch change {
        case .addLearner(let n):
            return contains(n) ? "\(n) is already a replica" : nil
        case .promote(let n):
            return learners.contains(n) ? nil : "\(n) is not a learner"
        case .remove(let n):
            if !contains(n) { return "\(n) is not a replica" }
            if voters == [n] { return "cannot remove the last voter" }
            return nil
        }
    }

    /// This membership with `change` applied; changes that do not fit leave it as it is.
    public func applying(_ change: MembershipChange) -> Membership {
        var m = self
        switch change {
        case .addLearner(let n):
            if !contains(n) { m.learners = (learners + [n]).sorted() }
        case .promote(let n):
            if learners.contains(n) {
                m.learners.removeAll { $0 == n }
                m.voters = (voters + [n]).sorted()
            }
        case .remove(let n):
            m.voters.removeAll { $0 == n }
            m.learners.removeAll { $0 == n }
        }
        return m
    }
}

/// The answer to `RaftNode.propose`.
public enum ProposeResult: Sendable, Equatable {
    case accepted(index: Int, term: Int)
    /// Only the leader accepts proposals; the hint is the leader this replica last heard from.
    case notLeader(hint: NodeID?)
    case rejected(String)
}

/// How far one follower or learner is behind, as the leader sees it.
public struct FollowerProgress: Sendable, Equatable {
    public var node: NodeID
    public var matchIndex: Int
    public var nextIndex: Int
    public var isLearner: Bool
    /// Ticks since the leader last heard any response from this replica.
    public var ticksSinceAck: Int

    public init(node: NodeID, matchIndex: Int, nextIndex: Int, isLearner: Bool, ticksSinceAck: Int) {
        self.node = node
        self.matchIndex = matchIndex
        self.nextIndex = nextIndex
        self.isLearner = isLearner
        self.ticksSinceAck = ticksSinceAck
    }
}
