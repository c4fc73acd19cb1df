import ClusterSim

/// Parses the commands that load makes meaningful: `slow NODE FACTOR`, `pause NODE DURATION`,
/// `cut FROM TO` and `shed on|off`.
enum LoadFaultArguments {
    static func parse(_ args: inout ArgumentCursor, topology: Topology) throws(CommandError) -> ClusterCommand {
        switch args.word.text {
        case "slow":
            let node = try process(args.require("a node and a factor", example: "slow n3 20"), topology, for: "slow")
            let factorToken = try args.require("a factor after \(node)", example: "slow \(node) 20")
            return .slow(node, factor: try factor(factorToken))
        case "pause":
            let node = try process(args.require("a node and a duration", example: "pause n1 2s"), topology, for: "pause")
            let durationToken = try args.require("a duration after \(node)", example: "pause \(node) 2s")
            let duration = try DurationText.parse(durationToken)
            guard duration.us >= 1_000, duration.ms <= ClusterLimits.pauseMsMax else {
                throw CommandError("pause \(durationToken.text) is out of range (1ms to \(ClusterLimits.pauseMsMax / 1_000)s)",
                                   column: durationToken.column)
            }
            return .pause(node, durationMs: duration.ms)
        case "cut":
            let fromToken = try args.require("two nodes, from and to", example: "cut n1 n2")
            let from = try CommandParser.node(fromToken, topology)
            let toToken = try args.require("a second node (messages from \(from) to it are dropped)", example: "cut \(from) n2")
            let to = try CommandParser.node(toToken, topology)
            guard from != to else { throw CommandError("cut needs two different nodes, got \(from) twice", column: toToken.column) }
            return .cut(from: from, to: to)
        default:
            let token = try args.require("on or off", example: "shed on")
            guard token.text == "on" || token.text == "off" else {
                throw CommandError("shed takes on or off, not \(token.text)", column: token.column)
            }
            return .shed(token.text == "on")
        }
    }

    /// A node with a CPU: any process but the clients.
    private static func process(_ token: Token, _ topology: Topology, for word: String) throws(CommandError) -> NodeID {
        let node = try CommandParser.node(token, topology)
        guard node != .client else {
            throw CommandError("\(word) takes a process (lb, s1, c1, n1), not the clients", column: token.column)
        }
        return node
    }

    /// A decimal above 0 and at most `ClusterLimits.slowFactorMax`, with an optional `x` suffix.
    private static func factor(_ token: Token) throws(CommandError) -> Double {
        let text = token.text.hasSuffix("x") ? String(token.text.dropLast()) : token.text
        guard let value = NumberText.decimal(text) else {
            throw CommandError("bad number \(token.text) (\(NumberText.decimalProblem(text))): slow takes a factor such as 20",
                               column: token.column)
        }
        guard value > 0, value <= ClusterLimits.slowFactorMax else {
            throw CommandError("slow factor \(token.text) is out of range (above 0, at most \(Int(ClusterLimits.slowFactorMax)))",
                               column: token.column)
        }
        return value
    }
}
