import ClusterSim

/// How the Load screen orders its processes: as the snapshot lists them (lb, services, caches, stores),
/// or busiest first.
public enum LoadOrder: Sendable, Equatable {
    case byID, byUtilisation

    var title: String { self == .byID ? "by id" : "by utilisation" }
}

/// One row of the Load screen: a process of any tier, with its load view when the snapshot has one.
///
/// Rows come from the node lists, so every process has a row even before its load is measured; what
/// was not measured stays nil and is drawn as a dash, never as 0.
struct LoadRow: Equatable {
    var id: NodeID
    var state: NodeState
    var load: ProcessLoadView?
    /// From the load view, else from a `slow` fault in force; 1 when neither says otherwise.
    var slowFactor: Double
    var paused: Bool

    var utilisation: Double? { load?.utilisation }
}

/// Builds and orders the Load screen's rows from a snapshot (the collect step of that screen).
enum LoadRows {
    /// Every process once: lb, services, caches, stores, then any the load list alone names.
    static func make(_ s: ClusterSnapshot, order: LoadOrder) -> [LoadRow] {
        var ids: [NodeID] = [.balancer] + s.balancer.servers.map(\.id) + s.cache.nodes.map(\.id) + s.stores.map(\.id)
        for view in s.load where !ids.contains(view.id) { ids.append(view.id) }
        let rows = ids.map { row(for: $0, in: s) }
        guard order == .byUtilisation else { return rows }
        // Busiest first; unmeasured last; equal ones keep the id order.
        return rows.enumerated().sorted { a, b in
            let ua = a.element.utilisation ?? -1, ub = b.element.utilisation ?? -1
            return ua != ub ? ua > ub : a.offset < b.offset
        }.map(\.element)
    }

    static func row(for id: NodeID, in s: ClusterSnapshot) -> LoadRow {
        let load = s.load(of: id)
        var slow = 1.0
        var paused = false
        for fault in s.faults {
            switch fault {
            case .slow(let node, let factor) where node == id: slow = factor
            case .paused(let node, _) where node == id: paused = true
            default: break
            }
        }
        return LoadRow(id: id, state: load?.state ?? state(of: id, in: s), load: load,
                       slowFactor: load?.slowFactor ?? slow, paused: load?.paused ?? paused)
    }

    /// The state the node lists give; the balancer has none, so it is up unless a fault says it is down.
    static func state(of id: NodeID, in s: ClusterSnapshot) -> NodeState {
        switch id.tier {
        case .store: if let v = s.stores.first(where: { $0.id == id }) { return v.state }
        case .service: if let v = s.balancer.servers.first(where: { $0.id == id }) { return v.state }
        case .cache: if let v = s.cache.nodes.first(where: { $0.id == id }) { return v.state }
        case .balancer, .client: break
        }
        return s.faults.contains(.down(id)) ? .down : .up
    }
}
