/// Reads and writes kv histories: one EDN map per line, as Porcupine's kv test data is written.
///
/// Writing then reading gives back the same events. Reading turns events into operations for
/// `KVModel`: `:ok` pairs with the process's open `:invoke` (same function and key), `:fail`
/// drops the operation, `:info` or no end at all leaves its outcome unknown.
public enum KVHistoryFormat {
    /// The events as lines, each ending with a newline.
    public static func write(_ events: [KVHistoryEvent]) -> String {
        var out = ""
        for e in events { out += e.ednLine + "\n" }
        return out
    }

    /// Every non-blank line as an event, with its line number; all malformed lines are reported.
    public static func parseEvents(_ text: String) throws(HistoryParseFailure) -> [(line: Int, event: KVHistoryEvent)] {
        var events: [(line: Int, event: KVHistoryEvent)] = []
        var errors = HistoryParseFailure()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if raw.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            do throws(HistoryLineProblem) {
                events.append((index + 1, try event(from: raw)))
            } catch {
                errors.add(HistoryParseError(line: index + 1, message: error.message))
            }
        }
        if !errors.isEmpty { throw errors }
        return events
    }

    /// Parses `text` and pairs its events into operations.
    public static func parse(_ text: String) throws(HistoryParseFailure) -> ParsedHistory<KVModel> {
        let events = try parseEvents(text)
        return try operations(from: events)
    }

    /// Pairs events into operations; times are the given line numbers.
    public static func operations(
        from events: [(line: Int, event: KVHistoryEvent)]
    ) throws(HistoryParseFailure) -> ParsedHistory<KVModel> {
        var pairing = HistoryPairing<KVModel.Input>()
        var collector = OperationCollector<KVModel.Input, KVModel.Output>()
        var errors = HistoryParseFailure()
        for (line, e) in events {
            do throws(HistoryLineProblem) {
                if e.type == .invoke {
                    let input = try invokeInput(e)
                    try pairing.invoke(process: e.process, line: line, call: input)
                    continue
                }
                let (callLine, input) = try pairing.end(process: e.process, type: e.type)
                guard input.function == e.function, input.key == e.key else {
                    throw HistoryLineProblem(
                        ":\(e.type.rawValue) :\(e.function.rawValue) on key \(HistoryEDN.shown(e.key)) does not match "
                            + "the :invoke :\(input.function.rawValue) on key \(HistoryEDN.shown(input.key)) on line \(callLine)")
                }
                try collector.ended(e.type, process: e.process, input: input, callLine: callLine, line: line) {
                    () throws(HistoryLineProblem) in try okOutput(e, input: input, callLine: callLine)
                }
            } catch {
                errors.add(HistoryParseError(line: line, message: error.message))
            }
        }
        if !errors.isEmpty { throw errors }
        let ops = collector.finish(stillOpen: pairing.stillOpen())
        return ParsedHistory(operations: ops, failedCount: collector.failed, eventCount: events.count)
    }

    private static func invokeInput(_ e: KVHistoryEvent) throws(HistoryLineProblem) -> KVModel.Input {
        switch e.function {
        case .get:
            if let v = e.value { throw HistoryLineProblem("a :get :invoke has value \(HistoryEDN.shown(v)); expected nil") }
            return KVModel.Input(.get, key: e.key)
        case .put, .append:
            guard let v = e.value else { throw HistoryLineProblem("a :\(e.function.rawValue) :invoke needs a string value, not nil") }
            return KVModel.Input(e.function, key: e.key, value: v)
        }
    }

    private static func okOutput(_ e: KVHistoryEvent, input: KVModel.Input, callLine: Int) throws(HistoryLineProblem) -> KVModel.Output {
        if input.function == .get { return .value(e.value ?? "") }
        guard e.value == input.value else {
            throw HistoryLineProblem("the :ok value \(e.value.map(HistoryEDN.shown) ?? "nil") differs from the :invoke value "
                + "\(HistoryEDN.shown(input.value)) on line \(callLine)")
        }
        return .ok
    }

    private static func event(from line: Substring) throws(HistoryLineProblem) -> KVHistoryEvent {
        let fields = try HistoryEDN.parseMap(line)
        func field(_ name: String) throws(HistoryLineProblem) -> HistoryEDN.Value {
            guard let f = fields.first(where: { $0.key == name }) else { throw HistoryLineProblem("missing field :\(name)") }
            return f.value
        }
        guard case .integer(let process) = try field("process") else {
            throw HistoryLineProblem("bad value for :process: \(try field("process").text) (expected an integer)")
        }
        let typeValue = try field("type")
        guard case .keyword(let typeName) = typeValue, let type = HistoryEventType(rawValue: typeName) else {
            throw HistoryLineProblem("unknown type \(typeValue.text) (expected :invoke, :ok, :fail or :info)")
        }
        let fValue = try field("f")
        guard case .keyword(let fName) = fValue, let function = KVModel.Function(rawValue: fName) else {
            throw HistoryLineProblem("unknown function \(fValue.text) (expected :get, :put or :append)")
        }
        let keyValue = try field("key")
        let key: String
        switch keyValue {
        case .string(let s): key = s
        case .integer(let i): key = String(i)
        default: throw HistoryLineProblem("bad value for :key: \(keyValue.text) (expected a string)")
        }
        let value: String?
        switch try field("value") {
        case .string(let s): value = s
        case .nil_: value = nil
        case let other: throw HistoryLineProblem("bad value for :value: \(other.text) (expected a string or nil)")
        }
        return KVHistoryEvent(process: process, type: type, function: function, key: key, value: value)
    }
}
