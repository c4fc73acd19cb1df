/// A count over the last ten virtual seconds, kept as one bucket per second.
struct RateWindow {
    static let seconds = 10
    private var buckets = [Int](repeating: 0, count: RateWindow.seconds)
    private var current = 0
    /// Completed seconds seen so far, capped at the window (a young cluster averages over its age).
    private var filledSeconds = 0

    mutating func add(_ n: Int = 1) { buckets[current] += n }

    /// Called once per virtual second: the oldest bucket is forgotten.
    mutating func rotate() {
        current = (current + 1) % RateWindow.seconds
        buckets[current] = 0
        filledSeconds = min(filledSeconds + 1, RateWindow.seconds - 1)
    }

    var total: Int { buckets.reduce(0, +) }

    /// The count in the second so far.
    var currentCount: Int { buckets[current] }

    /// Events per second over the completed seconds in the window (the current partial second is left
    /// out, so the figure does not sag after each rotation); before a second completes, the count so far.
    var perSecond: Double {
        guard filledSeconds > 0 else { return Double(buckets[current]) }
        return Double(total - buckets[current]) / Double(filledSeconds)
    }
}

/// A fixed-size ring of the most recent samples.
struct SampleRing<Value> {
    let capacity: Int
    private(set) var values: [Value] = []
    private var start = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func append(_ v: Value) {
        if values.count < capacity {
            values.append(v)
        } else {
            values[start] = v
            start = (start + 1) % capacity
        }
    }

    /// Oldest first.
    var ordered: [Value] { Array(values[start...] + values[..<start]) }
}
