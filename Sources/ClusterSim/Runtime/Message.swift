/// One message in flight between two simulated processes.
struct Message {
    var from: NodeID
    var to: NodeID
    var payload: Payload
}

/// What a client asks of the cluster.
enum ClientOp: Equatable {
    case get(key: Int)
    case put(key: Int, value: Int)

    var key: Int {
        switch self {
        case .get(let k), .put(let k, _): return k
        }
    }

    var isRead: Bool {
        if case .get = self { return true }
        return false
    }
}

/// How an operation ended, as its caller sees it.
enum OpResult: Equatable {
    /// Done; for a read, the value found (nil: key never written) and whether the cache answered.
    case ok(value: Int?, fromCache: Bool)
    /// Definitely not applied.
    case failed(String)
    /// May or may not have been applied (a write whose fate the service could not learn).
    case unknown(String)
}

/// What a store node answers a service.
enum StoreReply: Equatable {
    case value(Int?)
    case written
    case notLeader(hint: NodeID?)
    /// The write's log slot was taken by another leader's entry: it can never commit.
    case dropped
    /// The store's queue was full (or load shedding dropped the request): nothing was done.
    case overloaded
}

/// The body of a message.
enum Payload {
    case clientRequest(opID: Int, op: ClientOp)
    case clientResponse(opID: Int, result: OpResult)
    case serviceRequest(requestID: Int, op: ClientOp)
    case serviceResponse(requestID: Int, result: OpResult)
    case healthPing(sequence: Int)
    case healthPong(sequence: Int)
    case cacheGet(callID: Int, key: Int)
    /// `found` false is a miss; a hit carries the cached value (which may be "no such key").
    case cacheGetReply(callID: Int, found: Bool, value: Int?)
    case cacheFill(key: Int, value: Int?)
    case cacheInvalidate(key: Int)
    case storeRequest(callID: Int, partition: Int, op: ClientOp)
    case storeReply(callID: Int, reply: StoreReply)
    case raft(partition: Int, RaftMessage)
}
