/// A consistent-hash ring that maps keys to cache nodes through virtual nodes, so adding the n+1th node
/// moves only about 1/(n+1) of the keys.
struct HashRing {
    private var points: [(hash: UInt64, owner: Int)] = []

    /// `owners` are cache numbers (1-based); each gets `virtualNodes` points.
    init(owners: [Int], virtualNodes: Int) {
        for owner in owners {
            for v in 0..<virtualNodes {
                points.append((SimRandom.stableHash("c\(owner)#\(v)"), owner))
            }
        }
        points.sort { $0.hash < $1.hash || ($0.hash == $1.hash && $0.owner < $1.owner) }
    }

    static func keyHash(_ key: Int) -> UInt64 {
        var x = UInt64(truncatingIfNeeded: key) &* 0xD6E8_FEB8_6659_FD93
        x ^= x >> 32
        x &*= 0xD6E8_FEB8_6659_FD93
        x ^= x >> 32
        return x
    }

    /// The cache number owning `key`: the first point clockwise from the key's hash.
    func owner(ofKey key: Int) -> Int {
        precondition(!points.isEmpty, "hash ring has no nodes")
        let h = HashRing.keyHash(key)
        var lo = 0, hi = points.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid].hash < h { lo = mid + 1 } else { hi = mid }
        }
        return points[lo == points.count ? 0 : lo].owner
    }
}
