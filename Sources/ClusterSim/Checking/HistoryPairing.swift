/// Matches each process's `:invoke` with the event that ends it, so events become operations.
///
/// A process has at most one call open at a time. Lookup is by process id; nothing depends on
/// dictionary order because calls still open at the end come back sorted by line.
struct HistoryPairing<Call> {
    private var open: [Int: (line: Int, call: Call)] = [:]

    /// Records a call; a process that already has one open is an error.
    mutating func invoke(process: Int, line: Int, call: Call) throws(HistoryLineProblem) {
        if let previous = open[process] {
            throw HistoryLineProblem("process \(process) invokes again while its call on line \(previous.line) is still open")
        }
        open[process] = (line, call)
    }

    /// Closes the process's open call and returns it; an end with no open call is an error.
    mutating func end(process: Int, type: HistoryEventType) throws(HistoryLineProblem) -> (line: Int, call: Call) {
        guard let call = open.removeValue(forKey: process) else {
            throw HistoryLineProblem(":\(type.rawValue) for process \(process) has no matching :invoke")
        }
        return call
    }

    /// The calls that never ended, in line order: their outcome is unknown.
    func stillOpen() -> [(process: Int, line: Int, call: Call)] {
        open.map { (process: $0.key, line: $0.value.line, call: $0.value.call) }.sorted { $0.line < $1.line }
    }
}

/// The operations read from a history file, with times that are the file's line numbers.
public struct ParsedHistory<Model: LinearizabilityModel>: Sendable {
    /// Operations in order of their invoke line; `callTime`/`returnTime` are 1-based line numbers.
    public var operations: [LinearizabilityOperation<Model.Input, Model.Output>]
    /// How many operations ended in `:fail` and were left out because they did not happen.
    public var failedCount: Int
    /// How many lines held events (blank lines and skipped lines not counted).
    public var eventCount: Int
}

/// The malformed lines of a history file, in line order: the first `maxErrorsKept` of them, and
/// how many more there were (a file of garbage must not become a gigabyte of messages).
public struct HistoryParseFailure: Error, Sendable, Equatable {
    /// Malformed lines described in full.
    public static let maxErrorsKept = 100

    public private(set) var errors: [HistoryParseError] = []
    /// Malformed lines after the first `maxErrorsKept`, counted but not described.
    public private(set) var omittedCount = 0

    public init(errors: [HistoryParseError] = []) {
        for e in errors { add(e) }
    }

    /// Whether no malformed line was recorded.
    public var isEmpty: Bool { errors.isEmpty }

    /// Records one malformed line (kept, or only counted once `maxErrorsKept` are kept).
    public mutating func add(_ error: HistoryParseError) {
        if errors.count < Self.maxErrorsKept { errors.append(error) } else { omittedCount += 1 }
    }
}
