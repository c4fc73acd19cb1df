/// A cache node as a process: an LRU with a TTL that answers lookups, takes fills and invalidations, and
/// forgets everything when it crashes.
struct CacheNode {
    let id: NodeID
    private(set) var isUp = true
    private(set) var lru: LRUCache

    init(id: NodeID, capacity: Int, ttlMs: Int64) {
        precondition(id.tier == .cache, "a cache node needs a cache id")
        self.id = id
        lru = LRUCache(capacity: capacity, ttlMs: ttlMs)
    }

    mutating func crash() {
        isUp = false
        lru.clear()
    }

    mutating func restart() { isUp = true }

    mutating func receive(_ m: Message, nowUs: Int64, into effects: inout Effects) {
        switch m.payload {
        case .cacheGet(let callID, let key):
            let hit = lru.lookup(key, nowUs: nowUs)
            effects.record(.cacheLookup(hit: hit != nil))
            effects.send(.cacheGetReply(callID: callID, found: hit != nil, value: hit ?? nil), from: id, to: m.from)
        case .cacheFill(let key, let value):
            lru.fill(key, value: value, nowUs: nowUs)
        case .cacheInvalidate(let key):
            lru.invalidate(key)
        default:
            return
        }
    }
}
