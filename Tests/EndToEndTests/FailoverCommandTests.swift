import Foundation
import Testing

/// `clusterdeck failover` through the real binary: strict flags, and a few seeds in text and JSON.
@Suite(.serialized)
struct FailoverCommandTests {
    @Test(arguments: [
        (["failover", "--seeds", "0"], "--seeds must be between 1 and 100000, got 0"),
        (["failover", "--seeds", "-3"], "--seeds must be between 1 and 100000, got -3"),
        (["failover", "--seeds", "100001"], "--seeds must be between 1 and 100000, got 100001"),
        (["failover", "--from", "18446744073709551615", "--seeds", "2"], "the highest --from for 2 seeds is 18446744073709551614"),
        (["failover", "--seeds", "0x10"], "The value '0x10' is invalid for '--seeds <seeds>'"),
        (["failover", "--replicas", "3"], "Unknown option '--replicas'"),
        (["failover", "--over", "0"], "--over must be between 1 and 3600000 ms, got 0"),
    ])
    func badFlagsExitTwoNamingTheProblem(_ args: [String], _ message: String) throws {
        let r = try BinaryRunner.run(args)
        #expect(r.status == 2, "\(args): exit \(r.status) \(r.stderr)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// Three seeds as JSON: every trial completed, the percentiles are ordered, and the same run prints the
    /// same bytes (nothing from the wall clock goes into the JSON).
    @Test func jsonReportsEveryTrialAndReplays() throws {
        let a = try BinaryRunner.run(["failover", "--seeds", "3", "--from", "5", "--json"])
        let b = try BinaryRunner.run(["failover", "--seeds", "3", "--from", "5", "--json"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        #expect(object["completed"] as? Int == 3)
        #expect((object["failed_seeds"] as? [Any])?.isEmpty == true)
        #expect(object["election_timer"] as? String == "microseconds")
        let downtime = try #require(object["downtime_ms"] as? [String: Double])
        let (minMs, p50, p99, maxMs) = (downtime["min"]!, downtime["p50"]!, downtime["p99"]!, downtime["max"]!)
        #expect(minMs <= p50 && p50 <= p99 && p99 <= maxMs * 1.001, "\(downtime)")
        #expect(minMs > 100 && maxMs < 1_000, "\(downtime)")
        #expect(object["multi_round_elections"] is Int)
    }

    /// `--over` counts and lists exactly the trials slower than the threshold, by seed.
    @Test func overListsTheSlowTrials() throws {
        let r = try BinaryRunner.run(["failover", "--seeds", "4", "--over", "170", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let over = try #require(object["over"] as? [[String: Any]])
        #expect(object["over_count"] as? Int == over.count)
        #expect(over.allSatisfy { ($0["downtime_ms"] as? Double ?? 0) > 170 && $0["seed"] is Int })
        let maxMs = try #require((object["downtime_ms"] as? [String: Double])?["max"])
        #expect(over.isEmpty == (maxMs <= 170))
    }

    /// The text report names the figures it promises.
    @Test func textNamesPercentilesAndRounds() throws {
        let r = try BinaryRunner.run(["failover", "--seeds", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        for piece in ["2 seeds (1...2)", "p50 ", "p99 ", "max ", "more than one round"] {
            #expect(r.stdout.contains(piece), "missing '\(piece)' in \(r.stdout)")
        }
    }
}
