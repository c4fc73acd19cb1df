/// Turns paired call and return events into checker operations, the same way for every history format:
/// `:ok` completes a call, `:fail` drops it (it did not happen), and `:info` or a call still open at the
/// end has an unknown outcome. Times are line numbers.
struct OperationCollector<Input: Sendable, Output: Sendable> {
    typealias Op = LinearizabilityOperation<Input, Output>
    private(set) var operations: [Op] = []
    private(set) var failed = 0

    /// Records how the call made on `callLine` ended on `line`; `output` is read only for `:ok`.
    mutating func ended(_ type: HistoryEventType, process: Int, input: Input, callLine: Int, line: Int,
                        output: () throws(HistoryLineProblem) -> Output) throws(HistoryLineProblem) {
        switch type {
        case .invoke:
            break
        case .fail:
            failed += 1
        case .info:
            operations.append(Op(clientID: process, input: input, unknownOutcomeCalledAt: Int64(callLine)))
        case .ok:
            operations.append(Op(clientID: process, input: input, output: try output(),
                                 callTime: Int64(callLine), returnTime: Int64(line)))
        }
    }

    /// Adds the calls never answered (unknown outcome) and returns every operation in call order.
    mutating func finish(stillOpen: [(process: Int, line: Int, call: Input)]) -> [Op] {
        for open in stillOpen {
            operations.append(Op(clientID: open.process, input: open.call, unknownOutcomeCalledAt: Int64(open.line)))
        }
        operations.sort { $0.callTime < $1.callTime }
        return operations
    }
}
