/// Turns a check result into lines a person can read: the verdict, then the first violation.
public enum LinearizabilityReport {
    /// How many operations of the linearized prefix a report lists (the last ones before the block).
    public static let prefixLinesShown = 5

    /// The verdict line, then for a violation its partition, the operation that could not be
    /// placed, the state it met, and the tail of the longest linearizable prefix.
    ///
    /// `span` names when an operation ran, for example `lines 12-15` or `0.120s-0.180s`; its
    /// second argument is `nil` when the outcome is unknown.
    public static func lines<Model: LinearizabilityModel>(
        for result: LinearizabilityResult,
        operations: [LinearizabilityOperation<Model.Input, Model.Output>],
        model: Model,
        span: (Int64, Int64?) -> String
    ) -> [String] {
        var out = [result.verdict.rawValue]
        if result.isEmpty {
            out.append("empty history: no operations to check")
            return out
        }
        if result.verdict == .unknown {
            out.append("the step budget ran out after \(result.steps) steps")
        }
        guard let v = result.firstViolation else { return out }
        func describe(_ i: Int) -> String {
            let op = operations[i]
            return "process \(op.clientID), \(span(op.callTime, op.returnTime)): "
                + model.describe(input: op.input, output: op.output)
        }
        let whereText = v.partition.map { " on " + $0 } ?? ""
        out.append("first violation\(whereText): \(v.linearizedPrefix.count) of \(v.partitionOperationCount) "
            + "operations linearize, then this one cannot be placed before it returns:")
        out.append("  " + describe(v.blockedOperation))
        out.append("  state after the longest linearizable prefix: \(v.stateAfterPrefix)")
        if !v.linearizedPrefix.isEmpty {
            let shown = v.linearizedPrefix.suffix(prefixLinesShown)
            let label = shown.count < v.linearizedPrefix.count ? "last \(shown.count) of that prefix" : "that prefix"
            out.append("  \(label), in linearization order:")
            for i in shown { out.append("    " + describe(i)) }
        }
        if result.unfinishedPartitionCount > 0 {
            out.append("(the check stopped here; \(result.unfinishedPartitionCount) other partition(s) were not finished)")
        }
        return out
    }
}
