import ClusterSim

/// How an event-log line is coloured; cluster events map by their kind.
public enum LogLineStyle: Sendable, Equatable {
    case info, leader, node, fault, health, rebalance, check, command, success, failure, caption

    init(_ kind: ClusterEvent.Kind) {
        switch kind {
        case .leader: self = .leader
        case .node: self = .node
        case .fault: self = .fault
        case .health: self = .health
        case .rebalance: self = .rebalance
        case .check: self = .check
        case .command: self = .command
        }
    }
}

/// One line of the dashboard's event log, stamped with virtual time.
public struct LogLine: Sendable, Equatable {
    public var time: SimTime
    public var text: String
    public var style: LogLineStyle
}

/// The dashboard's bounded event log: cluster events, command results, captions and PASS/FAIL, newest last.
public struct DeckLog: Sendable, Equatable {
    public static let defaultCapacity = 500
    public let capacity: Int
    /// Up to a quarter more than `capacity`, trimmed in chunks so appending stays amortised O(1).
    private var storage: [LogLine] = []

    public init(capacity: Int = DeckLog.defaultCapacity) { self.capacity = max(1, capacity) }

    public mutating func append(_ line: LogLine) {
        storage.append(line)
        if storage.count > capacity + capacity / 4 { storage.removeFirst(storage.count - capacity) }
    }

    /// Every kept line (at most `capacity`), oldest first.
    public var lines: ArraySlice<LogLine> { storage.suffix(capacity) }

    /// The newest `count` lines (at most `capacity`), oldest first.
    public func last(_ count: Int) -> ArraySlice<LogLine> { storage.suffix(min(max(0, count), capacity)) }

    public var count: Int { min(storage.count, capacity) }
}
