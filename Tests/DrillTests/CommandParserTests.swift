import Testing
import ClusterSim
@testable import Drill

/// The command language parses each command to exactly one `ClusterCommand`, against the default cluster.
struct CommandParserTests {
    static let topology = Topology(config: ClusterConfig())

    static let valid: [(String, ClusterCommand)] = [
        ("add store", .add(.store)),
        ("add service", .add(.service)),
        ("add cache", .add(.cache)),
        ("kill n2", .kill(.store(2))),
        ("kill lb", .kill(.balancer)),
        ("restart s3", .restart(.service(3))),
        ("isolate c1", .isolate(.cache(1))),
        ("partition n1 n2 | n3 n4 n5", .partition([[.store(1), .store(2)], [.store(3), .store(4), .store(5)]])),
        ("partition n1|n2|lb s1", .partition([[.store(1)], [.store(2)], [.balancer, .service(1)]])),
        ("heal", .heal),
        ("rebalance", .rebalance),
        ("lb round-robin", .balancer(.roundRobin)),
        ("lb p2c", .balancer(.powerOfTwo)),
        ("latency 50", .latency(ms: 50, jitterMs: 0)),
        ("latency 0", .latency(ms: 0, jitterMs: 0)),
        ("latency 50ms jitter 10", .latency(ms: 50, jitterMs: 10)),
        ("loss 5", .loss(percent: 5)),
        ("loss 2.5%", .loss(percent: 2.5)),
        ("loss 100", .loss(percent: 100)),
        ("workload rate=200", .workload(WorkloadChange(ratePerSecond: 200))),
        ("workload reads=0.9 keys=500 zipf=0", .workload(WorkloadChange(readFraction: 0.9, keys: 500, zipfExponent: 0))),
        ("workload zipf=1.2 rate=100000 reads=1", .workload(WorkloadChange(ratePerSecond: 100_000, readFraction: 1, zipfExponent: 1.2))),
        ("replication raft", .replication(.raft)),
        ("replication sync", .replication(.sync)),
        ("replication async", .replication(.async)),
        ("  kill\tn5   # trailing comment", .kill(.store(5))),
        ("slow n3 20", .slow(.store(3), factor: 20)),
        ("slow s1 1.5x", .slow(.service(1), factor: 1.5)),
        ("slow lb 1", .slow(.balancer, factor: 1)),
        ("pause n1 2s", .pause(.store(1), durationMs: 2_000)),
        ("pause c2 500ms", .pause(.cache(2), durationMs: 500)),
        ("cut n1 n2", .cut(from: .store(1), to: .store(2))),
        ("cut s1 lb", .cut(from: .service(1), to: .balancer)),
        ("shed on", .shed(true)),
        ("shed off", .shed(false)),
        ("workload retries=3", .workload(WorkloadChange(retries: 3))),
        ("workload rate=500 retries=0", .workload(WorkloadChange(ratePerSecond: 500, retries: 0))),
    ]

    // Every command and argument form the language documents maps to the command the simulation expects.
    @Test(arguments: valid)
    func parsesCommand(line: String, expected: ClusterCommand) throws {
        #expect(try CommandParser.parse(line, topology: Self.topology) == expected)
    }

