/// Why one line of the command language was rejected, and the 1-based column of the offending token.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var column: Int

    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { message }
}
