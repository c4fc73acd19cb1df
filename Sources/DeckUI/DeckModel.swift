import ClusterSim
import Drill

/// Parses one line of the drill command language (the `:` line) against the cluster as it is now, or
/// throws an error whose description says why not. Wire it to the drill's parser:
/// `{ line, s in try CommandParser.parse(line, topology: Topology(stores: s.stores.count,
///   services: s.balancer.servers.count, caches: s.cache.nodes.count)) }`.
public typealias DeckCommandParser = (_ line: String, _ now: ClusterSnapshot) throws -> ClusterCommand

/// The dashboard's whole state: the source it drives (the live cluster, or a fixture in tests), what it
/// last collected from it, and the UI state.
///
/// Change it only through `update(_:_:)` (or the drill helpers that send messages); draw it with `render`.
public struct DeckModel {
    /// The most virtual time one tick may advance, so a slow frame at 64x never blocks input.
    public static let maxVirtualUsPerTick: Int64 = 2_000_000
    public static let commandLineLimit = 200

    public let source: any DeckSource
    /// What the panes draw: collected from the source after every change (collect, then draw).
    public private(set) var snapshot: ClusterSnapshot
    public internal(set) var log: DeckLog
    public internal(set) var speed = Speed.normal
    public internal(set) var paused = false
    /// The screen on show; the number keys switch it.
    public internal(set) var screen = DeckScreen.overview
    /// The overview's focused pane.
    public internal(set) var focus = Pane.placement
    /// The Load screen's order, selection and scroll position.
    public internal(set) var loadScreen = LoadScreenState()
    /// Selected row per pane, indexed by `Pane.selectionSlot`.
    var selections = Array(repeating: 0, count: Pane.selectionSlots)
    public internal(set) var helpVisible = false
    /// The `:` line's text while it is open, nil when closed.
    public internal(set) var commandLine: String?
    public internal(set) var status: StatusMessage? {
        didSet { statusAgeMs = 0 }
    }
    /// Wall-clock milliseconds the status line has shown its message; it clears after `statusLifetimeMs`.
    var statusAgeMs = 0
    public static let statusLifetimeMs = 6_000
    public internal(set) var caption: String?
    public internal(set) var summary: DrillSummary?
    /// Why the history file stopped being written, once it has; shown whenever no other message is.
    public internal(set) var historyProblem: String?
    /// No colours (set under `NO_COLOR`): marks are kept through bold and reverse.
    public var monochrome: Bool
    public internal(set) var columns: Int
    public internal(set) var rows: Int
    public internal(set) var shouldQuit = false
    /// 0 after `q`, 130 after Ctrl-C; meaningful once `shouldQuit` is true.
    public internal(set) var exitCode: Int32 = 0

    let parseCommand: DeckCommandParser
    var lastEventSequence = 0

    /// A dashboard over `source`, whose `:` line parses with `parseCommand` (the drill `CommandParser`).
    public init(source: any DeckSource, parseCommand: @escaping DeckCommandParser, columns: Int = 160, rows: Int = 48,
                monochrome: Bool = false, logCapacity: Int = DeckLog.defaultCapacity) {
        self.source = source
        self.parseCommand = parseCommand
        self.columns = columns
        self.rows = rows
        self.monochrome = monochrome
        log = DeckLog(capacity: logCapacity)
        snapshot = source.snapshot()
        collect()
    }

    public var theme: Theme { Theme.forMonochrome(monochrome) }

    /// The selected row of `pane`, clamped to the rows it lists now.
    public func selection(in pane: Pane) -> Int {
        let count = pane.rowCount(in: snapshot)
        return count == 0 ? 0 : min(selections[pane.selectionSlot], count - 1)
    }

    /// The partition the Replication lag pane details (the one selected there or in Leaders).
    public var selectedPartition: Int { selection(in: .lag) }

    /// The Load screen's rows in its current order.
    var loadRows: [LoadRow] { LoadRows.make(snapshot, order: loadScreen.order) }

    /// The rectangles of every screen at the model's size.
    var layout: Layout {
        Layout(columns: columns, rows: rows, stores: snapshot.stores.count, services: snapshot.balancer.servers.count,
               caches: snapshot.cache.nodes.count, partitions: snapshot.partitions.count, caption: caption != nil)
    }

    /// Copies the source's state and new events into the model; `update` calls it after every change.
    mutating func collect() {
        snapshot = source.snapshot()
        for event in source.events(after: lastEventSequence) {
            log.append(LogLine(time: event.time, text: event.text, style: LogLineStyle(event.kind)))
            lastEventSequence = event.sequence
        }
        for pane in Pane.allCases {
            selections[pane.selectionSlot] = selection(in: pane)
        }
    }

    // MARK: drill hooks (each sends one message)

    /// Handles a keystroke exactly as the terminal would (drill `key` lines use this too).
    @discardableResult
    public mutating func press(_ key: KeyInput) -> [DeckEffect] { update(&self, .key(key)) }

    /// Shows `text` in the caption bar (and logs it); nil hides the bar.
    public mutating func showCaption(_ text: String?) { update(&self, .caption(text)) }

    /// Adds a line to the event log at the current virtual time.
    public mutating func logLine(_ text: String, style: LogLineStyle = .info) { update(&self, .log(text, style: style)) }

    /// Logs an expectation's PASS or FAIL.
    public mutating func recordExpectation(_ text: String, passed: Bool) {
        update(&self, .expectation(text: text, passed: passed))
    }

    /// Shows the end-of-drill overlay; it stays until `q`.
    public mutating func showSummary(passed: Int, failed: Int) { update(&self, .summary(passed: passed, failed: failed)) }
}
