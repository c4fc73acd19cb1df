/// Every rectangle of every screen, computed from the screen size in this one place.
///
/// Overview: wide screens (at least 140x44) put the partition panes side by side at full height, one row
/// per partition; smaller screens stack the panes in three bands and the partition panes flow into columns.
/// Load: latency and throughput side by side above the process list on wide screens, stacked on smaller ones.
public struct Layout: Equatable, Sendable {
    public static let wideMinimumColumns = 140
    public static let wideMinimumRows = 44
    /// The node panes' column (Placement, Balancer, and Cache when wide): the placement grid of 24
    /// partitions beside its id, state, replica, leader and utilisation columns.
    public static let nodeColumnWidth = 69

    public var screen: Rect
    /// True when the screen is below `DeckLayout` minimum: only the size message is drawn.
    public var tooSmall: Bool
    public var statusBar = Rect(x: 0, y: 0, width: 0, height: 0)
    public var banner = Rect(x: 0, y: 0, width: 0, height: 0)
    public var caption = Rect(x: 0, y: 0, width: 0, height: 0)
    public var placement = Rect(x: 0, y: 0, width: 0, height: 0)
    public var leaders = Rect(x: 0, y: 0, width: 0, height: 0)
    public var lag = Rect(x: 0, y: 0, width: 0, height: 0)
    public var balancer = Rect(x: 0, y: 0, width: 0, height: 0)
    public var cache = Rect(x: 0, y: 0, width: 0, height: 0)
    public var eventLog = Rect(x: 0, y: 0, width: 0, height: 0)
    /// Between the chrome rows: where a screen draws its panes.
    public var body = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The Load screen's panes.
    public var latency = Rect(x: 0, y: 0, width: 0, height: 0)
    public var throughput = Rect(x: 0, y: 0, width: 0, height: 0)
    public var processes = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The `:` line while typing, else the last action's result.
    public var messageLine = Rect(x: 0, y: 0, width: 0, height: 0)
    public var footer = Rect(x: 0, y: 0, width: 0, height: 0)
    /// Centred box for the help and summary overlays.
    public var overlay = Rect(x: 0, y: 0, width: 0, height: 0)

    /// The layout for a `columns` x `rows` screen showing a cluster of these sizes.
    public init(columns: Int, rows: Int, stores: Int, services: Int, caches: Int, partitions: Int, caption: Bool) {
        screen = Rect(x: 0, y: 0, width: columns, height: rows)
        tooSmall = columns < DeckLayout.minimumColumns || rows < DeckLayout.minimumRows
        guard !tooSmall else { return }
        let chrome = screen.splitRows([.fixed(1), .fixed(1), .fixed(caption ? 1 : 0), .fill(), .fixed(1), .fixed(1)])
        statusBar = chrome[0]
        banner = chrome[1]
        self.caption = chrome[2]
        messageLine = chrome[4]
        footer = chrome[5]
        body = chrome[3]
        layOutLoad(wide: columns >= Layout.wideMinimumColumns && rows >= Layout.wideMinimumRows)
        let placementHeight = stores + 4
        let balancerHeight = services + 3
        if columns >= Layout.wideMinimumColumns && rows >= Layout.wideMinimumRows {
            // One row per partition plus the lag pane's detail (divider, title, followers, sparkline).
            let topHeight = max(partitions + 9, placementHeight + balancerHeight + caches + 8)
            let bands = body.splitRows([.fixed(min(topHeight, body.height - 6)), .fill()])
            let top = bands[0].splitColumns([.fixed(Layout.nodeColumnWidth), .fill(weight: 9), .fill(weight: 11)])
            let left = top[0].splitRows([.fixed(placementHeight), .fixed(balancerHeight), .fill()])
            placement = left[0]
            balancer = left[1]
            cache = left[2]
            leaders = top[1]
            lag = top[2]
            eventLog = bands[1]
        } else {
            // Three bands: nodes, partitions (flowing into columns), cache beside the log.
            let nodeRows = min(max(placementHeight, balancerHeight), body.height / 2)
            let bands = body.splitRows([.fixed(nodeRows), .fill(), .fixed(min(caches + 4, body.height / 3))])
            let first = bands[0].splitColumns([.fixed(Layout.nodeColumnWidth), .fill()])
            placement = first[0]
            balancer = first[1]
            let second = bands[1].splitColumns([.fill(), .fill()])
            leaders = second[0]
            lag = second[1]
            let third = bands[2].splitColumns([.fixed(44), .fill()])
            cache = third[0]
            eventLog = third[1]
        }
        let overlayWidth = min(columns - 4, 100)
        let overlayHeight = min(rows - 4, DeckKeys.table.count + 8)
        overlay = Rect(x: (columns - overlayWidth) / 2, y: (rows - overlayHeight) / 2, width: overlayWidth, height: overlayHeight)
    }

    /// Wide: latency beside throughput (room for the big p99 figure), the process list below. Otherwise
    /// both stacked at full width, so the 60 s sparklines still fit, and the process list takes the rest.
    private mutating func layOutLoad(wide: Bool) {
        if wide {
            let bands = body.splitRows([.fixed(min(Layout.loadWideTopHeight, body.height / 2)), .fill()])
            let top = bands[0].splitColumns([.fill(), .fill()])
            latency = top[0]
            throughput = top[1]
            processes = bands[1]
        } else {
            let bands = body.splitRows([.fixed(min(6, body.height / 4)), .fixed(min(5, body.height / 4)), .fill()])
            latency = bands[0]
            throughput = bands[1]
            processes = bands[2]
        }
    }
    static let loadWideTopHeight = 11

    /// Process rows the Load screen shows at once (its list less the frame and the header).
    public var loadVisibleRows: Int { max(0, processes.height - 3) }

    /// The rectangle a pane paints into.
    public func rect(of pane: Pane) -> Rect {
        switch pane {
        case .placement: return placement
        case .leaders: return leaders
        case .lag: return lag
        case .balancer: return balancer
        case .cache: return cache
        }
    }
}
