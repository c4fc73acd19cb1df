/// Store nodes: host one Raft replica per partition, serve reads and writes on the leaders.
extension Cluster {
    func storeTick(store s: Int, epoch: Int) {
        guard stores[s].up, stores[s].epoch == epoch else { return }
        schedule(.storeTick(store: s, epoch: epoch), afterUs: config.raftTickMs * 1_000)
        for p in stores[s].partitionsHeld {
            guard stores[s].replicas[p] != nil else { continue }
            stores[s].replicas[p]!.tick()
            drainReplica(store: s, partition: p)
        }
    }

    func storeReceive(_ m: Message, store s: Int) {
        switch m.payload {
        case .raft(let p, let message):
            guard stores[s].replicas[p] != nil else { return }
            stores[s].replicas[p]!.step(message)
            drainReplica(store: s, partition: p)
        case .storeRequest(let callID, let p, let op):
            storeRequest(store: s, callID: callID, partition: p, op: op, from: m.from)
        default:
            return
        }
    }

    private func storeRequest(store s: Int, callID: Int, partition p: Int, op: ClientOp, from service: NodeID) {
        let me = stores[s].id
        guard let node = stores[s].replicas[p] else {
            send(.storeReply(callID: callID, reply: .notLeader(hint: nil)), from: me, to: service)
            return
        }
        guard node.role == .leader else {
            send(.storeReply(callID: callID, reply: .notLeader(hint: node.leaderID)), from: me, to: service)
            return
        }
        switch op {
        case .get(let key):
            let readID = stores[s].nextReadID
            stores[s].nextReadID += 1
            if stores[s].pendingReads.count < StoreState.maxPendingReads, stores[s].replicas[p]!.requestRead(id: readID) {
                stores[s].pendingReads[readID] = WaitingRead(callID: callID, service: service, key: key, partition: p)
            } else {
                send(.storeReply(callID: callID, reply: .notLeader(hint: nil)), from: me, to: service)
            }
        case .put(let key, let value):
            guard stores[s].pendingWrites.count < StoreState.maxPendingWrites else {
                send(.storeReply(callID: callID, reply: .notLeader(hint: nil)), from: me, to: service)
                return
            }
            switch stores[s].replicas[p]!.propose(.put(key: key, value: value)) {
            case .accepted(let index, let term):
                if replicationMode == .async {
                    // Acknowledge on local append: fast, and lost if this leader dies before replicating.
                    checker.writeAcknowledged(partition: p, index: index, term: term)
                    send(.storeReply(callID: callID, reply: .written), from: me, to: service)
                } else {
                    stores[s].pendingWrites.append(WaitingWrite(index: index, term: term, callID: callID, service: service, partition: p))
                }
            case .notLeader(let hint):
                send(.storeReply(callID: callID, reply: .notLeader(hint: hint)), from: me, to: service)
            case .rejected:
                send(.storeReply(callID: callID, reply: .notLeader(hint: nil)), from: me, to: service)
            }
        }
        drainReplica(store: s, partition: p)
    }

    /// Carries out what a replica handed back: messages, applied entries, answered reads; tracks leadership.
    func drainReplica(store s: Int, partition p: Int) {
        guard stores[s].replicas[p] != nil else { return }
        let ready = stores[s].replicas[p]!.drainReady()
        let me = stores[s].id
        for message in ready.messages {
            send(.raft(partition: p, message), from: me, to: message.to)
        }
        for entry in ready.applied {
            checker.entryApplied(partition: p, index: entry.index, term: entry.term, by: me)
        }
        if !ready.applied.isEmpty, !stores[s].pendingWrites.isEmpty {
            answerWrites(store: s, partition: p, applied: ready.applied)
        }
        for read in ready.readsReady {
            guard let pending = stores[s].pendingReads.removeValue(forKey: read.id) else { continue }
            let value = stores[s].replicas[p]!.value(ofKey: pending.key)
            send(.storeReply(callID: pending.callID, reply: .value(value)), from: me, to: pending.service)
        }
        for id in ready.readsDropped {
            guard let pending = stores[s].pendingReads.removeValue(forKey: id) else { continue }
            send(.storeReply(callID: pending.callID, reply: .notLeader(hint: stores[s].replicas[p]!.leaderID)),
                 from: me, to: pending.service)
        }
        for sent in ready.snapshotsSent {
            placement.snapshotSent(partition: p, to: sent.to, keys: sent.keys)
        }
        trackLeadership(store: s, partition: p)
    }

