/// The two history file formats the checker reads.
public enum HistoryFormat: String, Sendable, Equatable {
    /// Jepsen etcd logs: `INFO  jepsen.util - <process> <type> <f> <value>`, one register.
    case jepsen
    /// One EDN map per line: `{:process 0, :type :invoke, :f :get, :key "4", :value nil}`.
    case kvEDN = "kv-edn"

    /// Decides from the first non-blank line: `{` opens a kv EDN map, `jepsen.util -` marks a
    /// Jepsen log. `nil` when there is no such line (an empty history) or it is neither.
    public static func detect(_ text: String) -> HistoryFormat? {
        guard let line = firstContentLine(text)?.text else { return nil }
        if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("{") { return .kvEDN }
        if JepsenHistoryFormat.fieldsStart(in: line) != nil { return .jepsen }
        return nil
    }

    static func firstContentLine(_ text: String) -> (number: Int, text: Substring)? {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            return (i + 1, line)
        }
        return nil
    }
}

/// Checks the text of a history file end to end: detect the format, parse, check, report.
public struct HistoryFileCheck: Sendable {
    /// The detected format; `nil` for a file with no events.
    public var format: HistoryFormat?
    public var result: LinearizabilityResult
    /// The verdict line followed by the first violation, in terms of the file's line numbers.
    public var reportLines: [String]

    /// Parses and checks `text` within `limits`; a malformed file throws every bad line.
    public init(text: String, limits: HistoryCheckLimits = HistoryCheckLimits()) throws(HistoryParseFailure) {
        let format = HistoryFormat.detect(text)
        self.format = format
        switch format {
        case nil:
            if let first = HistoryFormat.firstContentLine(text) {
                throw HistoryParseFailure(errors: [HistoryParseError(line: first.number, message:
                    "unknown format: expected a kv EDN map `{:process 0, :type :invoke, ...}` "
                    + "or a Jepsen line `INFO  jepsen.util - 0 :invoke :read nil`")])
            }
            result = LinearizabilityResult(verdict: .linearizable, firstViolation: nil, operationCount: 0,
                                           partitionCount: 0, unfinishedPartitionCount: 0, steps: 0,
                                           budget: limits.budget(operationCount: 0))
            reportLines = LinearizabilityReport.lines(for: result, operations: [], model: KVModel(),
                                                      span: Self.lineSpan)
        case .jepsen?:
            let parsed = try JepsenHistoryFormat.parse(text)
            (result, reportLines) = Self.run(parsed, model: RegisterModel(), limits: limits)
        case .kvEDN?:
            let parsed = try KVHistoryFormat.parse(text)
            (result, reportLines) = Self.run(parsed, model: KVModel(), limits: limits)
        }
    }

    private static func run<Model: LinearizabilityModel>(
        _ parsed: ParsedHistory<Model>, model: Model, limits: HistoryCheckLimits
    ) -> (LinearizabilityResult, [String]) {
        let budget = limits.budget(operationCount: parsed.operations.count)
        let result = LinearizabilityChecker(model: model).check(parsed.operations, budget: budget)
        let lines = LinearizabilityReport.lines(for: result, operations: parsed.operations, model: model, span: lineSpan)
        return (result, lines)
    }

    /// `lines 12-15`, or `line 12, outcome unknown`.
    static func lineSpan(_ call: Int64, _ ret: Int64?) -> String {
        guard let ret else { return "line \(call), outcome unknown" }
        return "lines \(call)-\(ret)"
    }
}
