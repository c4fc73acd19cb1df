/// The load balancer: picks a healthy service instance per request, runs active and passive health checks.
extension Cluster {
    func balancerReceive(_ m: Message) {
        switch m.payload {
        case .clientRequest(let opID, let op):
            route(opID: opID, op: op)
        case .serviceResponse(let requestID, let result):
            guard let fwd = balancer.forwards.removeValue(forKey: requestID) else { return }
            balancer.servers[fwd.server].inFlight -= 1
            switch result {
            case .failed: passiveFailure(server: fwd.server)
            default: balancer.servers[fwd.server].passiveFailures = 0
            }
            send(.clientResponse(opID: fwd.opID, result: result), from: .balancer, to: .client)
        case .healthPong(let sequence):
            guard let s = balancer.servers.firstIndex(where: { $0.id == m.from }),
                  balancer.servers[s].outstandingCheck == sequence else { return }
            balancer.servers[s].outstandingCheck = nil
            checkResult(server: s, passed: true)
        default:
            return
        }
    }

    private func route(opID: Int, op: ClientOp) {
        guard balancer.forwards.count < BalancerState.maxForwards, let s = pickServer() else {
            send(.clientResponse(opID: opID, result: .failed("no healthy service instance")), from: .balancer, to: .client)
            return
        }
        let requestID = balancer.nextRequestID
        balancer.nextRequestID += 1
        balancer.forwards[requestID] = Forward(opID: opID, server: s)
        balancer.servers[s].inFlight += 1
        balancer.servers[s].requests += 1
        balancer.servers[s].window.add()
        balancer.totalWindow.add()
        send(.serviceRequest(requestID: requestID, op: op), from: .balancer, to: balancer.servers[s].id)
        schedule(.forwardTimeout(requestID: requestID), afterUs: workload.config.timeoutMs * 1_000)
    }

    /// Round-robin over eligible servers, or the less loaded (fewer in flight) of two random eligible ones.
    private func pickServer() -> Int? {
        let eligible = balancer.servers.indices.filter { balancer.servers[$0].isEligible(nowUs: now.us) }
        guard !eligible.isEmpty else { return nil }
        switch balancer.algorithm {
        case .roundRobin:
            let start = balancer.roundRobinNext
            let n = balancer.servers.count
            for step in 0..<n {
                let candidate = (start + step) % n
                if balancer.servers[candidate].isEligible(nowUs: now.us) {
                    balancer.roundRobinNext = (candidate + 1) % n
                    return candidate
                }
            }
            return nil
        case .powerOfTwo:
            if eligible.count == 1 { return eligible[0] }
            let a = balancer.random.below(eligible.count)
            var b = balancer.random.below(eligible.count - 1)
            if b >= a { b += 1 }
            let x = eligible[a], y = eligible[b]
            return balancer.servers[y].inFlight < balancer.servers[x].inFlight ? y : x
        }
    }

    func forwardTimeout(requestID: Int) {
        guard let fwd = balancer.forwards.removeValue(forKey: requestID) else { return }
        balancer.servers[fwd.server].inFlight -= 1
        passiveFailure(server: fwd.server)
    }

    private func passiveFailure(server s: Int) {
        balancer.servers[s].passiveFailures += 1
        guard balancer.servers[s].passiveFailures >= config.passiveEjectAfterFailures,
              balancer.servers[s].ejectedUntilUs.map({ now.us >= $0 }) ?? true else { return }
        // Envoy: at most 10 % of hosts ejected at once, but always allow one.
        let ejectedNow = balancer.servers.filter { $0.ejectedUntilUs.map { now.us < $0 } ?? false }.count
        guard ejectedNow < max(1, balancer.servers.count / 10) else { return }
        balancer.servers[s].ejections += 1
        let ms = config.passiveEjectionMs * Int64(balancer.servers[s].ejections)
        balancer.servers[s].ejectedUntilUs = now.us + ms * 1_000
        balancer.servers[s].passiveFailures = 0
        log(.health, "lb ejected \(balancer.servers[s].id) for \(ms / 1_000)s after \(config.passiveEjectAfterFailures) failed requests")
    }

    func healthCheckRound() {
        schedule(.healthCheckRound, afterUs: config.healthCheckIntervalMs * 1_000)
        guard balancer.up else { return }
        for s in balancer.servers.indices {
            balancer.checkSequence += 1
            let seq = balancer.checkSequence
            balancer.servers[s].outstandingCheck = seq
            send(.healthPing(sequence: seq), from: .balancer, to: balancer.servers[s].id)
            schedule(.healthCheckTimeout(server: s, sequence: seq), afterUs: config.healthCheckTimeoutMs * 1_000)
        }
    }

    func healthCheckTimeout(server s: Int, sequence: Int) {
        guard balancer.servers[s].outstandingCheck == sequence else { return }
        balancer.servers[s].outstandingCheck = nil
        checkResult(server: s, passed: false)
    }

    private func checkResult(server s: Int, passed: Bool) {
        if passed {
            balancer.servers[s].checkFailures = 0
            balancer.servers[s].checkSuccesses += 1
            if !balancer.servers[s].activeHealthy && balancer.servers[s].checkSuccesses >= config.healthRise {
                balancer.servers[s].activeHealthy = true
                log(.health, "lb: \(balancer.servers[s].id) UP (\(config.healthRise) checks passed)")
            }
        } else {
            balancer.servers[s].checkSuccesses = 0
            balancer.servers[s].checkFailures += 1
            if balancer.servers[s].activeHealthy && balancer.servers[s].checkFailures >= config.healthFall {
                balancer.servers[s].activeHealthy = false
                log(.health, "lb: \(balancer.servers[s].id) DOWN (\(config.healthFall) checks failed)")
            }
        }
    }
}
