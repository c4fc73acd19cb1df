/// One client operation in a history: who called it, with what, when, and what came back.
///
/// Times are plain integers in any unit the caller likes (virtual microseconds for the live
/// cluster, line numbers for files); only their order matters. An operation whose outcome is
/// unknown (`output == nil`) is treated as returning at +infinity: it may take effect at any
/// point after its call, or never.
public struct LinearizabilityOperation<Input: Sendable, Output: Sendable>: Sendable {
    public var clientID: Int
    public var input: Input
    /// The observed result, or `nil` when the outcome is unknown.
    public var output: Output?
    public var callTime: Int64
    /// When the result came back; `nil` exactly when `output` is `nil`.
    public var returnTime: Int64?

    /// An operation that returned `output` at `returnTime`.
    public init(clientID: Int, input: Input, output: Output, callTime: Int64, returnTime: Int64) {
        precondition(returnTime >= callTime, "an operation cannot return before it is called")
        self.clientID = clientID
        self.input = input
        self.output = output
        self.callTime = callTime
        self.returnTime = returnTime
    }

    /// An operation whose outcome is unknown: it may take effect at any time after `callTime`, or never.
    public init(clientID: Int, input: Input, unknownOutcomeCalledAt callTime: Int64) {
        self.clientID = clientID
        self.input = input
        self.output = nil
        self.callTime = callTime
        self.returnTime = nil
    }

    /// Whether the result was observed.
    public var isOutcomeKnown: Bool { returnTime != nil }
}
