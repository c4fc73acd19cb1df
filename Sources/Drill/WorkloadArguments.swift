import ClusterSim

/// Parses `workload [rate=N] [reads=F] [keys=N] [zipf=S]`: at least one setting, each at most once, each in range.
enum WorkloadArguments {
    static let settings = ["rate", "reads", "keys", "zipf", "retries"]
    /// The highest request rate a drill may ask for, per second of virtual time.

    static func parse(_ args: inout ArgumentCursor) throws(CommandError) -> WorkloadChange {
        guard !args.isAtEnd else {
            throw CommandError("workload needs at least one of rate=, reads=, keys=, zipf=, retries=, e.g. workload rate=200", column: args.endColumn)
        }
        var change = WorkloadChange()
        var seen: [String] = []
        while let token = args.next() {
            let parts = token.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw CommandError("workload: expected setting=value, got \(token.text)", column: token.column)
            }
            let name = String(parts[0]), text = String(parts[1])
            guard settings.contains(name) else {
                throw CommandError("workload: unknown setting \(name) (expected rate, reads, keys, zipf or retries)"
                                   + DrillLanguage.suggestion(for: name, in: settings), column: token.column)
            }
            guard !seen.contains(name) else {
                throw CommandError("workload: \(name) is given twice", column: token.column)
            }
            seen.append(name)
            switch name {
            case "rate":
                change.ratePerSecond = try decimal(text, token, in: ClusterLimits.rateRangeText) {
                    $0 >= ClusterLimits.ratePerSecondMin && $0 <= ClusterLimits.ratePerSecondMax
                }
            case "reads":
                change.readFraction = try decimal(text, token, in: "0 to 1") { $0 >= 0 && $0 <= 1 }
            case "keys":
                change.keys = try integer(text, token, name: "keys", in: 1...ClusterLimits.keysMax)
            case "retries":
                change.retries = try integer(text, token, name: "retries", in: 0...ClusterLimits.retriesMax)
            default:
                change.zipfExponent = try decimal(text, token, in: "0 to 10") { $0 >= 0 && $0 <= ClusterLimits.zipfExponentMax }
            }
        }
        return change
    }

    private static func decimal(_ text: String, _ token: Token, in range: String,
                                _ accepts: (Double) -> Bool) throws(CommandError) -> Double {
        let name = token.text.prefix(while: { $0 != "=" })
        guard let value = NumberText.decimal(text) else {
            throw CommandError("bad number \(text) (\(NumberText.decimalProblem(text))): \(name) takes a decimal number", column: token.column)
        }
        guard accepts(value) else {
            throw CommandError("\(name)=\(text) is out of range (\(range))", column: token.column)
        }
        return value
    }

    /// A whole-number setting within `range`, named `name` in its messages.
    private static func integer(_ text: String, _ token: Token, name: String,
                                in range: ClosedRange<Int>) throws(CommandError) -> Int {
        guard let value = NumberText.integer(text) else {
            throw CommandError("bad number \(text): \(name) takes a whole number", column: token.column)
        }
        guard range.contains(value) else {
            throw CommandError("\(name)=\(text) is out of range (\(range.lowerBound) to \(range.upperBound))", column: token.column)
        }
        return value
    }
}
