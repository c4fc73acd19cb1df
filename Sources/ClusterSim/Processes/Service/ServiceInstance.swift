/// A stateless service instance as a process: it takes requests from the balancer (at most
/// `maxInFlight` at once; its CPU and queue are the runtime's), reads through the cache tier, writes to the
/// store, and follows leader hints per partition.
struct ServiceInstance {
    let id: NodeID
    let settings: ServiceSettings
    private(set) var isUp = true
    /// Bumped by a crash, so call timeouts set before it are ignored.
    private(set) var epoch = 0
    private var active: [Int: ServiceWork] = [:]
    private var calls: [Int: ServiceCall] = [:]
    private var leaderHint: [Int: NodeID] = [:]
    private var nextCallID = 1

    init(id: NodeID, settings: ServiceSettings) {
        precondition(id.tier == .service, "a service instance needs a service id")
        self.id = id
        self.settings = settings
    }

    private var index: Int { id.number - 1 }

    /// Crash: work in progress, queued requests, calls and hints are lost.
    mutating func crash() {
        isUp = false
        epoch += 1
        active.removeAll()
        calls.removeAll()
        leaderHint.removeAll()
    }

    mutating func restart() { isUp = true }

    mutating func receive(_ m: Message, nowUs: Int64, directory: some ServiceDirectory, into effects: inout Effects) {
        switch m.payload {
        case .serviceRequest(let requestID, let op):
            if active.count < settings.maxInFlight {
                startWork(requestID: requestID, op: op, nowUs: nowUs, directory: directory, into: &effects)
            } else {
                effects.send(.serviceResponse(requestID: requestID, result: .failed("\(id) overloaded")), from: id, to: .balancer)
            }
        case .healthPing(let sequence):
            effects.send(.healthPong(sequence: sequence), from: id, to: .balancer)
        case .cacheGetReply(let callID, let found, let value):
            guard let call = calls.removeValue(forKey: callID), active[call.requestID] != nil else { return }
            if found {
                finishWork(requestID: call.requestID, result: .ok(value: value, fromCache: true), nowUs: nowUs,
                           directory: directory, into: &effects)
            } else {
                active[call.requestID]!.fillCache = true
                callStore(requestID: call.requestID, nowUs: nowUs, directory: directory, into: &effects)
            }
        case .storeReply(let callID, let reply):
            guard let call = calls.removeValue(forKey: callID), let work = active[call.requestID] else { return }
            handleStoreReply(work: work, from: call.node, reply: reply, nowUs: nowUs, directory: directory, into: &effects)
        default:
            return
        }
    }

    mutating func callTimeout(callID: Int, epoch: Int, nowUs: Int64, directory: some ServiceDirectory,
                              into effects: inout Effects) {
        guard self.epoch == epoch, let call = calls.removeValue(forKey: callID), let work = active[call.requestID] else { return }
        switch call.target {
        case .cache:
            // The cache node did not answer: a miss as far as the service can tell (so a dead cache node
            // shows in the hit ratio), and the read falls through to the store (the load lands there).
            effects.record(.cacheLookup(hit: false))
            active[call.requestID]!.fillCache = false
            callStore(requestID: call.requestID, nowUs: nowUs, directory: directory, into: &effects)
        case .store:
            let p = Workload.partition(ofKey: work.op.key, partitions: settings.partitions)
            leaderHint[p] = nil
            if work.op.isRead && canRetry(work, nowUs: nowUs) {
                callStore(requestID: call.requestID, nowUs: nowUs, directory: directory, into: &effects)
            } else {
                // A write may or may not have been proposed: retrying could apply it twice.
                let why = "p\(p): store did not answer"
                finishWork(requestID: call.requestID, result: work.op.isRead ? .failed(why) : .unknown(why),
                           nowUs: nowUs, directory: directory, into: &effects)
            }
        }
    }

