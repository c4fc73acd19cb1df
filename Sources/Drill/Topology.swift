import ClusterSim

/// How many processes of each tier exist at one point of a drill, so a command can name only real nodes.
public struct Topology: Sendable, Equatable {
    /// The most processes one tier may hold; `add` stops there.
    public static let maxPerTier = ClusterLimits.processesPerTierMax

    public var stores: Int
    public var services: Int
    public var caches: Int

    public init(stores: Int, services: Int, caches: Int) {
        self.stores = stores
        self.services = services
        self.caches = caches
    }

    /// The tiers as a cluster built from `config` starts.
    public init(config: ClusterConfig) {
        self.init(stores: config.stores, services: config.services, caches: config.caches)
    }

    /// Processes of `tier`: 1 balancer, no addressable client.
    public func count(of tier: NodeID.Tier) -> Int {
        switch tier {
        case .store: return stores
        case .service: return services
        case .cache: return caches
        case .balancer: return 1
        case .client: return 0
        }
    }

    /// Whether `node` is a process of this cluster (the client load generator is not one).
    public func contains(_ node: NodeID) -> Bool {
        switch node.tier {
        case .balancer: return true
        case .client: return false
        default: return node.number >= 1 && node.number <= count(of: node.tier)
        }
    }

    /// Accounts for a command that changes the set of processes (only `add` does).
    public mutating func apply(_ command: ClusterCommand) {
        guard case .add(let tier) = command else { return }
        switch tier {
        case .store: stores += 1
        case .service: services += 1
        case .cache: caches += 1
        case .balancer, .client: break
        }
    }

    /// `n1..n5`, `n1`, or `no stores`.
    func range(of tier: NodeID.Tier) -> String {
        let n = count(of: tier)
        let prefix = tier.rawValue
        switch n {
        case 0: return "no " + Topology.plural(tier)
        case 1: return prefix + "1"
        default: return "\(prefix)1..\(prefix)\(n)"
        }
    }

    /// `lb, s1..s3, c1..c3, n1..n5`, leaving out empty tiers.
    var processList: String {
        let tiers: [NodeID.Tier] = [.service, .cache, .store]
        return (["lb"] + tiers.filter { count(of: $0) > 0 }.map { range(of: $0) }).joined(separator: ", ")
    }

    /// The message for a token that names no process of this cluster.
    func unknownNode(_ text: String) -> String {
        if let node = NodeID(parsing: text), node.tier != .client {
            return "unknown node \(text): this cluster has \(range(of: node.tier))"
        }
        return "unknown node \(text): this cluster has \(processList)"
    }

    static func plural(_ tier: NodeID.Tier) -> String {
        switch tier {
        case .store: return "stores"
        case .service: return "services"
        case .cache: return "caches"
        case .balancer: return "balancers"
        case .client: return "clients"
        }
    }

    static func singular(_ tier: NodeID.Tier) -> String {
        switch tier {
        case .store: return "store"
        case .service: return "service"
        case .cache: return "cache"
        case .balancer: return "balancer"
        case .client: return "client"
        }
    }
}
