import ClusterSim

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

    /// `FILE:LINE: message`, with control characters in the file name and message shown escaped.
    public var description: String { "\(VisibleText.escaped(file)):\(line): \(VisibleText.escaped(message))" }
}

/// Every problem found in a drill file; when parsing throws this, nothing of the drill may run.
public struct DrillParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// In line order, one per malformed line.
    public var diagnostics: [DrillDiagnostic]

    public init(diagnostics: [DrillDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The most diagnostics `description` lists; a file with more says how many were left out.
    public static let listedMax = 100

    /// One diagnostic per line, at most `listedMax` of them.
    public var description: String {
        var lines = diagnostics.prefix(Self.listedMax).map(\.description)
        if diagnostics.count > Self.listedMax, let last = diagnostics.last {
            lines.append("\(VisibleText.escaped(last.file)): \(diagnostics.count - Self.listedMax) more problems not listed")
        }
        return lines.joined(separator: "\n")
    }
}
