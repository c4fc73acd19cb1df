/// Service instances: stateless request handlers that read through the cache tier and write to the store.
extension Cluster {
    static let storeCallTimeoutUs: Int64 = 300_000
    /// A service stops retrying a request this long after it started (the client gives up at its timeout).
    var serviceDeadlineUs: Int64 { workload.config.timeoutMs * 1_000 * 9 / 10 }

    func serviceReceive(_ m: Message, service s: Int) {
        switch m.payload {
        case .serviceRequest(let requestID, let op):
            if services[s].active.count < config.serviceMaxInFlight {
                startWork(service: s, requestID: requestID, op: op)
            } else if services[s].queue.count < config.serviceQueueLimit {
                services[s].queue.append((requestID, op))
            } else {
                send(.serviceResponse(requestID: requestID, result: .failed("\(services[s].id) overloaded")),
                     from: services[s].id, to: .balancer)
            }
        case .healthPing(let sequence):
            send(.healthPong(sequence: sequence), from: services[s].id, to: .balancer)
        case .cacheGetReply(let callID, let found, let value):
            guard let call = services[s].calls.removeValue(forKey: callID),
                  var work = services[s].active[call.requestID] else { return }
            if found {
                finishWork(service: s, requestID: call.requestID, result: .ok(value: value, fromCache: true))
            } else {
                work.fillCache = true
                services[s].active[call.requestID] = work
                callStore(service: s, requestID: call.requestID)
            }
        case .storeReply(let callID, let reply):
            guard let call = services[s].calls.removeValue(forKey: callID),
                  let work = services[s].active[call.requestID] else { return }
            handleStoreReply(service: s, work: work, from: call.node, reply: reply)
        default:
            return
        }
    }

    private func startWork(service s: Int, requestID: Int, op: ClientOp) {
        services[s].active[requestID] = ServiceWork(requestID: requestID, op: op, startUs: now.us)
        switch op {
        case .get(let key):
            let cache = NodeID.cache(ring.owner(ofKey: key))
            let callID = newCall(service: s, ServiceCall(requestID: requestID, target: .cache, node: cache))
            send(.cacheGet(callID: callID, key: key), from: services[s].id, to: cache)
            schedule(.serviceCallTimeout(service: s, callID: callID, epoch: services[s].epoch),
                     afterUs: config.serviceCallTimeoutMs * 1_000)
        case .put:
            callStore(service: s, requestID: requestID)
        }
    }

    private func newCall(service s: Int, _ call: ServiceCall) -> Int {
        let id = services[s].nextCallID
        services[s].nextCallID += 1
        services[s].calls[id] = call
        return id
    }

    /// Sends the request to the node believed to lead its partition (or the next replica when unsure).
    private func callStore(service s: Int, requestID: Int) {
        guard var work = services[s].active[requestID] else { return }
        let p = Workload.partition(ofKey: work.op.key, partitions: config.partitions)
        let replicas = routingReplicas(partition: p)
        guard !replicas.isEmpty else {
            finishWork(service: s, requestID: requestID, result: .failed("p\(p) has no replicas"))
            return
        }
        let target = services[s].leaderHint[p] ?? replicas[work.storeAttempts % replicas.count]
        work.storeAttempts += 1
        services[s].active[requestID] = work
        if work.op.isRead { storeReadWindow.add() }
        let callID = newCall(service: s, ServiceCall(requestID: requestID, target: .store, node: target))
        send(.storeRequest(callID: callID, partition: p, op: work.op), from: services[s].id, to: target)
        schedule(.serviceCallTimeout(service: s, callID: callID, epoch: services[s].epoch), afterUs: Cluster.storeCallTimeoutUs)
    }

    private func canRetry(_ work: ServiceWork) -> Bool {
        work.storeAttempts < 8 && now.us - work.startUs < serviceDeadlineUs
    }

    private func handleStoreReply(service s: Int, work: ServiceWork, from node: NodeID, reply: StoreReply) {
        let p = Workload.partition(ofKey: work.op.key, partitions: config.partitions)
        let cache = NodeID.cache(ring.owner(ofKey: work.op.key))
        switch reply {
        case .value(let v):
            services[s].leaderHint[p] = node
            if work.fillCache { send(.cacheFill(key: work.op.key, value: v), from: services[s].id, to: cache) }
            finishWork(service: s, requestID: work.requestID, result: .ok(value: v, fromCache: false))
        case .written:
            services[s].leaderHint[p] = node
            send(.cacheInvalidate(key: work.op.key), from: services[s].id, to: cache)
            finishWork(service: s, requestID: work.requestID, result: .ok(value: nil, fromCache: false))
        case .notLeader(let hint):
            // Not proposed anywhere, so a retry is safe for writes too.
            if let hint, hint != node { services[s].leaderHint[p] = hint } else { services[s].leaderHint[p] = nil }
            if canRetry(work) {
                callStore(service: s, requestID: work.requestID)
            } else {
                finishWork(service: s, requestID: work.requestID, result: .failed("p\(p): no leader found"))
            }
        case .dropped:
            finishWork(service: s, requestID: work.requestID, result: .failed("p\(p): write lost its log slot to a new leader"))
        }
    }

    func serviceCallTimeout(service s: Int, callID: Int, epoch: Int) {
        guard services[s].epoch == epoch, let call = services[s].calls.removeValue(forKey: callID),
              var work = services[s].active[call.requestID] else { return }
        switch call.target {
        case .cache:
            // The cache node did not answer: a miss as far as the service can tell (so a dead cache node
            // shows in the hit ratio), and the read falls through to the store (the load lands there).
            cacheLookupWindow.add()
            work.fillCache = false
            services[s].active[call.requestID] = work
            callStore(service: s, requestID: call.requestID)
        case .store:
            let p = Workload.partition(ofKey: work.op.key, partitions: config.partitions)
            services[s].leaderHint[p] = nil
            if work.op.isRead && canRetry(work) {
                callStore(service: s, requestID: call.requestID)
            } else if work.op.isRead {
                finishWork(service: s, requestID: call.requestID, result: .failed("p\(p): store did not answer"))
            } else {
                // The write may or may not have been proposed: retrying could apply it twice.
                finishWork(service: s, requestID: call.requestID, result: .unknown("p\(p): store did not answer"))
            }
        }
    }

    private func finishWork(service s: Int, requestID: Int, result: OpResult) {
        guard services[s].active.removeValue(forKey: requestID) != nil else { return }
        send(.serviceResponse(requestID: requestID, result: result), from: services[s].id, to: .balancer)
        if !services[s].queue.isEmpty {
            let next = services[s].queue.removeFirst()
            startWork(service: s, requestID: next.requestID, op: next.op)
        }
    }

    func cacheReceive(_ m: Message, cache c: Int) {
        switch m.payload {
        case .cacheGet(let callID, let key):
            cacheLookupWindow.add()
            if let hit = caches[c].lru.lookup(key, nowUs: now.us) {
                cacheHitWindow.add()
                send(.cacheGetReply(callID: callID, found: true, value: hit), from: caches[c].id, to: m.from)
            } else {
                send(.cacheGetReply(callID: callID, found: false, value: nil), from: caches[c].id, to: m.from)
            }
        case .cacheFill(let key, let value):
            caches[c].lru.fill(key, value: value, nowUs: now.us)
        case .cacheInvalidate(let key):
            caches[c].lru.invalidate(key)
        default:
            return
        }
    }
}