    static let invalid: [(String, String, Int)] = [
        ("", "empty command: expected one of add, kill, restart, isolate, partition, heal, rebalance, lb, latency, loss, workload, replication, slow, pause, cut, shed", 1),
        ("kil n2", "unknown command kil: did you mean kill?", 1),
        ("reblance", "unknown command reblance: did you mean rebalance?", 1),
        ("explode n1", "unknown command explode", 1),
        ("kill", "kill needs a node, e.g. kill n2", 5),
        ("kill n2 n3", "kill: unexpected extra argument n3", 9),
        ("kill n9", "unknown node n9: this cluster has n1..n5", 6),
        ("restart s4", "unknown node s4: this cluster has s1..s3", 9),
        ("isolate x1", "unknown node x1: this cluster has lb, s1..s3, c1..c3, n1..n5", 9),
        ("isolate client", "unknown node client: this cluster has lb, s1..s3, c1..c3, n1..n5", 9),
        ("add", "add needs a tier (store, service or cache), e.g. add store", 4),
        ("add stor", "unknown tier stor: add takes store, service or cache: did you mean store?", 5),
        ("add store now", "add: unexpected extra argument now", 11),
        ("heal everything", "heal: unexpected extra argument everything", 6),
        ("rebalance now", "rebalance: unexpected extra argument now", 11),
        ("partition", "partition needs at least two groups separated by |, e.g. partition n1 n2 | n3 n4 n5", 10),
        ("partition n1 n2", "partition needs at least two groups separated by |, e.g. partition n1 n2 | n3 n4 n5", 16),
        ("partition | n1", "partition: empty group before |", 11),
        ("partition n1 | | n2", "partition: empty group before |", 16),
        ("partition n1 |", "partition: empty group after |", 14),
        ("partition n1 n2 | n3 n2", "partition: n2 is named twice; a node belongs to one group only", 22),
        ("partition n1 | n7", "unknown node n7: this cluster has n1..n5", 16),
        ("lb", "lb needs an algorithm (round-robin or p2c), e.g. lb p2c", 3),
        ("lb random", "unknown algorithm random: expected round-robin or p2c", 4),
        ("lb p2", "unknown algorithm p2: expected round-robin or p2c: did you mean p2c?", 4),
        ("latency", "latency needs milliseconds, e.g. latency 50", 8),
        ("latency fast", "bad number fast: latency takes whole milliseconds", 9),
        ("latency 1.5", "bad number 1.5: latency takes whole milliseconds", 9),
        ("latency -5", "latency -5 is out of range (0 to 60000 ms)", 9),
        ("latency 50 wobble 5", "latency: expected jitter after the milliseconds, got wobble", 12),
        ("latency 50 jitter", "latency needs jitter milliseconds, e.g. latency 50 jitter 10", 18),
        ("latency 50 jitter 70000", "jitter 70000 is out of range (0 to 60000 ms)", 19),
        ("loss", "loss needs a percentage, e.g. loss 5", 5),
        ("loss lots", "bad number lots: loss takes a percentage from 0 to 100", 6),
        ("loss nan", "bad number nan: loss takes a percentage from 0 to 100", 6),
        ("loss 150", "loss 150 is out of range (0 to 100)", 6),
        ("loss -1", "loss -1 is out of range (0 to 100)", 6),
        ("workload", "workload needs at least one of rate=, reads=, keys=, zipf=, retries=, e.g. workload rate=200", 9),
        ("workload rate", "workload: expected setting=value, got rate", 10),
        ("workload reeds=0.5", "workload: unknown setting reeds (expected rate, reads, keys, zipf or retries): did you mean reads?", 10),
        ("workload rate=1 rate=2", "workload: rate is given twice", 17),
        ("workload rate=0", "rate=0 is out of range (from 0.001 to 100000)", 10),
        ("workload rate=100001", "rate=100001 is out of range (from 0.001 to 100000)", 10),
        ("workload rate=1e5", "bad number 1e5 (not a decimal number): rate takes a decimal number", 10),
        ("workload reads=1.5", "reads=1.5 is out of range (0 to 1)", 10),
        ("workload keys=0", "keys=0 is out of range (1 to 10000000)", 10),
        ("workload keys=2.5", "bad number 2.5: keys takes a whole number", 10),
        ("workload zipf=-1", "zipf=-1 is out of range (0 to 10)", 10),
        ("replication", "replication needs a mode (raft, sync or async), e.g. replication raft", 12),
        ("replication paxos", "unknown replication mode paxos: expected raft, sync or async", 13),
        ("replication synk", "unknown replication mode synk: expected raft, sync or async: did you mean sync?", 13),
        ("slow", "slow needs a node and a factor, e.g. slow n3 20", 5),
        ("slow n3", "slow needs a factor after n3, e.g. slow n3 20", 8),
        ("slow n3 fast", "bad number fast (not a decimal number): slow takes a factor such as 20", 9),
        ("slow n3 0", "slow factor 0 is out of range (above 0, at most 1000)", 9),
        ("slow n3 5000", "slow factor 5000 is out of range (above 0, at most 1000)", 9),
        ("slow n3 20 extra", "slow: unexpected extra argument extra", 12),
        ("pause n1", "pause needs a duration after n1, e.g. pause n1 2s", 9),
        ("pause n1 forever", "bad duration forever: expected a number and a unit, e.g. 500ms, 2s, 1.5m", 10),
        ("pause n1 20m", "pause 20m is out of range (1ms to 600s)", 10),
        ("cut n1", "cut needs a second node (messages from n1 to it are dropped), e.g. cut n1 n2", 7),
        ("cut n1 n1", "cut needs two different nodes, got n1 twice", 8),
        ("cut n1 n9", "unknown node n9: this cluster has n1..n5", 8),
        ("shed", "shed needs on or off, e.g. shed on", 5),
        ("shed maybe", "shed takes on or off, not maybe", 6),
        ("shed on now", "shed: unexpected extra argument now", 9),
        ("workload retries=11", "retries=11 is out of range (0 to 10)", 10),
        ("workload retries=1.5", "bad number 1.5: retries takes a whole number", 10),
        ("kill \"n2", "unterminated quote: the string opened here has no closing \"", 6),
    ]

