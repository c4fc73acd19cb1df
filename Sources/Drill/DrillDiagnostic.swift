/// One malformed drill line: where it is and what is wrong, printed as `FILE:LINE: message`.
public struct DrillDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column of the offending token.
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Every problem found in a drill file; when parsing throws this, nothing of the drill may run.
public struct DrillParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// In line order, one per malformed line.
    public var diagnostics: [DrillDiagnostic]

    public init(diagnostics: [DrillDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
