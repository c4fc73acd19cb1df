import Testing
@testable import ClusterSim

/// The seeded generator is the only source of randomness, so it must replay exactly.
struct SimRandomTests {
    @Test func sameSeedSameSequence() {
        var a = SimRandom(seed: 42)
        var b = SimRandom(seed: 42)
        for _ in 0..<1000 { #expect(a.next() == b.next()) }
    }

    @Test func streamsAreIndependentOfEachOtherAndStable() {
        let root = SimRandom(seed: 7)
        var x1 = root.stream("network")
        var x2 = root.stream("network")
        var y = root.stream("workload")
        let a = (0..<8).map { _ in x1.next() }
        #expect(a == (0..<8).map { _ in x2.next() })
        #expect(a != (0..<8).map { _ in y.next() })
    }

    @Test func belowStaysInRangeAndCoversIt() {
        var r = SimRandom(seed: 3)
        var seen = Set<Int>()
        for _ in 0..<2000 {
            let v = r.below(7)
            #expect(v >= 0 && v < 7)
            seen.insert(v)
        }
        #expect(seen.count == 7)
    }

    @Test func nodeIDsParseAndPrint() {
        #expect(NodeID(parsing: "n12") == .store(12))
        #expect(NodeID(parsing: "lb") == .balancer)
        #expect(NodeID(parsing: "x1") == nil)
        #expect(NodeID(parsing: "n0") == nil)
        #expect(NodeID(parsing: "n01") == nil)
        #expect(NodeID.service(3).description == "s3")
    }
}
