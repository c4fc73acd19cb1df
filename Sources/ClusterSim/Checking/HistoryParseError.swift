/// What is wrong with one line of a history file, before the line number is attached.
struct HistoryLineProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// A malformed line in a history file: its 1-based number and what is wrong with it.
public struct HistoryParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `LINE: what is wrong`.
    public var description: String { "\(line): \(message)" }
}
