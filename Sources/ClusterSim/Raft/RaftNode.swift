/// One replica of a Raft group as a pure state machine: the host calls `tick`, `step`, `propose` and
/// `requestRead`, then carries out what `drainReady` hands back. No clock, no I/O, no callbacks, and no
/// application state: committed entries go to the host's state machine (`RaftReady.applied`), which
/// also supplies the data of snapshots.
///
/// Role behaviour is chosen by `role` (etcd-io/raft style): see the `RaftNode+*.swift` files.
public struct RaftNode: Sendable {
    public let id: NodeID
    public internal(set) var config: RaftConfig
    var random: SimRandom

    // Durable (Figure 2).
    public internal(set) var term = 0
    var votedFor: NodeID?
    var log: RaftLog

    // Volatile.
    public internal(set) var role = RaftRole.follower
    public internal(set) var leaderID: NodeID?
    public internal(set) var commitIndex = 0
    public internal(set) var appliedIndex = 0
    /// The membership in force: after every appended change (thesis §4.1).
    public internal(set) var membership: Membership
    /// The membership as of `appliedIndex`, which snapshots carry.
    var appliedMembership: Membership

    /// Ticks since the election timer last started over; also ages the lease (`inLease`).
    var electionElapsed = 0
    /// With the tick-driven timer: the ticks without a leader after which this replica campaigns.
    var randomizedElectionTicks = 0
    /// With `config.electionTimeoutUs`: the timer the host runs for this replica.
    public private(set) var electionTimer = ElectionTimer()
    var heartbeatElapsed = 0
    /// Voters that granted (true) or refused (false) this replica in the current (pre-)election.
    var votes: [NodeID: Bool] = [:]

    // Leader only.
    var peers: [NodeID: PeerProgress] = [:]
    var pendingReads: [PendingRead] = []
    var readContextSeq: UInt64 = 0
    /// The voter leadership is being handed to, if a transfer is in progress.
    public internal(set) var transferTarget: NodeID?

    var ready = RaftReady()
    /// The term and vote the host was last handed, so a ready carries them only when they change.
    private var reportedHardState: RaftHardState

    /// A replica of a brand-new group whose voters are `voters`, with an empty log.
    public static func bootstrap(id: NodeID, voters: [NodeID], config: RaftConfig, random: SimRandom) -> RaftNode {
        let snap = RaftSnapshot(index: 0, term: 0, membership: Membership(voters: voters), kv: [:])
        return RaftNode(id: id, durable: RaftDurableState(term: 0, votedFor: nil, snapshot: snap, entries: []),
                        config: config, random: random)
    }

    /// A replica coming back from a crash: only `durable` survived; commit and applied are rebuilt from
    /// the snapshot and advance again as the commit index is learned (the host replays its state machine).
    public init(restarting durable: RaftDurableState, id: NodeID, config: RaftConfig, random: SimRandom) {
        self.init(id: id, durable: durable, config: config, random: random)
    }

    /// An empty replica on a new store: it knows no members and learns everything from the leader.
    public init(joiningAsLearner id: NodeID, config: RaftConfig, random: SimRandom) {
        let snap = RaftSnapshot(index: 0, term: 0, membership: .empty, kv: [:])
        self.init(id: id, durable: RaftDurableState(term: 0, votedFor: nil, snapshot: snap, entries: []),
                  config: config, random: random)
    }

    private init(id: NodeID, durable: RaftDurableState, config: RaftConfig, random: SimRandom) {
        precondition(config.electionTicksMin > config.heartbeatTicks && config.electionTicksMax >= config.electionTicksMin,
                     "election timeout must exceed the heartbeat")
        if let us = config.electionTimeoutUs { precondition(us.lowerBound > 0, "election timeout must be positive") }
        precondition(config.maxEntriesPerAppend > 0 && config.maxInflightAppends > 0 && config.compactAfterEntries > 0)
        self.id = id
        self.config = config
        self.random = random
        self.term = durable.term
        self.votedFor = durable.votedFor
        self.reportedHardState = RaftHardState(term: durable.term, votedFor: durable.votedFor)
        self.log = RaftLog(snapshot: durable.snapshot.withoutData, entries: durable.entries)
        self.commitIndex = durable.snapshot.index
        self.appliedIndex = durable.snapshot.index
        self.appliedMembership = durable.snapshot.membership
        self.membership = log.latestMembership()
        resetElectionTimer()
    }

    // MARK: - Observers

    /// What survives a crash: term, vote, snapshot and log.
    public var durable: RaftDurableState {
        RaftDurableState(term: term, votedFor: votedFor, snapshot: log.snapshot, entries: log.entries)
    }

    public var lastIndex: Int { log.lastIndex }
    public var lastTerm: Int { log.lastTerm }
    /// The index the log's snapshot stands for; entries at or below it are compacted away.
    public var snapshotIndex: Int { log.snapshotIndex }
    /// Entries held after the snapshot.
    public var logLength: Int { log.entries.count }
    public var isVoter: Bool { membership.voters.contains(id) }

    /// The entry at `index` if the log still holds it.
    public func entry(at index: Int) -> LogEntry? { log.entry(at: index) }

    /// Per follower and learner, sorted by node; empty unless leader.
    public var progress: [FollowerProgress] {
        guard role == .leader else { return [] }
        return otherMembers.compactMap { n in
            peers[n].map {
                FollowerProgress(node: n, matchIndex: $0.match, nextIndex: $0.next,
                                 isLearner: membership.learners.contains(n), ticksSinceAck: $0.ticksSinceAck)
            }
        }
    }

