/// The load balancer `lb` as a process: it picks a healthy service instance per client request, relays the
/// answer back, and runs HAProxy-style active health checks and Envoy-style passive ejection
/// (ejection at most 10 % of hosts at once).
struct Balancer {
    let id = NodeID.balancer
    private(set) var algorithm: BalancerAlgorithm
    private(set) var backends: [Backend] = []
    private(set) var isUp = true
    /// Requests routed over the last ten seconds, for each backend's share.
    private(set) var totalWindow = RateWindow()
    let settings: BalancerSettings
    private var roundRobinNext = 0
    private var random: SimRandom
    private var forwards: [Int: Forward] = [:]
    private var nextRequestID = 1
    private var checkSequence = 0

    init(algorithm: BalancerAlgorithm, settings: BalancerSettings, random: SimRandom) {
        self.algorithm = algorithm
        self.settings = settings
        self.random = random
    }

    // MARK: operator actions

    /// A new service instance joins the pool (healthy at once at boot, after its checks pass otherwise).
    mutating func addBackend(_ id: NodeID, healthy: Bool) {
        backends.append(Backend(id: id, activeHealthy: healthy))
    }

    mutating func setAlgorithm(_ algorithm: BalancerAlgorithm) { self.algorithm = algorithm }

    /// Crash: every forwarded request is forgotten (its client times out).
    mutating func crash() {
        isUp = false
        for id in forwards.keys.sorted() { backends[forwards[id]!.server].inFlight -= 1 }
        forwards.removeAll()
        assert(backends.allSatisfy { $0.inFlight >= 0 }, "a backend's in-flight count went negative")
    }

    mutating func restart() { isUp = true }

    /// Once a virtual second: the oldest second of every rate window is forgotten.
    mutating func rotateWindows() {
        for i in backends.indices { backends[i].window.rotate() }
        totalWindow.rotate()
    }

    /// The share of the last ten seconds' requests that went to backend `server`.
    func share(ofServer server: Int) -> Double {
        let total = totalWindow.total
        return total == 0 ? 0 : Double(backends[server].window.total) / Double(total)
    }

    // MARK: handling

    mutating func receive(_ m: Message, nowUs: Int64, into effects: inout Effects) {
        switch m.payload {
        case .clientRequest(let opID, let op):
            route(opID: opID, op: op, nowUs: nowUs, into: &effects)
        case .serviceResponse(let requestID, let result):
            guard let fwd = forwards.removeValue(forKey: requestID) else { return }
            backends[fwd.server].inFlight -= 1
            assert(backends[fwd.server].inFlight >= 0, "\(backends[fwd.server].id): in-flight count went negative")
            switch result {
            case .failed: passiveFailure(server: fwd.server, nowUs: nowUs, into: &effects)
            default: backends[fwd.server].passiveFailures = 0
            }
            effects.send(.clientResponse(opID: fwd.opID, result: result), from: id, to: .client)
        case .healthPong(let sequence):
            guard let s = backends.firstIndex(where: { $0.id == m.from }),
                  backends[s].outstandingCheck == sequence else { return }
            backends[s].outstandingCheck = nil
            checkResult(server: s, passed: true, into: &effects)
        default:
            return
        }
    }

    mutating func forwardTimeout(requestID: Int, nowUs: Int64, into effects: inout Effects) {
        guard let fwd = forwards.removeValue(forKey: requestID) else { return }
        backends[fwd.server].inFlight -= 1
        assert(backends[fwd.server].inFlight >= 0, "\(backends[fwd.server].id): in-flight count went negative")
        passiveFailure(server: fwd.server, nowUs: nowUs, into: &effects)
    }