    private func answerWrites(store s: Int, partition p: Int, applied: [LogEntry]) {
        let me = stores[s].id
        let lastApplied = applied[applied.count - 1].index
        var keep: [WaitingWrite] = []
        keep.reserveCapacity(stores[s].pendingWrites.count)
        for w in stores[s].pendingWrites {
            guard w.partition == p, w.index <= lastApplied else { keep.append(w); continue }
            guard let entry = applied.first(where: { $0.index == w.index }) else {
                // Jumped over by a snapshot: the write may or may not be in it. Say nothing; the caller's
                // timeout then reports the outcome as unknown, which is the truth.
                continue
            }
            if entry.term == w.term {
                checker.writeAcknowledged(partition: p, index: w.index, term: w.term)
                send(.storeReply(callID: w.callID, reply: .written), from: me, to: w.service)
            } else {
                send(.storeReply(callID: w.callID, reply: .dropped), from: me, to: w.service)
            }
        }
        stores[s].pendingWrites = keep
    }

    /// Notices a replica becoming or ceasing to be leader, for the event log and the election-safety check.
    func trackLeadership(store s: Int, partition p: Int) {
        guard let node = stores[s].replicas[p] else { return }
        let me = stores[s].id
        if node.role == .leader {
            // A deposed leader that has not yet heard of the newer term is not news.
            guard node.term >= partitionTracks[p].leaderTerm else { return }
            if partitionTracks[p].leader != me || partitionTracks[p].leaderTerm != node.term {
                let previous = partitionTracks[p].leader
                partitionTracks[p] = PartitionTrack(leader: me, leaderTerm: node.term, since: now)
                if let violation = checker.leaderElected(partition: p, term: node.term, leader: me) {
                    log(.check, violation)
                }
                let was = previous.map { " (was \($0))" } ?? ""
                log(.leader, "p\(p): \(me) is leader, term \(node.term)\(was)")
            }
        } else if partitionTracks[p].leader == me && partitionTracks[p].leaderTerm <= node.term {
            partitionTracks[p].leader = nil
            partitionTracks[p].since = now
            log(.leader, "p\(p): \(me) stepped down in term \(node.term); no leader")
        }
    }

    /// Crash: every replica keeps only its durable state; waiting callers get nothing (they time out).
    func crashStore(_ s: Int) {
        stores[s].up = false
        stores[s].downSinceUs = now.us
        stores[s].epoch += 1
        for p in stores[s].partitionsHeld {
            guard let node = stores[s].replicas[p] else { continue }
            stores[s].saved[p] = node.durable
            if partitionTracks[p].leader == stores[s].id {
                partitionTracks[p].leader = nil
                partitionTracks[p].since = now
                log(.leader, "p\(p): leader \(stores[s].id) went down; no leader")
            }
        }
        for p in stores[s].partitionsHeld { stores[s].replicas[p] = nil }
        stores[s].pendingWrites.removeAll()
        stores[s].pendingReads.removeAll()
    }

    /// Restart: each replica comes back from its durable state alone.
    func restartStore(_ s: Int) {
        stores[s].up = true
        stores[s].dead = false
        stores[s].epoch += 1
        let epoch = stores[s].epoch
        for p in stores[s].partitionsHeld {
            guard let durable = stores[s].saved.removeValue(forKey: p) else { continue }
            let node = RaftNode(restarting: durable, id: stores[s].id, config: raftConfig,
                                random: root.stream("raft/p\(p)/\(stores[s].id)/\(epoch)"))
            stores[s].setReplica(node, partition: p)
        }
        schedule(.storeTick(store: s, epoch: epoch), afterUs: config.raftTickMs * 1_000)
    }
}
