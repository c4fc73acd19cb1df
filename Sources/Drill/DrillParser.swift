import ClusterSim

/// Parses a whole drill file, reporting every malformed line at once with its line number.
public enum DrillParser {
    /// The drill in `text`, or every problem in it as `DrillParseError`.
    ///
    /// - Parameters:
    ///   - file: the name diagnostics start with (`demo/failover.drill`).
    ///   - isBound: whether the dashboard does something with a key; `key` lines naming other keys are errors.
    public static func parse(_ text: String, file: String,
                             isBound: (KeyInput) -> Bool = { _ in true }) throws(DrillParseError) -> DrillScript {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var reader = DrillReader()
        for (index, line) in lines.enumerated() {
            reader.read(String(line), number: index + 1, isBound: isBound)
        }
        guard reader.problems.isEmpty else {
            throw DrillParseError(diagnostics: reader.problems.map {
                DrillDiagnostic(file: file, line: $0.line, column: $0.error.column, message: $0.error.message)
            })
        }
        return DrillScript(title: reader.title, config: reader.config, steps: reader.steps)
    }
}
