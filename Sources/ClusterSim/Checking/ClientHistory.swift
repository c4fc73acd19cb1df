/// The record of every client operation: call time, return time, outcome and value, bounded in size.
public struct ClientHistory: Sendable {
    /// How one operation ended.
    public enum Outcome: String, Sendable {
        case pending, ok, failed, unknown
    }

    public struct Record: Sendable, Equatable {
        public var opID: Int
        public var isRead: Bool
        public var key: Int
        /// The value written, or the value a read returned (nil: no such key).
        public var value: Int?
        public var callUs: Int64
        public var returnUs: Int64?
        public var outcome: Outcome
        public var fromCache: Bool
    }

    public let capacity: Int
    /// Oldest records are dropped past the capacity; `dropped` counts them.
    public private(set) var records: [Record] = []
    public private(set) var dropped = 0
    private var firstOpID = 1

    public init(capacity: Int) { self.capacity = capacity }

    mutating func invoke(opID: Int, op: ClientOp, atUs: Int64) {
        if records.count >= capacity {
            let cut = capacity / 10
            records.removeFirst(cut)
            dropped += cut
            firstOpID = records.first?.opID ?? opID
        }
        if records.isEmpty { firstOpID = opID }
        switch op {
        case .get(let key):
            records.append(Record(opID: opID, isRead: true, key: key, value: nil, callUs: atUs, returnUs: nil, outcome: .pending, fromCache: false))
        case .put(let key, let value):
            records.append(Record(opID: opID, isRead: false, key: key, value: value, callUs: atUs, returnUs: nil, outcome: .pending, fromCache: false))
        }
    }

    /// Records the return; op ids are dense and increasing, so the record is found by offset.
    @discardableResult
    mutating func complete(opID: Int, result: OpResult, atUs: Int64) -> Record? {
        let i = opID - firstOpID
        guard i >= 0, i < records.count, records[i].opID == opID else { return nil }
        records[i].returnUs = atUs
        switch result {
        case .ok(let value, let fromCache):
            records[i].outcome = .ok
            if records[i].isRead {
                records[i].value = value
                records[i].fromCache = fromCache
            }
        case .failed:
            records[i].outcome = .failed
        case .unknown:
            records[i].outcome = .unknown
        }
        return records[i]
    }
}
