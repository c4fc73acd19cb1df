/// The cluster's bounded event log: leader changes, node state changes, faults, health transitions, moves.
struct EventLog {
    let capacity: Int
    private var ring: SampleRing<ClusterEvent>
    private(set) var lastSequence = 0

    init(capacity: Int) {
        self.capacity = capacity
        ring = SampleRing(capacity: capacity)
    }

    mutating func append(time: SimTime, kind: ClusterEvent.Kind, text: String) {
        lastSequence += 1
        ring.append(ClusterEvent(sequence: lastSequence, time: time, kind: kind, text: text))
    }

    func events(after sequence: Int) -> [ClusterEvent] {
        guard sequence < lastSequence else { return [] }
        return ring.ordered.filter { $0.sequence > sequence }
    }
}

/// The faults an operator has put in force, kept in the order the status banner shows them.
struct FaultBook {
    var isolated: [NodeID] = []
    var partitions: [[[NodeID]]] = []
    /// One-way cuts, in the order they were made.
    var cuts: [(from: NodeID, to: NodeID)] = []
}
