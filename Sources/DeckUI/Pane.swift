import ClusterSim

/// The focusable panes in Tab order; each lists rows of one kind (store nodes, partitions, services, caches).
public enum Pane: Int, CaseIterable, Sendable {
    case placement, leaders, lag, balancer, cache

    public var title: String {
        switch self {
        case .placement: return "Placement"
        case .leaders: return "Leaders"
        case .lag: return "Replication lag"
        case .balancer: return "Balancer"
        case .cache: return "Cache"
        }
    }

    /// The tier `a` adds a node to while this pane has focus.
    public var tier: NodeID.Tier {
        switch self {
        case .placement, .leaders, .lag: return .store
        case .balancer: return .service
        case .cache: return .cache
        }
    }

    /// Where the pane's selection is kept: Leaders and Replication lag share one, so the partition picked
    /// in either is the one the lag detail shows.
    var selectionSlot: Int {
        switch self {
        case .placement: return 0
        case .leaders, .lag: return 1
        case .balancer: return 2
        case .cache: return 3
        }
    }
    static let selectionSlots = 4

    /// Whether the rows are partitions (else nodes).
    public var listsPartitions: Bool { self == .leaders || self == .lag }

    /// How many rows the pane lists in `snapshot`.
    func rowCount(in snapshot: ClusterSnapshot) -> Int {
        switch self {
        case .placement: return snapshot.stores.count
        case .leaders, .lag: return snapshot.partitions.count
        case .balancer: return snapshot.balancer.servers.count
        case .cache: return snapshot.cache.nodes.count
        }
    }
}
