/// The store nodes together with the runtime's view of who leads each partition: the lookups that need
/// every store at once (a partition's leader, its membership, its live voters), for placement, routing and
/// metrics.
struct StoreTier {
    var nodes: [StoreNode] = []
    var leaders: LeaderTracker

    init(partitions: Int) {
        leaders = LeaderTracker(partitions: partitions)
    }

    var count: Int { nodes.count }

    /// Whether store `node` exists and is running. Read through the buffer so the hot path (every message
    /// sent or delivered asks) reads one flag instead of copying the node out of the array.
    func isUp(_ node: NodeID) -> Bool {
        guard node.tier == .store, node.number <= nodes.count else { return false }
        return nodes.withUnsafeBufferPointer { $0[node.number - 1].isUp }
    }

    /// The up replica that leads partition `p`, if any.
    func leader(of p: Int) -> (store: Int, node: ReplicaView)? {
        guard let leader = leaders.tracks[p].leader else { return nil }
        let s = leader.number - 1
        guard nodes[s].isUp, let node = nodes[s].replica(p), node.role == .leader else { return nil }
        return (s, node)
    }

    /// The membership as the best-informed up replica sees it (the leader's when there is one).
    func membership(of p: Int) -> Membership? {
        if let (_, node) = leader(of: p) { return node.membership }
        var best: ReplicaView?
        for s in nodes.indices where nodes[s].isUp {
            guard let node = nodes[s].replica(p) else { continue }
            if best == nil || (node.term, node.lastIndex) > (best!.term, best!.lastIndex) { best = node }
        }
        if let best { return best.membership }
        for s in nodes.indices {
            if let durable = nodes[s].savedState(p) { return durable.snapshot.membership }
        }
        return nil
    }

    /// Voters of partition `p` whose store is up.
    func liveVoters(_ p: Int) -> Int {
        guard let m = membership(of: p) else { return 0 }
        return m.voters.filter { isUp($0) }.count
    }
}

/// Who leads each partition as far as the cluster can tell, and since when, learned from the leadership
/// facts store nodes record after every input (a deposed leader that has not yet heard of the newer
/// term is not news).
struct LeaderTracker {
    /// One partition's leader as last seen.
    struct Track {
        var leader: NodeID?
        var leaderTerm = 0
        var since = SimTime.zero
        /// When `leader` first applied an entry of its own term (the no-op it appends on election): from
        /// then on it acknowledges writes and answers reads. Nil until then, and with no leader.
        var servingSince: SimTime?
    }

    /// What a leadership fact changed.
    enum Change {
        case elected(previous: NodeID?)
        case steppedDown
    }

    private(set) var tracks: [Track]

    init(partitions: Int) {
        tracks = Array(repeating: Track(), count: partitions)
    }

    /// Takes in a replica's role after an input; returns what changed, if anything.
    mutating func observe(partition p: Int, node: NodeID, isLeader: Bool, term: Int, now: SimTime) -> Change? {
        if isLeader {
            guard term >= tracks[p].leaderTerm, tracks[p].leader != node || tracks[p].leaderTerm != term else { return nil }
            let previous = tracks[p].leader
            tracks[p] = Track(leader: node, leaderTerm: term, since: now)
            return .elected(previous: previous)
        }
        guard tracks[p].leader == node && tracks[p].leaderTerm <= term else { return nil }
        tracks[p].leader = nil
        tracks[p].since = now
        tracks[p].servingSince = nil
        return .steppedDown
    }

    /// A replica applied an entry of `term`: when it is the leader of that term, it now serves.
    mutating func applied(partition p: Int, term: Int, by node: NodeID, now: SimTime) {
        guard tracks[p].servingSince == nil, tracks[p].leader == node, tracks[p].leaderTerm == term else { return }
        tracks[p].servingSince = now
    }

    /// The store `node` went down: partitions it led have no leader now. Returns whether `p` was one.
    mutating func leaderWentDown(partition p: Int, node: NodeID, now: SimTime) -> Bool {
        guard tracks[p].leader == node else { return false }
        tracks[p].leader = nil
        tracks[p].since = now
        tracks[p].servingSince = nil
        return true
    }
}
