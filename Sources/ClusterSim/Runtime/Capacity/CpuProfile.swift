/// Which inputs cost a process CPU, and how much on average: the capacity knobs of `ClusterConfig`
/// turned into one lookup per message.
///
/// A process charges once per request it serves; a store also for each Raft append or snapshot carrying
/// data. Everything else (heartbeats, votes, health checks, replies) is handled as it arrives, free.
struct CpuProfile {
    private let balancerUs: Int64
    private let serviceUs: Int64
    private let cacheUs: Int64
    private let storeRequestUs: Int64
    private let storeAppendUs: Int64
    let fsyncUs: Int64

    init(_ config: ClusterConfig) {
        precondition([config.balancerCpuUsPerRequest, config.serviceCpuUsPerRequest, config.cacheCpuUsPerRequest,
                      config.storeCpuUsPerRequest, config.storeCpuUsPerAppend, config.storeFsyncUs].allSatisfy { $0 >= 0 },
                      "CPU and disk costs cannot be negative")
        balancerUs = config.balancerCpuUsPerRequest
        serviceUs = config.serviceCpuUsPerRequest
        cacheUs = config.cacheCpuUsPerRequest
        storeRequestUs = config.storeCpuUsPerRequest
        storeAppendUs = config.storeCpuUsPerAppend
        fsyncUs = config.storeFsyncUs
    }

    /// The mean CPU cost of handling `m` at its destination, or nil when it is handled as it arrives.
    func meanUs(for m: Message) -> Int64? {
        let cost: Int64
        switch m.payload {
        case .clientRequest: cost = balancerUs
        case .serviceRequest: cost = serviceUs
        case .cacheGet: cost = cacheUs
        case .storeRequest: cost = storeRequestUs
        case .raft(_, let r):
            switch r.kind {
            case .append(_, _, let entries, _) where !entries.isEmpty: cost = storeAppendUs
            case .snapshot: cost = storeAppendUs
            default: return nil
            }
        default: return nil
        }
        return cost > 0 ? cost : nil
    }

    /// A free Raft message (heartbeat, vote, response) that must not overtake Raft work already on the
    /// node's CPU: it waits its turn at almost no cost, so the replica sees its stream in the order sent,
    /// as one event loop would. Without this a heartbeat would pass the appends ahead of it, be rejected
    /// for a gap, and make the leader resend: a slow follower would drown in retransmissions.
    static func inOrderUs(for m: Message, behind pool: WorkerPool) -> Int64? {
        guard case .raft = m.payload, pool.busy > 0 || pool.hasReplicationWaiting else { return nil }
        return 1
    }

    /// Whether `m` asks for work that a caller waits on: only these are shed, and a full queue answers
    /// them "overloaded" (anything else is dropped, like a lost message).
    static func isRequest(_ m: Message) -> Bool {
        switch m.payload {
        case .clientRequest, .serviceRequest, .cacheGet, .storeRequest: return true
        default: return false
        }
    }

    /// The answer a process gives a request it turns away, or nil when `m` is not a request.
    static func overloadReply(to m: Message) -> Message? {
        let payload: Payload
        switch m.payload {
        case .clientRequest(let opID, _): payload = .clientResponse(opID: opID, result: .failed("\(m.to) overloaded"))
        case .serviceRequest(let id, _): payload = .serviceResponse(requestID: id, result: .failed("\(m.to) overloaded"))
        // A cache that cannot answer is a miss to its caller, who reads the store instead.
        case .cacheGet(let callID, _): payload = .cacheGetReply(callID: callID, found: false, value: nil)
        case .storeRequest(let callID, _, _): payload = .storeReply(callID: callID, reply: .overloaded)
        default: return nil
        }
        return Message(from: m.to, to: m.from, payload: payload)
    }
}

extension Timer {
    /// The process a timer belongs to, when it is one that `pause` can freeze (nil: the clients and the
    /// runtime's own timers, which are never paused).
    var pausableOwner: NodeID? {
        switch self {
        case .healthCheckRound, .healthCheckTimeout, .forwardTimeout: return .balancer
        case .serviceCallTimeout(let s, _, _): return .service(s + 1)
        case .storeTick(let s, _), .storeElection(let s, _), .storeDiskSynced(let s, _): return .store(s + 1)
        case .clientArrival, .clientTimeout, .clientRetry, .placementTick, .secondTick: return nil
        }
    }
}
