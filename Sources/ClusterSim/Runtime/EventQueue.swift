/// A bounded priority queue of simulation events ordered by virtual time, then by insertion order,
/// so events at the same instant always run in the order they were scheduled.
struct EventQueue {
    /// A popped event with its time.
    struct Item {
        var timeUs: Int64
        var event: SimEvent
    }

    /// Heap entries are plain numbers; the events themselves wait in `slots`, so sifting never copies
    /// (or retains) an event's payload.
    private struct Key {
        var timeUs: Int64
        var sequence: UInt64
        var slot: Int32
    }

    private var heap: [Key] = []
    private var slots: [SimEvent?] = []
    private var freeSlots: [Int32] = []
    private var nextSequence: UInt64 = 0
    /// Hard cap: a run that schedules more than this many pending events is broken, not busy.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(4096)
        slots.reserveCapacity(4096)
    }

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }
    var nextTimeUs: Int64? { heap.first?.timeUs }

    mutating func push(_ event: SimEvent, atUs timeUs: Int64) {
        precondition(heap.count < capacity, "event queue exceeded \(capacity) pending events")
        let slot: Int32
        if let free = freeSlots.popLast() {
            slots[Int(free)] = event
            slot = free
        } else {
            slots.append(event)
            slot = Int32(slots.count - 1)
        }
        heap.append(Key(timeUs: timeUs, sequence: nextSequence, slot: slot))
        nextSequence &+= 1
        siftUp(heap.count - 1)
    }

    mutating func pop() -> Item? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let key = heap.removeLast()
        if !heap.isEmpty { siftDown(0) }
        let event = slots[Int(key.slot)].take()!
        freeSlots.append(key.slot)
        return Item(timeUs: key.timeUs, event: event)
    }

    @inline(__always)
    private func less(_ a: Int, _ b: Int) -> Bool {
        let x = heap[a], y = heap[b]
        return x.timeUs < y.timeUs || (x.timeUs == y.timeUs && x.sequence < y.sequence)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            if !less(child, parent) { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let n = heap.count
        while true {
            let left = 2 * parent + 1
            if left >= n { return }
            var best = left
            let right = left + 1
            if right < n && less(right, left) { best = right }
            if !less(best, parent) { return }
            heap.swapAt(best, parent)
            parent = best
        }
    }
}

/// Everything that can happen at a virtual instant: a message arrives, or a timer fires.
enum SimEvent {
    /// A message arrives at its destination (dropped there if the process is down or the link was cut).
    case deliver(Message)
    case timer(Timer)
    /// A worker of `message.to` finished the CPU time of `message`, which arrived at `arrivedUs`; the
    /// process handles it now. `epoch` drops work started before a crash.
    case work(Message, arrivedUs: Int64, epoch: Int32)
    /// The pause of `node` ends.
    case resume(NodeID, epoch: Int32)
}
