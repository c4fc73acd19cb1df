/// The doubly linked list of call and return entries that the search lifts operations out of.
///
/// Entries are numbered `0..<2n` in time order (calls before returns at equal times, unknown
/// outcomes last); slot `2n` is the head sentinel. Links are plain index arrays, so lifting and
/// restoring an operation is four writes each way and no allocation.
struct EntryList {
    private var nextLink: [Int]
    private var prevLink: [Int]
    private let entryOperation: [Int]
    private let entryIsCall: [Bool]
    private let callEntryOf: [Int]
    private let returnEntryOf: [Int]
    private let head: Int

    init<I, O>(operations: [LinearizabilityOperation<I, O>]) {
        let n = operations.count
        // (time, 0 for call / 1 for return, operation): a total order, so the list is deterministic.
        var order: [(time: Int64, kind: Int, op: Int)] = []
        order.reserveCapacity(2 * n)
        for (i, op) in operations.enumerated() {
            order.append((op.callTime, 0, i))
            order.append((op.returnTime ?? Int64.max, 1, i))
        }
        order.sort { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.kind != b.kind { return a.kind < b.kind }
            return a.op < b.op
        }
        var entryOperation = [Int](repeating: 0, count: 2 * n)
        var entryIsCall = [Bool](repeating: false, count: 2 * n)
        var callEntryOf = [Int](repeating: 0, count: n)
        var returnEntryOf = [Int](repeating: 0, count: n)
        for (e, item) in order.enumerated() {
            entryOperation[e] = item.op
            entryIsCall[e] = item.kind == 0
            if item.kind == 0 { callEntryOf[item.op] = e } else { returnEntryOf[item.op] = e }
        }
        head = 2 * n
        nextLink = (0...(2 * n)).map { $0 + 1 }
        if n > 0 { nextLink[2 * n - 1] = -1 }
        nextLink[head] = n == 0 ? -1 : 0
        prevLink = (0...(2 * n)).map { $0 - 1 }
        if n > 0 { prevLink[0] = head }
        prevLink[head] = -1
        self.entryOperation = entryOperation
        self.entryIsCall = entryIsCall
        self.callEntryOf = callEntryOf
        self.returnEntryOf = returnEntryOf
    }

    var isEmpty: Bool { nextLink[head] < 0 }
    var first: Int { nextLink[head] }
    func next(of entry: Int) -> Int { nextLink[entry] }
    func operation(of entry: Int) -> Int { entryOperation[entry] }
    func isCall(_ entry: Int) -> Bool { entryIsCall[entry] }
    func callEntry(of op: Int) -> Int { callEntryOf[op] }

    /// Takes an operation's call and return entries out of the list.
    mutating func lift(_ op: Int) {
        remove(callEntryOf[op])
        remove(returnEntryOf[op])
    }

    /// Puts back an operation lifted last; entries must be restored in reverse order of removal.
    mutating func unlift(_ op: Int) {
        restore(returnEntryOf[op])
        restore(callEntryOf[op])
    }

    private mutating func remove(_ e: Int) {
        let p = prevLink[e], n = nextLink[e]
        nextLink[p] = n
        if n >= 0 { prevLink[n] = p }
    }

    private mutating func restore(_ e: Int) {
        let p = prevLink[e], n = nextLink[e]
        nextLink[p] = e
        if n >= 0 { prevLink[n] = e }
    }
}