    private mutating func startWork(requestID: Int, op: ClientOp, nowUs: Int64, directory: some ServiceDirectory,
                                    into effects: inout Effects) {
        active[requestID] = ServiceWork(requestID: requestID, op: op, startUs: nowUs)
        switch op {
        case .get(let key):
            let cache = directory.cacheNode(ofKey: key)
            let callID = newCall(ServiceCall(requestID: requestID, target: .cache, node: cache))
            effects.send(.cacheGet(callID: callID, key: key), from: id, to: cache)
            effects.setTimer(afterUs: settings.cacheCallTimeoutUs, .serviceCallTimeout(service: index, callID: callID, epoch: epoch))
        case .put:
            callStore(requestID: requestID, nowUs: nowUs, directory: directory, into: &effects)
        }
    }

    private mutating func newCall(_ call: ServiceCall) -> Int {
        let callID = nextCallID
        nextCallID += 1
        calls[callID] = call
        return callID
    }

    /// Sends the request to the node believed to lead its partition (or the next replica when unsure).
    private mutating func callStore(requestID: Int, nowUs: Int64, directory: some ServiceDirectory, into effects: inout Effects) {
        guard var work = active[requestID] else { return }
        let p = Workload.partition(ofKey: work.op.key, partitions: settings.partitions)
        let replicas = directory.storeReplicas(ofPartition: p)
        guard !replicas.isEmpty else {
            finishWork(requestID: requestID, result: .failed("p\(p) has no replicas"), nowUs: nowUs, directory: directory, into: &effects)
            return
        }
        let target = leaderHint[p] ?? replicas[work.storeAttempts % replicas.count]
        work.storeAttempts += 1
        active[requestID] = work
        if work.op.isRead { effects.record(.storeRead) }
        let callID = newCall(ServiceCall(requestID: requestID, target: .store, node: target))
        effects.send(.storeRequest(callID: callID, partition: p, op: work.op), from: id, to: target)
        effects.setTimer(afterUs: settings.storeCallTimeoutUs, .serviceCallTimeout(service: index, callID: callID, epoch: epoch))
    }

    private func canRetry(_ work: ServiceWork, nowUs: Int64) -> Bool {
        work.storeAttempts < settings.storeAttemptsMax && nowUs - work.startUs < settings.deadlineUs
    }

    private mutating func handleStoreReply(work: ServiceWork, from node: NodeID, reply: StoreReply, nowUs: Int64,
                                           directory: some ServiceDirectory, into effects: inout Effects) {
        let p = Workload.partition(ofKey: work.op.key, partitions: settings.partitions)
        let result: OpResult
        switch reply {
        case .value(let v):
            leaderHint[p] = node
            if work.fillCache {
                effects.send(.cacheFill(key: work.op.key, value: v), from: id, to: directory.cacheNode(ofKey: work.op.key))
            }
            result = .ok(value: v, fromCache: false)
        case .written:
            leaderHint[p] = node
            effects.send(.cacheInvalidate(key: work.op.key), from: id, to: directory.cacheNode(ofKey: work.op.key))
            result = .ok(value: nil, fromCache: false)
        case .notLeader(let hint):
            // Not proposed anywhere, so a retry is safe for writes too.
            leaderHint[p] = hint == node ? nil : hint
            if canRetry(work, nowUs: nowUs) {
                callStore(requestID: work.requestID, nowUs: nowUs, directory: directory, into: &effects)
                return
            }
            result = .failed("p\(p): no leader found")
        case .dropped:
            result = .failed("p\(p): write lost its log slot to a new leader")
        case .overloaded:
            // Turned away before any work: not applied, and retrying into an overloaded store only adds load.
            result = .failed("\(node) overloaded")
        }
        finishWork(requestID: work.requestID, result: result, nowUs: nowUs, directory: directory, into: &effects)
    }

    /// Answers the balancer.
    private mutating func finishWork(requestID: Int, result: OpResult, nowUs: Int64, directory: some ServiceDirectory,
                                     into effects: inout Effects) {
        guard active.removeValue(forKey: requestID) != nil else { return }
        effects.send(.serviceResponse(requestID: requestID, result: result), from: id, to: .balancer)
    }
}
