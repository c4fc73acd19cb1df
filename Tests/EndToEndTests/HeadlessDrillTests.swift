import Foundation
import Testing

/// The shipped drills, played headless through the real binary exactly as a trainer or CI would.
@Suite(.serialized)
struct HeadlessDrillTests {
    static var drills: [String] {
        let dir = BinaryRunner.repoRoot.appendingPathComponent("demo")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".drill") }.sorted().map { "demo/" + $0 }
    }

    @Test func thereAreAtLeastThreeDrills() {
        #expect(HeadlessDrillTests.drills.count >= 3, "\(HeadlessDrillTests.drills)")
    }

    /// Every drill in demo/ passes: exit 0 and a final "N passed, 0 failed" line.
    @Test(arguments: HeadlessDrillTests.drills)
    func drillPassesHeadless(_ drill: String) throws {
        let r = try BinaryRunner.run(["play", drill, "--headless"])
        #expect(r.status == 0, "\(drill) exited \(r.status)\n\(r.stdout)\n\(r.stderr)")
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 0 failed"), "\(drill): \(last)")
        #expect(!r.stdout.contains("FAIL "), "\(r.stdout)")
    }

    /// The same drill and seed give byte-identical JSON apart from the two wall-clock fields.
    @Test func sameDrillTwiceGivesIdenticalJSON() throws {
        let a = try BinaryRunner.run(["play", "demo/leader-failover.drill", "--headless", "--json"])
        let b = try BinaryRunner.run(["play", "demo/leader-failover.drill", "--headless", "--json"])
        #expect(a.status == 0 && b.status == 0)
        func stable(_ s: String) -> String {
            s.split(separator: "\n").filter { !$0.contains("\"wall_ms\"") && !$0.contains("\"sim_speed\"") }.joined(separator: "\n")
        }
        #expect(stable(a.stdout) == stable(b.stdout))
        #expect(a.stdout.contains("\"wall_ms\"") && a.stdout.contains("\"sim_speed\""))
        // The text lines went to stderr, the JSON alone to stdout.
        #expect(a.stdout.hasPrefix("{") && a.stderr.contains("passed, 0 failed"))
        let object = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any]
        for field in ["seed", "virtual_ms", "wall_ms", "sim_speed", "expectations", "stores", "partitions",
                      "balancer", "cache", "clients", "rebalance", "latency", "processes", "checks"] {
            #expect(object?[field] != nil, "missing \(field)")
        }
        // Latency: end-to-end percentiles in order and a p99 for each tier, all measured in this run.
        let latency = try #require(object?["latency"] as? [String: Any])
        let p50 = try #require(latency["p50_ms"] as? Double), p99 = try #require(latency["p99_ms"] as? Double)
        let p999 = try #require(latency["p999_ms"] as? Double)
        #expect(0 < p50 && p50 <= p99 && p99 <= p999, "\(latency)")
        let tiers = try #require(latency["tiers"] as? [String: Any])
        for tier in ["lb", "service", "cache", "store"] {
            #expect((tiers[tier] as? Double).map { $0 > 0 } == true, "tier \(tier): \(tiers)")
        }
        // Every process, with its utilisation (0...1) and queue; the stores did work.
        let processes = try #require(object?["processes"] as? [[String: Any]])
        #expect(processes.map { $0["id"] as? String } == ["lb", "s1", "s2", "s3", "c1", "c2", "c3", "n1", "n2", "n3", "n4", "n5"])
        for p in processes {
            let util = try #require(p["util"] as? Double)
            #expect((0...1).contains(util) && p["queue"] is Int, "\(p)")
        }
        #expect(processes.filter { ($0["id"] as? String)?.hasPrefix("n") == true }.allSatisfy { ($0["util"] as? Double ?? 0) > 0 })
    }

    /// A failing expectation makes the run exit 1 and prints FAIL with the actual value.
    @Test func failingExpectationExitsOne() throws {
        let path = try BinaryRunner.temporaryFile("""
            seed 5
            wait 1s
            kill n1
            expect up n1 == 1
            """, name: "fails.drill")
        let r = try BinaryRunner.run(["play", path, "--headless"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL 1.000s up n1 == 1 (0)"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("0 passed, 1 failed\n"), "\(r.stdout)")
    }

    /// A malformed drill: every bad line reported as FILE:LINE, exit 2, and nothing run.
    @Test func malformedDrillIsRejectedWholeWithExitTwo() throws {
        let path = try BinaryRunner.temporaryFile("""
            title "Broken"
            frobnicate n1
            kill n9
            wait 3 parsecs
            expect happiness > 1
            caption "ok"
            """, name: "broken.drill")
        let r = try BinaryRunner.run(["play", path, "--headless"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty, "nothing may run: \(r.stdout)")
        for line in [2, 3, 4, 5] {
            #expect(r.stderr.contains("\(path):\(line): "), "line \(line) not reported:\n\(r.stderr)")
        }
        #expect(!r.stderr.contains("\(path):6:"), "\(r.stderr)")
    }

    @Test func missingDrillFileIsExitTwo() throws {
        let r = try BinaryRunner.run(["play", "demo/no-such.drill", "--headless"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("demo/no-such.drill does not exist"), "\(r.stderr)")
    }
}
