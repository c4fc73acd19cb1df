/// One register holding an optional integer, read, written and compare-and-set (the etcd Jepsen test).
///
/// The register starts as nil. A read must see the current value; a write always succeeds; a
/// compare-and-set succeeds exactly when the register holds `from`, and then sets it to `to`.
public struct RegisterModel: LinearizabilityModel {
    /// What a client asked the register to do.
    public enum Input: Sendable, Equatable {
        case read
        case write(Int)
        case cas(from: Int, to: Int)
    }

    /// What came back from a completed operation.
    public enum Output: Sendable, Equatable {
        /// A read's value (nil when the register was never written).
        case value(Int?)
        /// A write, or a compare-and-set that took effect.
        case ok
        /// A compare-and-set that found another value and changed nothing.
        case casFailed
    }

    public init() {}

    public var initialState: Int? { nil }

    public func partition(of input: Input) -> Int { 0 }

    public func step(_ state: Int?, _ input: Input, _ output: Output?) -> Int?? {
        switch input {
        case .read:
            guard let output else { return .some(state) }
            return output == .value(state) ? .some(state) : nil
        case .write(let v):
            guard output == nil || output == .ok else { return nil }
            return .some(v)
        case .cas(let from, let to):
            let matches = state == from
            switch output {
            case nil: return .some(matches ? to : state)
            case .ok?: return matches ? .some(to) : nil
            case .casFailed?: return matches ? nil : .some(state)
            case .value?: return nil
            }
        }
    }

    public func describe(partition: Int) -> String? { nil }

    public func describe(input: Input, output: Output?) -> String {
        let call: String
        switch input {
        case .read: call = ":read"
        case .write(let v): call = ":write \(v)"
        case .cas(let from, let to): call = ":cas [\(from) \(to)]"
        }
        switch output {
        case nil: return call + " -> unknown"
        case .value(let v)?: return call + " -> " + (v.map(String.init) ?? "nil")
        case .ok?: return call + " -> ok"
        case .casFailed?: return call + " -> fail"
        }
    }

    public func describe(state: Int?) -> String { state.map(String.init) ?? "nil" }
}
