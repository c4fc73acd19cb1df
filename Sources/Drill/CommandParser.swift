import ClusterSim

/// Parses one line of the command language (`kill n2`, `partition n1 | n2 n3`, ...) into a `ClusterCommand`.
///
/// Drills and the dashboard's `:` line share this parser, so both accept and reject exactly the same text.
public enum CommandParser {
    /// The command on `line`, checked against the processes `topology` holds.
    public static func parse(_ line: String, topology: Topology) throws(CommandError) -> ClusterCommand {
        let tokens = try Lexer.tokens(of: line)
        guard !tokens.isEmpty else {
            throw CommandError("empty command: expected one of \(DrillLanguage.commandNames.joined(separator: ", "))", column: 1)
        }
        return try parse(tokens: tokens, topology: topology, endColumn: line.count + 1)
    }

    /// Whether `word` begins a command.
    public static func isCommand(_ word: String) -> Bool { DrillLanguage.commandNames.contains(word) }

    static func parse(tokens: [Token], topology: Topology, endColumn: Int) throws(CommandError) -> ClusterCommand {
        var args = ArgumentCursor(tokens: tokens, endColumn: endColumn)
        let command: ClusterCommand
        switch args.word.text {
        case "add":
            command = .add(try tier(args.require("a tier (store, service or cache)", example: "add store"), topology))
        case "kill":
            command = .kill(try node(args.require("a node", example: "kill n2"), topology))
        case "restart":
            command = .restart(try node(args.require("a node", example: "restart n2"), topology))
        case "isolate":
            command = .isolate(try node(args.require("a node", example: "isolate n2"), topology))
        case "partition":
            command = try PartitionArguments.parse(&args, topology: topology)
        case "heal":
            command = .heal
        case "rebalance":
            command = .rebalance
        case "lb":
            command = .balancer(try algorithm(args.require("an algorithm (round-robin or p2c)", example: "lb p2c")))
        case "latency":
            command = try latency(&args)
        case "loss":
            command = .loss(percent: try loss(args.require("a percentage", example: "loss 5")))
        case "workload":
            command = .workload(try WorkloadArguments.parse(&args))
        case "slow", "pause", "cut", "shed":
            command = try LoadFaultArguments.parse(&args, topology: topology)
        case "replication":
            command = .replication(try mode(args.require("a mode (raft, sync or async)", example: "replication raft")))
        default:
            let word = args.word.text
            throw CommandError("unknown command \(word)" + DrillLanguage.suggestion(for: word, in: DrillLanguage.commandNames),
                               column: args.word.column)
        }
        try args.finish()
        return command
    }

    /// A process of the cluster, any tier.
    static func node(_ token: Token, _ topology: Topology) throws(CommandError) -> NodeID {
        guard let node = NodeID(parsing: token.text), topology.contains(node) else {
            throw CommandError(topology.unknownNode(token.text), column: token.column)
        }
        return node
    }

    private static let addableTiers: [NodeID.Tier] = [.store, .service, .cache]

    private static func tier(_ token: Token, _ topology: Topology) throws(CommandError) -> NodeID.Tier {
        guard let tier = addableTiers.first(where: { Topology.singular($0) == token.text }) else {
            let names = addableTiers.map(Topology.singular)
            throw CommandError("unknown tier \(token.text): add takes store, service or cache"
                               + DrillLanguage.suggestion(for: token.text, in: names), column: token.column)
        }
        guard topology.count(of: tier) < Topology.maxPerTier else {
            throw CommandError("add \(token.text): this cluster already has \(Topology.maxPerTier) \(Topology.plural(tier)), the most it can hold",
                               column: token.column)
        }
        return tier
    }

    private static func algorithm(_ token: Token) throws(CommandError) -> BalancerAlgorithm {
        guard let algorithm = BalancerAlgorithm(rawValue: token.text) else {
            let names = BalancerAlgorithm.allCases.map(\.rawValue)
            throw CommandError("unknown algorithm \(token.text): expected round-robin or p2c"
                               + DrillLanguage.suggestion(for: token.text, in: names), column: token.column)
        }
        return algorithm
    }

    private static func mode(_ token: Token) throws(CommandError) -> ReplicationMode {
        guard let mode = ReplicationMode(rawValue: token.text) else {
            let names = ReplicationMode.allCases.map(\.rawValue)
            throw CommandError("unknown replication mode \(token.text): expected raft, sync or async"
                               + DrillLanguage.suggestion(for: token.text, in: names), column: token.column)
        }
        return mode
    }

    /// The most latency or jitter a command may add, in milliseconds.
    static let latencyMsMax: Int64 = 60_000

    private static func latency(_ args: inout ArgumentCursor) throws(CommandError) -> ClusterCommand {
        let ms = try milliseconds(args.require("milliseconds", example: "latency 50"), for: "latency")
        guard let keyword = args.next() else { return .latency(ms: ms, jitterMs: 0) }
        guard keyword.text == "jitter" else {
            throw CommandError("latency: expected jitter after the milliseconds, got \(keyword.text)", column: keyword.column)
        }
        let jitter = try milliseconds(args.require("jitter milliseconds", example: "latency 50 jitter 10"), for: "jitter")
        return .latency(ms: ms, jitterMs: jitter)
    }

    /// Whole milliseconds `0...latencyMsMax`, with an optional `ms` suffix.
    private static func milliseconds(_ token: Token, for name: String) throws(CommandError) -> Int64 {
        let digits = token.text.hasSuffix("ms") ? String(token.text.dropLast(2)) : token.text
        guard let value = NumberText.integer(digits) else {
            throw CommandError("bad number \(token.text): \(name) takes whole milliseconds", column: token.column)
        }
        guard value >= 0, Int64(value) <= latencyMsMax else {
            throw CommandError("\(name) \(token.text) is out of range (0 to \(latencyMsMax) ms)", column: token.column)
        }
        return Int64(value)
    }

    /// A percentage `0...100`, with an optional `%` suffix.
    private static func loss(_ token: Token) throws(CommandError) -> Double {
        let digits = token.text.hasSuffix("%") ? String(token.text.dropLast()) : token.text
        guard let value = NumberText.decimal(digits) else {
            throw CommandError("bad number \(token.text): loss takes a percentage from 0 to 100", column: token.column)
        }
        guard value >= 0, value <= 100 else {
            throw CommandError("loss \(token.text) is out of range (0 to 100)", column: token.column)
        }
        return value
    }
}
