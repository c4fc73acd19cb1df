/// One cache node's store: least-recently-used eviction at a fixed capacity, plus a time to live.
///
/// Entries live in flat arrays linked into a recency list, so lookups, fills and evictions are O(1)
/// and memory is fixed by the capacity.
struct LRUCache {
    private struct Entry {
        var key: Int
        var value: Int?
        var expiresUs: Int64
        var prev: Int
        var next: Int
    }

    let capacity: Int
    let ttlUs: Int64
    private var entries: [Entry] = []
    private var slotOfKey: [Int: Int] = [:]
    private var freeSlots: [Int] = []
    /// Most recently used at the head.
    private var head = -1
    private var tail = -1

    private(set) var hits = 0
    private(set) var misses = 0
    private(set) var evictions = 0

    init(capacity: Int, ttlMs: Int64) {
        self.capacity = max(1, capacity)
        self.ttlUs = ttlMs * 1_000
    }

    var count: Int { slotOfKey.count }

    /// A hit returns the cached value (which may itself be "no such key"); nil is a miss.
    mutating func lookup(_ key: Int, nowUs: Int64) -> Int?? {
        guard let slot = slotOfKey[key] else {
            misses += 1
            return nil
        }
        if entries[slot].expiresUs <= nowUs {
            remove(slot: slot)
            misses += 1
            return nil
        }
        moveToFront(slot)
        hits += 1
        return .some(entries[slot].value)
    }

    mutating func fill(_ key: Int, value: Int?, nowUs: Int64) {
        if let slot = slotOfKey[key] {
            entries[slot].value = value
            entries[slot].expiresUs = nowUs + ttlUs
            moveToFront(slot)
            return
        }
        if slotOfKey.count >= capacity, tail >= 0 {
            remove(slot: tail)
            evictions += 1
        }
        let entry = Entry(key: key, value: value, expiresUs: nowUs + ttlUs, prev: -1, next: head)
        let slot: Int
        if let free = freeSlots.popLast() {
            entries[free] = entry
            slot = free
        } else {
            entries.append(entry)
            slot = entries.count - 1
        }
        if head >= 0 { entries[head].prev = slot }
        head = slot
        if tail < 0 { tail = slot }
        slotOfKey[key] = slot
    }

    mutating func invalidate(_ key: Int) {
        if let slot = slotOfKey[key] { remove(slot: slot) }
    }

    /// Forget everything (a crash); the counters survive as the operator's history of this node.
    mutating func clear() {
        entries.removeAll(keepingCapacity: true)
        slotOfKey.removeAll(keepingCapacity: true)
        freeSlots.removeAll(keepingCapacity: true)
        head = -1
        tail = -1
    }

    private mutating func unlink(_ slot: Int) {
        let e = entries[slot]
        if e.prev >= 0 { entries[e.prev].next = e.next } else { head = e.next }
        if e.next >= 0 { entries[e.next].prev = e.prev } else { tail = e.prev }
    }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        entries[slot].prev = -1
        entries[slot].next = head
        if head >= 0 { entries[head].prev = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    private mutating func remove(slot: Int) {
        unlink(slot)
        slotOfKey[entries[slot].key] = nil
        freeSlots.append(slot)
    }
}
