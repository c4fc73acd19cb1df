/// A sequential specification that the linearizability checker replays operations against.
///
/// A model is deterministic: given a state, an input and the observed output it either accepts
/// the operation and returns the next state, or rejects it with `nil`. An output of `nil` means
/// the outcome was never observed (a timed-out call); the model must then accept the operation
/// in every state, applying whatever effect it would have had.
public protocol LinearizabilityModel: Sendable {
    associatedtype State: Hashable & Sendable
    associatedtype Input: Sendable
    associatedtype Output: Sendable
    /// Operations on different partitions never interact, so each partition is checked alone.
    associatedtype PartitionKey: Hashable & Sendable

    /// The state every partition starts in.
    var initialState: State { get }

    /// The partition an operation belongs to.
    func partition(of input: Input) -> PartitionKey

    /// The state after `input` observed `output` in `state`, or `nil` if that output is impossible.
    func step(_ state: State, _ input: Input, _ output: Output?) -> State?

    /// How a violation names its partition (`key "4"`), or `nil` when the model has one partition.
    func describe(partition: PartitionKey) -> String?

    /// One operation as a reader would write it, for example `:write 3` or `:get "4" -> "x"`.
    func describe(input: Input, output: Output?) -> String

    /// The state as a reader would write it, for example `nil` or `"x 0 1 y"`.
    func describe(state: State) -> String

    /// Bytes a state holds on the heap beyond its inline size, for the checker's memory budget.
    func estimatedHeapBytes(of state: State) -> Int
}

extension LinearizabilityModel {
    /// States of fixed size (integers, optionals of them) hold nothing on the heap.
    public func estimatedHeapBytes(of state: State) -> Int { 0 }
}
