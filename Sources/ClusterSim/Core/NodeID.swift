/// The short identity of one simulated process (`lb`, `s2`, `c1`, `n4`), used in commands, JSON and on screen.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The tier a process belongs to; the raw value is the id's prefix.
    public enum Tier: String, Sendable, CaseIterable, Comparable {
        case client = "client"
        case balancer = "lb"
        case service = "s"
        case cache = "c"
        case store = "n"

        var order: Int {
            switch self {
            case .client: return 0
            case .balancer: return 1
            case .service: return 2
            case .cache: return 3
            case .store: return 4
            }
        }

        public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.order < rhs.order }
    }

    /// Stored in 32 bits so that an id is 8 bytes: every message carries several, and the event queue
    /// copies messages by value.
    private let storedNumber: Int32
    public let tier: Tier
    /// 1-based number within the tier; 0 for the singletons `lb` and `client`.
    public var number: Int { Int(storedNumber) }

    public init(_ tier: Tier, _ number: Int) {
        precondition(number >= 0 && number <= Int(Int32.max), "a node number fits in 32 bits")
        self.tier = tier
        self.storedNumber = Int32(number)
    }

    public static let balancer = NodeID(.balancer, 0)
    public static let client = NodeID(.client, 0)
    public static func store(_ n: Int) -> NodeID { NodeID(.store, n) }
    public static func service(_ n: Int) -> NodeID { NodeID(.service, n) }
    public static func cache(_ n: Int) -> NodeID { NodeID(.cache, n) }

    /// Parses `lb`, `client`, `s3`, `c1`, `n12`; nil for anything else.
    public init?(parsing text: String) {
        if text == "lb" { self = .balancer; return }
        if text == "client" { self = .client; return }
        guard let first = text.first, text.count >= 2 else { return nil }
        let digits = text.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0",
              let n = Int(digits), n >= 1, n <= 999 else { return nil }
        switch first {
        case "s": self.init(.service, n)
        case "c": self.init(.cache, n)
        case "n": self.init(.store, n)
        default: return nil
        }
    }

    public var description: String {
        switch tier {
        case .balancer: return "lb"
        case .client: return "client"
        default: return tier.rawValue + String(number)
        }
    }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        (lhs.tier, lhs.number) < (rhs.tier, rhs.number)
    }
}
