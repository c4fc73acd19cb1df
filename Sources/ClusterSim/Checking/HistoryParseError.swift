/// What is wrong with one line of a history file, before the line number is attached.
///
/// Whatever the message quotes from the file goes through `shown` (or `HistoryEDN.shown`), so a
/// control character in a history cannot reach the terminal and a megabyte token is cut short.
struct HistoryLineProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }

    /// A word from the file as a message quotes it: controls escaped, cut to 40 characters.
    static func shown(_ text: some StringProtocol) -> String { VisibleText.excerpt(String(text)) }
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
