/// The CPU of every process but the clients, by tier, addressed by `NodeID`.
struct ProcessPools {
    var balancer: WorkerPool
    var services: [WorkerPool] = []
    var caches: [WorkerPool] = []
    var stores: [WorkerPool] = []

    init(balancer: WorkerPool) { self.balancer = balancer }

    subscript(id: NodeID) -> WorkerPool {
        // `_read` lends the pool in place: a getter would copy it (queue, meter and all) on every look.
        _read {
            switch id.tier {
            case .balancer: yield balancer
            case .service: yield services[id.number - 1]
            case .cache: yield caches[id.number - 1]
            case .store: yield stores[id.number - 1]
            case .client: preconditionFailure("the clients have no worker pool")
            }
        }
        _modify {
            switch id.tier {
            case .balancer: yield &balancer
            case .service: yield &services[id.number - 1]
            case .cache: yield &caches[id.number - 1]
            case .store: yield &stores[id.number - 1]
            case .client: preconditionFailure("the clients have no worker pool")
            }
        }
    }

    /// Every pool, in the order lb, services, caches, stores.
    var all: [(id: NodeID, pool: WorkerPool)] {
        [(NodeID.balancer, balancer)] + services.indices.map { (NodeID.service($0 + 1), services[$0]) }
            + caches.indices.map { (NodeID.cache($0 + 1), caches[$0]) } + stores.indices.map { (NodeID.store($0 + 1), stores[$0]) }
    }

    /// Crash or restart of `id`: its CPU starts over (no work, no queue, no slow-down, no pause).
    mutating func resetIfPresent(_ id: NodeID) {
        guard id.tier != .client else { return }
        self[id].reset()
    }

    mutating func forEach(_ body: (inout WorkerPool) -> Void) {
        body(&balancer)
        for i in services.indices { body(&services[i]) }
        for i in caches.indices { body(&caches[i]) }
        for i in stores.indices { body(&stores[i]) }
    }
}