    // Each kind of mistake gets its own message naming the offending token, at that token's column.
    @Test(arguments: invalid)
    func rejectsCommand(line: String, message: String, column: Int) {
        #expect(throws: CommandError(message, column: column)) {
            try CommandParser.parse(line, topology: Self.topology)
        }
    }

    // Tiers without processes and tiers at their limit are explained rather than silently accepted.
    @Test func emptyAndFullTiers() {
        let noCaches = Topology(stores: 1, services: 1, caches: 0)
        #expect(throws: CommandError("unknown node c1: this cluster has no caches", column: 6)) {
            try CommandParser.parse("kill c1", topology: noCaches)
        }
        #expect(throws: CommandError("unknown node n2: this cluster has n1", column: 6)) {
            try CommandParser.parse("kill n2", topology: noCaches)
        }
        let full = Topology(stores: Topology.maxPerTier, services: 1, caches: 1)
        #expect(throws: CommandError("add store: this cluster already has 32 stores, the most it can hold", column: 5)) {
            try CommandParser.parse("add store", topology: full)
        }
    }

    // `add` grows the topology by one process of its tier, which is what makes the new id valid.
    @Test func topologyCountsAdds() throws {
        var topology = Self.topology
        #expect(!topology.contains(.store(6)))
        topology.apply(try CommandParser.parse("add store", topology: topology))
        #expect(topology.contains(.store(6)))
        #expect(try CommandParser.parse("kill n6", topology: topology) == .kill(.store(6)))
        topology.apply(.kill(.store(6)))
        #expect(topology == Topology(stores: 6, services: 3, caches: 3))
    }

    // Typo suggestions: prefixes, single edits and swapped neighbours are found; unrelated words are not.
    @Test func nearestName() {
        let names = DrillLanguage.directives
        #expect(DrillLanguage.nearest(to: "wiat", in: names) == "wait")
        #expect(DrillLanguage.nearest(to: "part", in: names) == "partition")
        #expect(DrillLanguage.nearest(to: "captoin", in: names) == "caption")
        #expect(DrillLanguage.nearest(to: "ky", in: names) == "key")
        #expect(DrillLanguage.nearest(to: "zzzz", in: names) == nil)
        #expect(DrillLanguage.editDistance("kitten", "sitting") == 3)
    }
}