    /// Every replica but this one, sorted: the order in which messages go out.
    var otherMembers: [NodeID] { membership.all.filter { $0 != id }.sorted() }

    var quorumSize: Int { membership.voters.count / 2 + 1 }

    // MARK: - Driving

    /// Advances this replica's clock by one tick. With `config.electionTimeoutUs` set, ticks drive the
    /// leader's heartbeats and CheckQuorum and age the lease; elections start from `electionTimeout()`.
    public mutating func tick() {
        switch role {
        case .leader: tickLeader()
        case .follower, .preCandidate, .candidate: tickElection()
        }
    }

    /// Whether `drainReady` would hand back anything.
    public var hasReady: Bool {
        !ready.isEmpty || log.hasUnstable || term != reportedHardState.term || votedFor != reportedHardState.votedFor
    }

    /// Drains into `out` when there is anything to hand back (returning false otherwise, leaving `out`
    /// alone). The host's ready and this replica's swap places, so a host that keeps one ready per replica
    /// reuses both buffers' storage and allocates nothing per drain; hosts check every replica on every
    /// tick, and most ticks change nothing.
    public mutating func drainReady(into out: inout RaftReady) -> Bool {
        guard hasReady else { return false }
        out.removeAll()
        swap(&out, &ready)
        takePersistentChanges(into: &out)
        return true
    }

    /// Hands back everything accumulated since the last call, with what must be persisted first.
    public mutating func drainReady() -> RaftReady {
        var out = RaftReady()
        swap(&out, &ready)
        takePersistentChanges(into: &out)
        return out
    }

    /// Puts what changed in the durable state since the last drain into `out`.
    private mutating func takePersistentChanges(into out: inout RaftReady) {
        let hardState = RaftHardState(term: term, votedFor: votedFor)
        if hardState != reportedHardState {
            out.hardState = hardState
            reportedHardState = hardState
        }
        (out.snapshot, out.entries) = log.takeUnstable()
    }

    /// Handles one message from another replica.
    public mutating func step(_ m: RaftMessage) {
        guard m.to == id, m.from != id else { return }
        if m.term > term {
            switch m.kind {
            case .vote(_, _, let transfer):
                if inLease && !transfer { return }
            case .preVote:
                if inLease { return }
            default: break
            }
            switch m.kind {
            case .preVote:
                break  // never changes our term (thesis §9.6)
            case .preVoteResponse(let granted) where granted:
                break  // a grant carries the future term; the pre-candidate counts it
            case .append, .heartbeat, .snapshot:
                becomeFollower(term: m.term, leader: m.from)
            default:
                becomeFollower(term: m.term, leader: nil)
            }
        } else if m.term < term {
            switch m.kind {
            case .append, .heartbeat, .snapshot:
                // Tell the stale leader about the newer term so it steps down (etcd does the same; with
                // PreVote and CheckQuorum a partitioned leader may otherwise never learn it).
                send(to: m.from, .appendResponse(index: lastIndex, reject: nil))
            case .preVote:
                send(to: m.from, .preVoteResponse(granted: false))
            case .vote:
                // Figure 2: refuse with our term so the stale candidate catches up. Staying silent can
                // livelock two candidates whose configurations each name only the other.
                send(to: m.from, .voteResponse(granted: false))
            default:
                break
            }
            return
        }

        switch m.kind {
        case .preVote(let li, let lt):
            handleVoteRequest(from: m.from, term: m.term, lastIndex: li, lastTerm: lt, pre: true)
        case .vote(let li, let lt, _):
            handleVoteRequest(from: m.from, term: m.term, lastIndex: li, lastTerm: lt, pre: false)
        default:
            switch role {
            case .leader: stepLeader(m)
            case .candidate, .preCandidate: stepCandidate(m)
            case .follower: stepFollower(m)
            }
        }
    }

    /// Whether a live leader was heard from within the minimum election timeout (etcd's lease).
    var inLease: Bool {
        config.checkQuorum && leaderID != nil && electionElapsed < config.electionTicksMin
    }

    // MARK: - Role changes

    /// Starts the election timer over with a freshly drawn timeout (in ticks, or in microseconds when the
    /// host runs the timer).
    mutating func resetElectionTimer() {
        electionElapsed = 0
        if let us = config.electionTimeoutUs {
            electionTimer.timeoutUs = Int64(random.int(in: Int(us.lowerBound)...Int(us.upperBound)))
            electionTimer.restarts &+= 1
        } else {
            randomizedElectionTicks = random.int(in: config.electionTicksMin...config.electionTicksMax)
        }
    }

    /// Starts the election timer over with the timeout it already had (the leader was heard from).
    mutating func restartElectionTimer() {
        electionElapsed = 0
        if config.electionTimeoutUs != nil { electionTimer.restarts &+= 1 }
    }

    mutating func becomeFollower(term newTerm: Int, leader: NodeID?) {
        if role == .leader { abandonLeadership() }
        if newTerm != term {
            term = newTerm
            votedFor = nil
        }
        role = .follower
        leaderID = leader
        votes = [:]
        resetElectionTimer()
    }

    /// Clears leader-only state; pending reads can no longer be answered here.
    mutating func abandonLeadership() {
        ready.readsDropped.append(contentsOf: pendingReads.map(\.id))
        pendingReads = []
        peers = [:]
        transferTarget = nil
    }

    mutating func send(to: NodeID, _ kind: RaftMessage.Kind, term messageTerm: Int? = nil) {
        ready.messages.append(RaftMessage(from: id, to: to, term: messageTerm ?? term, kind: kind))
    }
}
