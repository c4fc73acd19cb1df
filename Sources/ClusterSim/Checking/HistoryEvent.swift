/// How a history event relates to its operation: the call, or one of the three ways it can end.
public enum HistoryEventType: String, Sendable, Equatable, CaseIterable {
    /// The client sent the request.
    case invoke
    /// It completed and the result is known.
    case ok
    /// It definitely did not take effect.
    case fail
    /// Its outcome is unknown: it may take effect at any later time, or never.
    case info
}

/// One line of a kv EDN history: a client event on one key of a string map.
///
/// `value` is the argument of a put or append, the result of a get on `ok`, and `nil` on a get's
/// invoke (and on a get that found no value, when the writer has nothing better to say).
public struct KVHistoryEvent: Sendable, Equatable {
    public var process: Int
    public var type: HistoryEventType
    public var function: KVModel.Function
    public var key: String
    public var value: String?

    public init(process: Int, type: HistoryEventType, function: KVModel.Function, key: String, value: String?) {
        self.process = process
        self.type = type
        self.function = function
        self.key = key
        self.value = value
    }

    /// The event as one EDN line (no newline):
    /// `{:process 0, :type :invoke, :f :append, :key "4", :value "x 0 1 y"}`.
    public var ednLine: String {
        let valueText = value.map(HistoryEDN.quote) ?? "nil"
        return "{:process \(process), :type :\(type.rawValue), :f :\(function.rawValue), "
            + ":key \(HistoryEDN.quote(key)), :value \(valueText)}"
    }
}
