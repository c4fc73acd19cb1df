/// Reads Jepsen's etcd register logs: `INFO  jepsen.util - <process> <type> <f> <value>`.
///
/// Fields after `jepsen.util -` are split on runs of spaces and tabs; the value is the rest of
/// the line (`nil`, an integer, `[FROM TO]`, or `:timed-out` on `:fail`/`:info`). An `:ok`
/// pairs with the process's open `:invoke`; `:fail` means the operation did not happen and it is
/// dropped; `:info` and calls still open at the end have unknown outcome. Lines from the
/// `:nemesis` process describe faults, not client operations, and are skipped.
public enum JepsenHistoryFormat {
    /// The marker every event line carries before its fields.
    static let marker = "jepsen.util -"

    /// Parses a whole log; all malformed lines are reported at once.
    public static func parse(_ text: String) throws(HistoryParseFailure) -> ParsedHistory<RegisterModel> {
        var pairing = HistoryPairing<RegisterModel.Input>()
        var collector = OperationCollector<RegisterModel.Input, RegisterModel.Output>()
        var errors = HistoryParseFailure()
        var events = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            if raw.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            do throws(HistoryLineProblem) {
                guard let event = try Event(raw) else { continue }
                events += 1
                if event.type == .invoke {
                    try pairing.invoke(process: event.process, line: lineNumber, call: try invokeInput(event))
                    continue
                }
                let (callLine, input) = try pairing.end(process: event.process, type: event.type)
                guard event.function == functionName(input) else {
                    throw HistoryLineProblem(":\(event.type.rawValue) :\(event.function) does not match the "
                        + ":invoke :\(functionName(input)) on line \(callLine)")
                }
                try collector.ended(event.type, process: event.process, input: input, callLine: callLine, line: lineNumber) {
                    () throws(HistoryLineProblem) in try okOutput(event, input: input, callLine: callLine)
                }
            } catch {
                errors.add(HistoryParseError(line: lineNumber, message: error.message))
            }
        }
        if !errors.isEmpty { throw errors }
        let ops = collector.finish(stillOpen: pairing.stillOpen())
        return ParsedHistory(operations: ops, failedCount: collector.failed, eventCount: events)
    }

    /// The fields of one event line.
    private struct Event {
        var process: Int
        var type: HistoryEventType
        var function: String
        var value: String

        /// Reads a line; `nil` for a nemesis line, which is not a client operation.
        init?(_ line: Substring) throws(HistoryLineProblem) {
            guard let start = JepsenHistoryFormat.fieldsStart(in: line) else {
                throw HistoryLineProblem("not a Jepsen event line (expected `INFO  jepsen.util - <process> <type> <f> <value>`)")
            }
            var rest = line[start...]
            var fields: [Substring] = []
            while fields.count < 3 {
                rest = rest.drop { $0 == " " || $0 == "\t" }
                let word = rest.prefix { $0 != " " && $0 != "\t" && $0 != "\r" }
                if word.isEmpty { break }
                fields.append(word)
                rest = rest[word.endIndex...]
            }
            let valueText = rest.drop { $0 == " " || $0 == "\t" }.prefix { $0 != "\r" }
            let trimmed = String(valueText.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            if fields.first == ":nemesis" { return nil }
            guard fields.count == 3 else {
                let names = ["process", "type", "function"]
                throw HistoryLineProblem("missing field: no \(names[fields.count]) after `jepsen.util -`")
            }
            guard let process = Int(fields[0]) else {
                throw HistoryLineProblem("bad process `\(HistoryLineProblem.shown(fields[0]))` (expected an integer)")
            }
            guard fields[1].hasPrefix(":"), let type = HistoryEventType(rawValue: String(fields[1].dropFirst())) else {
                throw HistoryLineProblem("unknown type `\(HistoryLineProblem.shown(fields[1]))` (expected :invoke, :ok, :fail or :info)")
            }
            guard [":read", ":write", ":cas"].contains(fields[2]) else {
                throw HistoryLineProblem("unknown function `\(HistoryLineProblem.shown(fields[2]))` (expected :read, :write or :cas)")
            }
            if trimmed.isEmpty { throw HistoryLineProblem("missing field: no value after \(HistoryLineProblem.shown(fields[2]))") }
            self.process = process
            self.type = type
            self.function = String(fields[2].dropFirst())
            self.value = trimmed
        }
    }

    /// Where the fields start: just after the first `jepsen.util -`, or `nil` if there is none.
    static func fieldsStart(in line: Substring) -> Substring.Index? {
        let marker = Substring(JepsenHistoryFormat.marker)
        var i = line.startIndex
        while i < line.endIndex {
            if line[i...].hasPrefix(marker) { return line.index(i, offsetBy: marker.count) }
            i = line.index(after: i)
        }
        return nil
    }

    private static func functionName(_ input: RegisterModel.Input) -> String {
        switch input {
        case .read: return "read"
        case .write: return "write"
        case .cas: return "cas"
        }
    }

    private static func invokeInput(_ e: Event) throws(HistoryLineProblem) -> RegisterModel.Input {
        switch e.function {
        case "read":
            guard e.value == "nil" else { throw HistoryLineProblem("bad value `\(HistoryLineProblem.shown(e.value))` for :invoke :read (expected nil)") }
            return .read
        case "write":
            return .write(try integer(e.value, for: ":write"))
        default:
            let (from, to) = try pair(e.value)
            return .cas(from: from, to: to)
        }
    }

    private static func okOutput(_ e: Event, input: RegisterModel.Input, callLine: Int) throws(HistoryLineProblem) -> RegisterModel.Output {
        switch input {
        case .read:
            return .value(e.value == "nil" ? nil : try integer(e.value, for: ":ok :read"))
        case .write(let v):
            guard try integer(e.value, for: ":ok :write") == v else {
                throw HistoryLineProblem("bad value: :ok :write \(HistoryLineProblem.shown(e.value)) differs from :invoke :write \(v) on line \(callLine)")
            }
            return .ok
        case .cas(let from, let to):
            guard try pair(e.value) == (from, to) else {
                throw HistoryLineProblem("bad value: :ok :cas \(HistoryLineProblem.shown(e.value)) differs from :invoke :cas [\(from) \(to)] on line \(callLine)")
            }
            return .ok
        }
    }

    private static func integer(_ text: String, for what: String) throws(HistoryLineProblem) -> Int {
        guard let v = Int(text) else { throw HistoryLineProblem("bad value `\(HistoryLineProblem.shown(text))` for \(what) (expected an integer)") }
        return v
    }

    private static func pair(_ text: String) throws(HistoryLineProblem) -> (Int, Int) {
        let parts = text.hasPrefix("[") && text.hasSuffix("]")
            ? text.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) : []
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
            throw HistoryLineProblem("bad value `\(HistoryLineProblem.shown(text))` for :cas (expected [FROM TO])")
        }
        return (a, b)
    }
}
