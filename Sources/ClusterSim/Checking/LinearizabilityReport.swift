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
        if result.verdict == .unknown { out += unknownLines(result) }
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

    /// What ran out and how far the check got, for an `unknown` verdict.
    static func unknownLines(_ result: LinearizabilityResult) -> [String] {
        var out: [String] = []
        if result.stepBudgetRanOut, let maxSteps = result.budget.maxSteps {
            out.append("the step budget of \(maxSteps) steps ran out")
        }
        if result.partitionsOverMemory > 0, let maxBytes = result.budget.maxMemoryBytes {
            let over = "more than the memory budget of \(mebibytes(maxBytes))"
            switch (result.partitionsOverMemory, result.firstPartitionOverMemory) {
            case (_, nil): out.append("the search needed \(over)")
            case (1, let name?): out.append("\(name) was given up: its search needed \(over)")
            case (let count, let name?): out.append("\(count) partitions were given up (the first: \(name)): "
                + "their searches needed \(over)")
            }
        }
        out.append("\(result.steps) steps taken; the search caches peaked at about \(mebibytes(result.peakMemoryBytes))")
        let decided = result.decidedPartitionCount
        out.append(decided == 0
            ? "none of the \(result.partitionCount) partition(s) was decided"
            : "\(decided) of \(result.partitionCount) partitions decided (all linearizable), \(result.unfinishedPartitionCount) undecided")
        return out
    }

    /// `256 MiB`, or `1.5 MiB` below ten.
    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return tenths >= 100 || tenths % 10 == 0 ? "\((tenths + 5) / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
    }
}
