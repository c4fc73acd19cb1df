/// A map from string keys to string values with get, put and append; a missing key reads as "".
///
/// Keys never interact, so the checker splits a history per key and each partition's state is
/// just that key's value.
public struct KVModel: LinearizabilityModel {
    /// The three operations a client can ask for.
    public enum Function: String, Sendable, Equatable {
        case get, put, append
    }

    /// One request: the function, the key, and the argument (ignored for `get`).
    public struct Input: Sendable, Equatable {
        public var function: Function
        public var key: String
        public var value: String
        public init(_ function: Function, key: String, value: String = "") {
            self.function = function
            self.key = key
            self.value = value
        }
    }

    /// What came back: for `get` the whole value; for `put` and `append` an acknowledgement.
    public enum Output: Sendable, Equatable {
        case value(String)
        case ok
    }

    public init() {}

    public var initialState: String { "" }

    public func partition(of input: Input) -> String { input.key }

    public func step(_ state: String, _ input: Input, _ output: Output?) -> String? {
        switch input.function {
        case .get:
            guard let output else { return state }
            return output == .value(state) ? state : nil
        case .put:
            guard output == nil || output == .ok else { return nil }
            return input.value
        case .append:
            guard output == nil || output == .ok else { return nil }
            return state + input.value
        }
    }

    public func describe(partition: String) -> String? { "key " + quoted(partition) }

    public func describe(input: Input, output: Output?) -> String {
        var text = ":\(input.function.rawValue) " + quoted(input.key)
        if input.function != .get { text += " " + quoted(input.value) }
        switch output {
        case nil: text += " -> unknown"
        case .value(let v)?: text += " -> " + quoted(v)
        case .ok?: text += " -> ok"
        }
        return text
    }

    public func describe(state: String) -> String { quoted(state) }

    /// A string of up to 15 UTF-8 bytes is stored inline; a longer one has a heap block of a
    /// 32-byte header, its bytes and a terminating zero, rounded up by malloc.
    public func estimatedHeapBytes(of state: String) -> Int {
        let count = state.utf8.count
        return count <= 15 ? 0 : (32 + count + 1 + 8 + 15) / 16 * 16
    }

    /// Keys and values as reports show them: quoted, controls escaped, long ones cut.
    private func quoted(_ s: String) -> String { HistoryEDN.shown(s) }
}
