import ClusterSim

/// Parses the groups of `partition A B | C D E [| ...]`: at least two non-empty groups, each node in one group only.
enum PartitionArguments {
    static let example = "partition n1 n2 | n3 n4 n5"

    static func parse(_ args: inout ArgumentCursor, topology: Topology) throws(CommandError) -> ClusterCommand {
        var groups: [[NodeID]] = []
        var current: [NodeID] = []
        var named: [NodeID] = []
        var lastSeparator: Token?
        while let token = args.next() {
            if token.isGroupSeparator {
                guard !current.isEmpty else {
                    throw CommandError("partition: empty group before |", column: token.column)
                }
                groups.append(current)
                current = []
                lastSeparator = token
                continue
            }
            let node = try CommandParser.node(token, topology)
            guard !named.contains(node) else {
                throw CommandError("partition: \(token.text) is named twice; a node belongs to one group only", column: token.column)
            }
            named.append(node)
            current.append(node)
        }
        if current.isEmpty, let separator = lastSeparator {
            throw CommandError("partition: empty group after |", column: separator.column)
        }
        groups.append(current)
        guard groups.count >= 2 else {
            throw CommandError("partition needs at least two groups separated by |, e.g. \(example)", column: args.endColumn)
        }
        return .partition(groups)
    }
}