    private mutating func route(opID: Int, op: ClientOp, nowUs: Int64, into effects: inout Effects) {
        guard forwards.count < ClusterLimits.balancerForwardsMax, let s = pickServer(nowUs: nowUs) else {
            effects.send(.clientResponse(opID: opID, result: .failed("no healthy service instance")), from: id, to: .client)
            return
        }
        let requestID = nextRequestID
        nextRequestID += 1
        forwards[requestID] = Forward(opID: opID, server: s)
        backends[s].inFlight += 1
        backends[s].requests += 1
        backends[s].window.add()
        totalWindow.add()
        effects.send(.serviceRequest(requestID: requestID, op: op), from: id, to: backends[s].id)
        effects.setTimer(afterUs: settings.requestTimeoutUs, .forwardTimeout(requestID: requestID))
    }

    /// Round-robin over eligible servers, or the less loaded (fewer in flight) of two random eligible ones.
    private mutating func pickServer(nowUs: Int64) -> Int? {
        let eligible = backends.indices.filter { backends[$0].isEligible(nowUs: nowUs) }
        guard !eligible.isEmpty else { return nil }
        switch algorithm {
        case .roundRobin:
            let start = roundRobinNext
            let n = backends.count
            for step in 0..<n {
                let candidate = (start + step) % n
                if backends[candidate].isEligible(nowUs: nowUs) {
                    roundRobinNext = (candidate + 1) % n
                    return candidate
                }
            }
            return nil
        case .powerOfTwo:
            if eligible.count == 1 { return eligible[0] }
            let a = random.below(eligible.count)
            var b = random.below(eligible.count - 1)
            if b >= a { b += 1 }
            let x = eligible[a], y = eligible[b]
            return backends[y].inFlight < backends[x].inFlight ? y : x
        }
    }

    private mutating func passiveFailure(server s: Int, nowUs: Int64, into effects: inout Effects) {
        backends[s].passiveFailures += 1
        guard backends[s].passiveFailures >= settings.passiveEjectAfterFailures,
              !backends[s].isEjected(nowUs: nowUs) else { return }
        // Envoy: at most 10 % of hosts ejected at once, but always allow one.
        let ejectedNow = backends.filter { $0.isEjected(nowUs: nowUs) }.count
        guard ejectedNow < max(1, backends.count / 10) else { return }
        backends[s].ejections += 1
        let ms = settings.passiveEjectionMs * Int64(backends[s].ejections)
        backends[s].ejectedUntilUs = nowUs + ms * 1_000
        backends[s].passiveFailures = 0
        effects.log(.health, "lb ejected \(backends[s].id) for \(ms / 1_000)s after \(settings.passiveEjectAfterFailures) failed requests")
    }

    // MARK: active health checks

    /// Pings every backend; a pong within the check timeout passes, silence fails (rise/fall counts).
    mutating func healthCheckRound(into effects: inout Effects) {
        effects.setTimer(afterUs: settings.healthCheckIntervalUs, .healthCheckRound)
        guard isUp else { return }
        for s in backends.indices {
            checkSequence += 1
            let seq = checkSequence
            backends[s].outstandingCheck = seq
            effects.send(.healthPing(sequence: seq), from: id, to: backends[s].id)
            effects.setTimer(afterUs: settings.healthCheckTimeoutUs, .healthCheckTimeout(server: s, sequence: seq))
        }
    }

    mutating func healthCheckTimeout(server s: Int, sequence: Int, into effects: inout Effects) {
        guard backends[s].outstandingCheck == sequence else { return }
        backends[s].outstandingCheck = nil
        checkResult(server: s, passed: false, into: &effects)
    }

    private mutating func checkResult(server s: Int, passed: Bool, into effects: inout Effects) {
        if passed {
            backends[s].checkFailures = 0
            backends[s].checkSuccesses += 1
            if !backends[s].activeHealthy && backends[s].checkSuccesses >= settings.healthRise {
                backends[s].activeHealthy = true
                effects.log(.health, "lb: \(backends[s].id) UP (\(settings.healthRise) checks passed)")
            }
        } else {
            backends[s].checkSuccesses = 0
            backends[s].checkFailures += 1
            if backends[s].activeHealthy && backends[s].checkFailures >= settings.healthFall {
                backends[s].activeHealthy = false
                effects.log(.health, "lb: \(backends[s].id) DOWN (\(settings.healthFall) checks failed)")
            }
        }
    }
}
