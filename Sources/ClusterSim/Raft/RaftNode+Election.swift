/// Elections: timeouts, PreVote, RequestVote and counting votes (§5.2, §5.4.1, thesis §9.6).
extension RaftNode {
    /// Starts an election at once, skipping PreVote (the host uses it at boot to spread leaders).
    /// Does nothing on a leader or on a replica that is not a voter.
    public mutating func campaign() {
        guard role != .leader, isVoter else { return }
        becomeCandidate(transfer: false)
    }

    /// The host's election timer ran out (only with `config.electionTimeoutUs`; the host reads the timer
    /// from `electionTimer`). A follower or candidate campaigns; a leader ignores it.
    public mutating func electionTimeout() {
        guard role != .leader, config.electionTimeoutUs != nil else { return }
        campaignAfterTimeout()
    }

    mutating func tickElection() {
        electionElapsed += 1
        guard config.electionTimeoutUs == nil, electionElapsed >= randomizedElectionTicks else { return }
        campaignAfterTimeout()
    }

    /// No leader was heard for a whole election timeout: stand for election (PreVote first, when on).
    private mutating func campaignAfterTimeout() {
        resetElectionTimer()
        // A replica that is not a voter (a learner, or one removed from the group) never campaigns.
        guard isVoter else { return }
        if config.preVote { becomePreCandidate() } else { becomeCandidate(transfer: false) }
    }

    mutating func becomePreCandidate() {
        role = .preCandidate
        leaderID = nil
        votes = [:]
        resetElectionTimer()
        recordVote(from: id, granted: true)
        if hasWonVote() {
            becomeCandidate(transfer: false)
            return
        }
        for v in membership.voters where v != id {
            send(to: v, .preVote(lastIndex: log.lastIndex, lastTerm: log.lastTerm), term: term + 1)
        }
    }

    mutating func becomeCandidate(transfer: Bool) {
        if role == .leader { abandonLeadership() }
        role = .candidate
        term += 1
        votedFor = id
        leaderID = nil
        votes = [:]
        resetElectionTimer()
        recordVote(from: id, granted: true)
        if hasWonVote() {
            becomeLeader()
            return
        }
        for v in membership.voters where v != id {
            send(to: v, .vote(lastIndex: log.lastIndex, lastTerm: log.lastTerm, transfer: transfer))
        }
    }

    mutating func recordVote(from node: NodeID, granted: Bool) {
        guard membership.voters.contains(node), votes[node] == nil else { return }
        votes[node] = granted
    }

    func hasWonVote() -> Bool {
        membership.voters.filter { votes[$0] == true }.count >= quorumSize
    }

    func hasLostVote() -> Bool {
        membership.voters.filter { votes[$0] == false }.count > membership.voters.count - quorumSize
    }

    /// Answers a PreVote or RequestVote whose term is not below ours (terms were settled in `step`).
    mutating func handleVoteRequest(from candidate: NodeID, term requestTerm: Int, lastIndex: Int, lastTerm: Int, pre: Bool) {
        let logOK = log.isUpToDate(lastIndex: lastIndex, lastTerm: lastTerm)
        let free: Bool
        if pre {
            // A PreVote for a later term may be granted even after voting in this term.
            free = requestTerm > term && !inLease
        } else {
            free = votedFor == candidate || (votedFor == nil && leaderID == nil)
        }
        // Answer whatever our own view of the membership: a learner promoted by an entry it has not
        // received yet must still be able to vote (etcd does the same). The candidate counts only the
        // voters of its own configuration, so a learner's answer never counts (see `recordVote`).
        let granted = logOK && free
        if pre {
            send(to: candidate, .preVoteResponse(granted: granted), term: granted ? requestTerm : term)
        } else {
            if granted {
                votedFor = candidate
                resetElectionTimer()
            }
            send(to: candidate, .voteResponse(granted: granted))
        }
    }

    /// A pre-candidate or candidate handles a message whose term is at least its own.
    mutating func stepCandidate(_ m: RaftMessage) {
        switch m.kind {
        case .preVoteResponse(let granted) where role == .preCandidate:
            // Grants carry term + 1; refusals with a higher term already made us a follower.
            guard !granted || m.term == term + 1 else { return }
            recordVote(from: m.from, granted: granted)
            if hasWonVote() {
                becomeCandidate(transfer: false)
            } else if hasLostVote() {
                becomeFollower(term: term, leader: nil)
            }
        case .voteResponse(let granted) where role == .candidate:
            recordVote(from: m.from, granted: granted)
            if hasWonVote() {
                becomeLeader()
            } else if hasLostVote() {
                becomeFollower(term: term, leader: nil)
            }
        case .append, .heartbeat, .snapshot:
            // A leader exists for our term (§5.2): follow it.
            becomeFollower(term: m.term, leader: m.from)
            stepFollower(m)
        default:
            break
        }
    }
}
