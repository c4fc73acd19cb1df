import ClusterSim

/// The key table's actions carried out on the model; every cluster change goes through the source's `apply`.
extension DeckModel {
    mutating func perform(_ action: DeckAction) -> [DeckEffect] {
        switch action {
        case .focusNext:
            focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count)!
        case .focusPrevious:
            focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .selectPrevious, .selectNext:
            moveSelection(by: action == .selectNext ? 1 : -1)
        case .pagePrevious, .pageNext:
            let page = screen == .load ? max(1, layout.loadVisibleRows) : 10
            moveSelection(by: action == .pageNext ? page : -page)
        case .addNode:
            let tier = screen == .load ? (selectedNode?.tier ?? .store) : focus.tier
            return apply(.add(tier), echo: "add \(tier.word)", logEcho: false)
        case .killSelected:
            return withSelectedNode { .kill($0) }
        case .restartSelected:
            return withSelectedNode { .restart($0) }
        case .isolateSelected:
            return withSelectedNode { .isolate($0) }
        case .splitStores:
            switch splitAroundSelection() {
            case .split(let groups): return apply(.partition(groups), echo: Fault.partition(groups).description, logEcho: false)
            case .refused(let reason): return refuse(reason)
            }
        case .heal:
            return apply(.heal, echo: "heal", logEcho: false)
        case .rebalance:
            return apply(.rebalance, echo: "rebalance", logEcho: false)
        case .cycleAlgorithm:
            let all = BalancerAlgorithm.allCases
            let next = all[((all.firstIndex(of: snapshot.balancerAlgorithm) ?? 0) + 1) % all.count]
            return apply(.balancer(next), echo: "balancer \(next.rawValue)", logEcho: false)
        case .togglePause:
            paused.toggle()
            status = StatusMessage(text: paused ? "paused" : "running at \(speed)", isError: false)
        case .faster, .slower:
            let next = action == .faster ? speed.faster() : speed.slower()
            if next == speed {
                return refuse(action == .faster ? "already at the fastest speed, \(speed)" : "already at the slowest speed, \(speed)")
            }
            speed = next
            status = StatusMessage(text: "speed \(speed)", isError: false)
        case .toggleHelp:
            helpVisible.toggle()
        case .openCommandLine:
            commandLine = ""
        case .quit:
            shouldQuit = true
            exitCode = 0
            return [.quit(exitCode: 0)]
        case .interrupt:
            shouldQuit = true
            exitCode = 130
            return [.quit(exitCode: 130)]
        case .showScreen(let next):
            screen = next
        case .toggleLoadOrder:
            loadScreen.order = loadScreen.order == .byID ? .byUtilisation : .byID
            loadScreen.top = 0
            loadScreen.move(by: 0, rows: loadRows, visible: layout.loadVisibleRows)
            status = StatusMessage(text: "processes sorted \(loadScreen.order.title)", isError: false)
        }
        return []
    }

    /// Moves the selected row of the overview's focused pane, or of the Load screen's process list.
    private mutating func moveSelection(by delta: Int) {
        switch screen {
        case .overview:
            let count = focus.rowCount(in: snapshot)
            selections[focus.selectionSlot] = max(0, min(count - 1, selection(in: focus) + delta))
        case .load:
            loadScreen.move(by: delta, rows: loadRows, visible: layout.loadVisibleRows)
        }
    }

    /// The node the selection stands for: on the Load screen the selected process; on the overview the
    /// focused pane's store, service or cache node, or in the partition panes the selected partition's leader.
    public var selectedNode: NodeID? {
        if screen == .load {
            let rows = loadRows
            return rows.isEmpty ? nil : rows[loadScreen.selectedIndex(in: rows)].id
        }
        let row = selection(in: focus)
        switch focus {
        case .placement: return snapshot.stores.indices.contains(row) ? snapshot.stores[row].id : nil
        case .leaders, .lag: return snapshot.partitions.indices.contains(row) ? snapshot.partitions[row].leader : nil
        case .balancer: return snapshot.balancer.servers.indices.contains(row) ? snapshot.balancer.servers[row].id : nil
        case .cache: return snapshot.cache.nodes.indices.contains(row) ? snapshot.cache.nodes[row].id : nil
        }
    }

    private mutating func withSelectedNode(_ command: (NodeID) -> ClusterCommand) -> [DeckEffect] {
        guard let node = selectedNode else {
            let row = selection(in: focus)
            if screen == .overview, focus.listsPartitions, snapshot.partitions.indices.contains(row) {
                return refuse("p\(row) has no leader; select a node in Placement")
            }
            return refuse("no node selected")
        }
        let cmd = command(node)
        return apply(cmd, echo: cmd.shortText, logEcho: false)
    }

    private mutating func refuse(_ reason: String) -> [DeckEffect] {
        status = StatusMessage(text: reason, isError: true)
        return [.bell]
    }

    /// Store nodes split into a majority and a minority side, the selected store on the minority side
    /// together with the stores numbered after it (wrapping round).
    func splitAroundSelection() -> SplitPlan {
        let stores = snapshot.stores.map(\.id)
        guard stores.count >= 3 else { return .refused("a split needs at least 3 store nodes") }
        guard let node = selectedNode, node.tier == .store, let i = stores.firstIndex(of: node) else {
            return .refused("select a store node (Placement) or a partition with a leader to split")
        }
        let minoritySize = (stores.count - 1) / 2
        let minority = (0..<minoritySize).map { stores[(i + $0) % stores.count] }
        let majority = stores.filter { !minority.contains($0) }
        return .split([majority, minority.sorted()])
    }
}

/// The two sides `p` cuts the store nodes into, or why it cannot.
enum SplitPlan: Equatable {
    case split([[NodeID]])
    case refused(String)
}

extension NodeID.Tier {
    /// `store`, `service`, `cache`: the word `add` takes.
    var word: String {
        switch self {
        case .store: return "store"
        case .service: return "service"
        case .cache: return "cache"
        case .balancer: return "lb"
        case .client: return "client"
        }
    }
}

extension ClusterCommand {
    /// The few words the status line echoes for a node action: `kill n2`.
    var shortText: String {
        switch self {
        case .kill(let n): return "kill \(n)"
        case .restart(let n): return "restart \(n)"
        case .isolate(let n): return "isolate \(n)"
        default: return "\(self)"
        }
    }
}
