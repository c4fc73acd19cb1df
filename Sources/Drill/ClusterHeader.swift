import ClusterSim

/// Parses the `cluster stores=5 services=3 ...` header into a `ClusterConfig`, checking each size's bounds.
enum ClusterHeader {
    /// Each setting and the sizes it accepts; `replicas` is further capped by the number of stores.
    static let bounds: [(key: String, range: ClosedRange<Int>)] = [
        ("stores", 1...Topology.maxPerTier), ("services", 1...Topology.maxPerTier), ("caches", 1...Topology.maxPerTier),
        ("partitions", 1...ClusterLimits.partitionsMax), ("replicas", 1...Topology.maxPerTier),
    ]
    static let example = "cluster stores=5 services=3 caches=3 partitions=24 replicas=3"

    /// `config` with every setting of the line applied; unchanged if the line has an error.
    static func parse(_ args: inout ArgumentCursor, into config: ClusterConfig) throws(CommandError) -> ClusterConfig {
        guard !args.isAtEnd else {
            throw CommandError("cluster needs at least one setting, e.g. \(example)", column: args.endColumn)
        }
        var result = config
        var seen: [String] = []
        var replicasToken: Token?
        while let token = args.next() {
            let parts = token.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw CommandError("cluster: expected setting=value, got \(token.text)", column: token.column)
            }
            let key = String(parts[0]), text = String(parts[1])
            guard let range = bounds.first(where: { $0.key == key })?.range else {
                throw CommandError("cluster: unknown setting \(key) (expected stores, services, caches, partitions or replicas)"
                                   + DrillLanguage.suggestion(for: key, in: bounds.map(\.key)), column: token.column)
            }
            guard !seen.contains(key) else {
                throw CommandError("cluster: \(key) is given twice", column: token.column)
            }
            seen.append(key)
            guard let value = NumberText.integer(text) else {
                throw CommandError("bad number \(text): \(key) takes a whole number", column: token.column)
            }
            guard range.contains(value) else {
                throw CommandError("\(key)=\(text) is out of range (\(range.lowerBound) to \(range.upperBound))", column: token.column)
            }
            switch key {
            case "stores": result.stores = value
            case "services": result.services = value
            case "caches": result.caches = value
            case "partitions": result.partitions = value
            default: result.replicas = value; replicasToken = token
            }
        }
        if result.replicas > result.stores {
            let source = replicasToken.map { "replicas=\($0.text.dropFirst("replicas=".count))" } ?? "replicas=\(result.replicas) (the default)"
            throw CommandError("\(source) is more than stores=\(result.stores): each replica needs its own store",
                               column: replicasToken?.column ?? args.word.column)
        }
        return result
    }
}
