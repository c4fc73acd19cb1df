import ClusterSim

/// Parses the arguments of `expect METRIC [NODE] OP VALUE [within DURATION]` against the drill's topology.
enum ExpectationParser {
    static let example = "expect leaderless == 0 within 2s"

    static func parse(_ args: inout ArgumentCursor, topology: Topology) throws(CommandError) -> Expectation {
        let metric = try self.metric(&args, topology: topology)
        let opToken = try args.require("an operator and a value after \(metric)", example: example)
        guard let comparison = Comparison(rawValue: opToken.text) else {
            let hint = NumberText.decimal(opToken.text) != nil ? "missing operator before \(opToken.text)" : "bad operator \(opToken.text)"
            throw CommandError("\(hint): expected one of == != < <= > >=", column: opToken.column)
        }
        let valueToken = try args.require("a value after \(opToken.text)", example: example)
        guard let value = NumberText.decimal(valueToken.text) else {
            throw CommandError("bad number \(valueToken.text) (\(NumberText.decimalProblem(valueToken.text))): expect compares with a decimal number",
                               column: valueToken.column)
        }
        var within: SimTime?
        if let keyword = args.next() {
            guard keyword.text == "within" else {
                throw CommandError("expect: expected within DURATION after the value, got \(keyword.text)", column: keyword.column)
            }
            within = try DurationText.parse(args.require("a duration after within", example: example))
        }
        return Expectation(metric: metric, comparison: comparison, value: value, within: within)
    }

    private static var metricNames: [String] {
        Metric.plainMetrics.map(\.name) + Metric.nodeMetrics.map(\.name)
    }

    private static func metric(_ args: inout ArgumentCursor, topology: Topology) throws(CommandError) -> Metric {
        let nameToken = try args.require("a metric, an operator and a value", example: example)
        let name = nameToken.text
        if name == "p99", let next = args.peek, Comparison(rawValue: next.text) == nil {
            _ = args.next()
            guard let tier = Metric.latencyTiers.first(where: { $0.name == next.text })?.tier else {
                let names = Metric.latencyTiers.map(\.name).joined(separator: ", ")
                throw CommandError("p99 takes a tier (\(names)) or nothing, not \(next.text)", column: next.column)
            }
            return .tierP99(tier)
        }
        if let plain = Metric.plainMetrics.first(where: { $0.name == name }) { return plain.metric }
        guard let entry = Metric.nodeMetrics.first(where: { $0.name == name }) else {
            throw CommandError("unknown metric \(name)" + DrillLanguage.suggestion(for: name, in: metricNames), column: nameToken.column)
        }
        let what = entry.tier.map { "a \(Topology.singular($0)) node" } ?? "a node"
        let nodeExample = entry.tier.map { "\($0.rawValue)1" } ?? "n1"
        let nodeExampleLine = "expect \(name) \(nodeExample) >= 1"
        let nodeToken = try args.require("\(what) after \(name)", example: nodeExampleLine)
        if Comparison(rawValue: nodeToken.text) != nil {
            throw CommandError("\(name) needs \(what) before \(nodeToken.text), e.g. \(nodeExampleLine)", column: nodeToken.column)
        }
        let node = try CommandParser.node(nodeToken, topology)
        if let tier = entry.tier, node.tier != tier {
            throw CommandError("\(name) takes \(what) (\(topology.range(of: tier))), not \(nodeToken.text)", column: nodeToken.column)
        }
        switch name {
        case "leaders": return .leaders(node)
        case "replicas": return .replicas(node)
        case "share": return .share(node)
        case "up": return .up(node)
        case "util", "queue":
            guard node.tier != .client else {
                throw CommandError("\(name) takes a process with workers (lb, s1, c1, n1), not client", column: nodeToken.column)
            }
            return name == "util" ? .util(node) : .queue(node)
        default: throw CommandError("unknown metric \(name)", column: nameToken.column)
        }
    }
}
