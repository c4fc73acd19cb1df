@testable import ClusterSim

/// Watches every replica of a test network and records breaches of Raft's safety properties:
/// Election Safety (one leader per term) and State Machine Safety (an index is applied with one entry only).
struct RaftInvariantChecker {
    /// The leader seen for each term.
    private(set) var leaderByTerm: [Int: NodeID] = [:]
    /// The entry first applied at each index, by any replica: later applications must agree.
    private(set) var appliedByIndex: [Int: LogEntry] = [:]
    /// Per replica, the last index it applied or installed, to check that application has no gaps.
    private(set) var lastApplied: [NodeID: Int] = [:]
    private(set) var violations: [String] = []
    /// Append rejections seen on the wire (fast backtracking keeps this small).
    private(set) var appendRejections = 0
    private(set) var snapshotsSent: [(to: NodeID, index: Int, keys: Int)] = []
    private(set) var snapshotsInstalled: [(node: NodeID, index: Int, keys: Int)] = []
    /// Every leader change observed, in order: (term, leader).
    private(set) var leaderHistory: [(term: Int, leader: NodeID)] = []

    /// The disk written from `node`'s ready values no longer matches its durable state.
    mutating func diskDiverged(_ node: NodeID) {
        violations.append("\(node): persisted state differs from the durable state")
    }

    mutating func observe(_ node: RaftNode, _ ready: RaftReady, shipped: [ReplicaHost.Shipped]) {
        if node.role == .leader {
            if let seen = leaderByTerm[node.term] {
                if seen != node.id { violations.append("two leaders in term \(node.term): \(seen) and \(node.id)") }
            } else {
                leaderByTerm[node.term] = node.id
                leaderHistory.append((node.term, node.id))
            }
        }
        if let snap = ready.snapshotInstalled {
            lastApplied[node.id] = snap.index
            snapshotsInstalled.append((node.id, snap.index, snap.kv.count))
        }
        for e in ready.applied {
            let last = lastApplied[node.id] ?? 0
            if e.index != last + 1 { violations.append("\(node.id) applied \(e.index) after \(last)") }
            lastApplied[node.id] = e.index
            if let first = appliedByIndex[e.index] {
                if first != e { violations.append("index \(e.index) applied as \(first) and as \(e) on \(node.id)") }
            } else {
                appliedByIndex[e.index] = e
            }
        }
        snapshotsSent.append(contentsOf: shipped.map { ($0.to, $0.index, $0.keys) })
        for m in ready.messages {
            if case .appendResponse(_, let reject) = m.kind, reject != nil { appendRejections += 1 }
        }
        if node.commitIndex < node.appliedIndex || node.appliedIndex < node.snapshotIndex {
            violations.append("\(node.id) has commit \(node.commitIndex), applied \(node.appliedIndex), snapshot \(node.snapshotIndex)")
        }
    }

    /// A replica restarted from durable state: it re-applies from its snapshot.
    mutating func restarted(_ node: RaftNode) {
        lastApplied[node.id] = node.snapshotIndex
    }

}
