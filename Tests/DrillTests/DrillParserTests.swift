import Testing
import ClusterSim
@testable import Drill

/// Drill files parse into scripts, and every malformed line is reported with its file, line and reason.
struct DrillParserTests {
    /// The diagnostics for `text` as printed, or an empty list when it parses.
    static func diagnostics(_ text: String, isBound: (KeyInput) -> Bool = { _ in true }) -> [String] {
        do {
            _ = try DrillParser.parse(text, file: "t.drill", isBound: isBound)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    // The example drill from the language description parses to exactly these steps.
    @Test func parsesExampleDrill() throws {
        let text = """
            title "Leader failover"
            seed 7
            cluster stores=5 services=3 caches=3 partitions=24 replicas=3
            workload rate=200 reads=0.9
            caption "n2 leads several partitions. Watch them move when it dies."
            wait 3s                       # virtual time: ms, s or m (e.g. 500ms, 2s, 1.5s, 60m)
            kill n2                       # any command above
            key x                         # a keystroke for the dashboard: parsed and checked now
            expect leaderless == 0 within 2s
            expect lost-writes == 0
            expect leaders n1 >= 1
            expect share s2 > 0.2
            """
        let script = try DrillParser.parse(text, file: "failover.drill")
        var config = ClusterConfig()
        config.seed = 7
        #expect(script.title == "Leader failover")
        #expect(script.config == config)
        #expect(script.steps == [
            DrillStep(line: 4, action: .command(.workload(WorkloadChange(ratePerSecond: 200, readFraction: 0.9)),
                                                text: "workload rate=200 reads=0.9")),
            DrillStep(line: 5, action: .caption("n2 leads several partitions. Watch them move when it dies.")),
            DrillStep(line: 6, action: .wait(.seconds(3))),
            DrillStep(line: 7, action: .command(.kill(.store(2)), text: "kill n2")),
            DrillStep(line: 8, action: .key(.char("x"))),
            DrillStep(line: 9, action: .expect(Expectation(metric: .leaderless, comparison: .equal, value: 0, within: .seconds(2)))),
            DrillStep(line: 10, action: .expect(Expectation(metric: .lostWrites, comparison: .equal, value: 0))),
            DrillStep(line: 11, action: .expect(Expectation(metric: .leaders(.store(1)), comparison: .greaterOrEqual, value: 1))),
            DrillStep(line: 12, action: .expect(Expectation(metric: .share(.service(2)), comparison: .greater, value: 0.2))),
        ])
    }

    static let malformed: [(String, String)] = [
        // Directives.
        ("wiat 3s", "t.drill:1: unknown directive wiat: did you mean wait?"),
        ("kil n2", "t.drill:1: unknown directive kil: did you mean kill?"),
        ("frobnicate", "t.drill:1: unknown directive frobnicate"),
        ("\"hello\"", "t.drill:1: expected a directive, got the quoted string \"hello\""),
        // Headers.
        ("title Leader", "t.drill:1: title needs a quoted string, e.g. title \"Leader failover\""),
        ("title", "t.drill:1: title needs a quoted string, e.g. title \"Leader failover\""),
        ("seed", "t.drill:1: seed needs a number, e.g. seed 7"),
        ("seed -1", "t.drill:1: bad number -1: seed takes a whole number from 0 to 18446744073709551615"),
        ("seed 7 8", "t.drill:1: seed: unexpected extra argument 8"),
        ("seed 1\nseed 2", "t.drill:2: duplicate seed: already set on line 1"),
        ("wait 1s\n\ntitle \"Late\"", "t.drill:3: title must come before the first action (line 1)"),
        ("kill n1\ncluster stores=3", "t.drill:2: cluster must come before the first action (line 1)"),
        ("cluster", "t.drill:1: cluster needs at least one setting, e.g. cluster stores=5 services=3 caches=3 partitions=24 replicas=3"),
        ("cluster stores", "t.drill:1: cluster: expected setting=value, got stores"),
        ("cluster store=5", "t.drill:1: cluster: unknown setting store (expected stores, services, caches, partitions or replicas): did you mean stores?"),
        ("cluster stores=5 stores=6", "t.drill:1: cluster: stores is given twice"),
        ("cluster stores=x", "t.drill:1: bad number x: stores takes a whole number"),
        ("cluster stores=0", "t.drill:1: stores=0 is out of range (1 to 32)"),
        ("cluster partitions=300", "t.drill:1: partitions=300 is out of range (1 to 256)"),
        ("cluster stores=3 replicas=4", "t.drill:1: replicas=4 is more than stores=3: each replica needs its own store"),
        ("cluster stores=2", "t.drill:1: replicas=3 (the default) is more than stores=2: each replica needs its own store"),
        // Captions, waits, keys.
        ("caption hello", "t.drill:1: caption needs a quoted string, e.g. caption \"Watch n2\""),
        ("caption \"Watch n2", "t.drill:1: unterminated quote: the string opened here has no closing \""),
        ("caption \"\"", "t.drill:1: caption is empty"),
        ("caption \"a\" \"b\"", "t.drill:1: caption: unexpected extra argument b"),
        ("wait", "t.drill:1: wait needs a duration, e.g. wait 2s"),
        ("wait 3", "t.drill:1: bad duration 3: add a unit, ms, s or m (e.g. 3s)"),
        ("wait 3h", "t.drill:1: bad duration 3h: the unit must be ms, s or m"),
        ("wait soon", "t.drill:1: bad duration soon: expected a number and a unit, e.g. 500ms, 2s, 1.5m"),
        ("wait -1s", "t.drill:1: bad duration -1s: expected a number and a unit, e.g. 500ms, 2s, 1.5m"),
        ("wait 1.2.3s", "t.drill:1: bad duration 1.2.3s: expected a number and a unit, e.g. 500ms, 2s, 1.5m"),
        ("wait 1441m", "t.drill:1: bad duration 1441m: at most 24 hours"),
        ("wait 2s 3s", "t.drill:1: wait: unexpected extra argument 3s"),
        ("key", "t.drill:1: key needs a key name, e.g. key x"),
        ("key F1", "t.drill:1: unknown key F1: use one printable character or one of tab, shift-tab, up, down, left, right, pgup, pgdn, enter, esc, space, backspace, ctrl-c"),
        ("key x y", "t.drill:1: key: unexpected extra argument y"),
        // Commands inside drills.
        ("kill n9", "t.drill:1: unknown node n9: this cluster has n1..n5"),
        ("loss 150", "t.drill:1: loss 150 is out of range (0 to 100)"),
        ("workload rate=0", "t.drill:1: rate=0 is out of range (from 0.001 to 100000)"),
        ("lb fastest", "t.drill:1: unknown algorithm fastest: expected round-robin or p2c"),
        // Expectations.
        ("expect", "t.drill:1: expect needs a metric, an operator and a value, e.g. expect leaderless == 0 within 2s"),
        ("expect leaderles == 0", "t.drill:1: unknown metric leaderles: did you mean leaderless?"),
        ("expect happiness > 1", "t.drill:1: unknown metric happiness"),
        ("expect leaderless => 0", "t.drill:1: bad operator =>: expected one of == != < <= > >="),
        ("expect leaderless 0", "t.drill:1: missing operator before 0: expected one of == != < <= > >="),
        ("expect leaderless", "t.drill:1: expect needs an operator and a value after leaderless, e.g. expect leaderless == 0 within 2s"),
        ("expect leaderless ==", "t.drill:1: expect needs a value after ==, e.g. expect leaderless == 0 within 2s"),
        ("expect leaderless == none", "t.drill:1: bad number none (not a decimal number): expect compares with a decimal number"),
        ("expect leaderless == 0 within", "t.drill:1: expect needs a duration after within, e.g. expect leaderless == 0 within 2s"),
        ("expect leaderless == 0 within 2", "t.drill:1: bad duration 2: add a unit, ms, s or m (e.g. 2s)"),
        ("expect leaderless == 0 after 2s", "t.drill:1: expect: expected within DURATION after the value, got after"),
        ("expect leaderless == 0 within 2s now", "t.drill:1: expect: unexpected extra argument now"),
        ("expect leaders >= 1", "t.drill:1: leaders needs a store node before >=, e.g. expect leaders n1 >= 1"),
        ("expect share", "t.drill:1: expect needs a service node after share, e.g. expect share s1 >= 1"),
        ("expect leaders s1 >= 1", "t.drill:1: leaders takes a store node (n1..n5), not s1"),
        ("expect share n1 > 0.2", "t.drill:1: share takes a service node (s1..s3), not n1"),
        ("expect p99 disk < 5", "t.drill:1: p99 takes a tier (lb, service, cache, store) or nothing, not disk"),
        ("expect util client < 1", "t.drill:1: unknown node client: this cluster has lb, s1..s3, c1..c3, n1..n5"),
        ("expect util < 1", "t.drill:1: util needs a node before <, e.g. expect util n1 >= 1"),
        ("expect queue < 1", "t.drill:1: queue needs a node before <, e.g. expect queue n1 >= 1"),
        ("expect up n9 == 1", "t.drill:1: unknown node n9: this cluster has n1..n5"),
    ]

    // Each kind of malformed line gets its own message, on the line where the mistake is.
    @Test(arguments: malformed)
    func reportsMalformedLine(text: String, diagnostic: String) {
        #expect(Self.diagnostics(text) == [diagnostic])
    }

    // The whole file is checked: every malformed line is reported, in order, and no script is returned.
    @Test func reportsEveryErrorTogether() {
        let text = """
            title "Many mistakes"
            wiat 1s
            caption "fine # not a comment"
            kill n7
            expect leaderless => 0

            seed 3
            wait 2s
            lb p2c
            replication paxos
            """
        #expect(Self.diagnostics(text) == [
            "t.drill:2: unknown directive wiat: did you mean wait?",
            "t.drill:4: unknown node n7: this cluster has n1..n5",
            "t.drill:5: bad operator =>: expected one of == != < <= > >=",
            "t.drill:7: seed must come before the first action (line 3)",
            "t.drill:10: unknown replication mode paxos: expected raft, sync or async",
        ])
    }

    // Diagnostics keep the column of the offending token for editors and the `:` line.
    @Test func diagnosticCarriesColumn() {
        #expect(throws: DrillParseError(diagnostics: [
            DrillDiagnostic(file: "f.drill", line: 2, column: 14, message: "unknown node n7: this cluster has n1..n5"),
        ])) {
            try DrillParser.parse("seed 1\npartition n1 n7 | n2", file: "f.drill")
        }
    }

    // Header directives may come in any order before the first action, and set the config from its defaults.
    @Test func headersBuildConfig() throws {
        let script = try DrillParser.parse("""
            # comments and blank lines are not actions

            cluster stores=7 services=2 caches=1 partitions=64 replicas=5
            seed 18446744073709551615
            title "Big"
            kill n7
            """, file: "t.drill")
        var config = ClusterConfig()
        config.stores = 7
        config.services = 2
        config.caches = 1
        config.partitions = 64
        config.replicas = 5
        config.seed = .max
        #expect(script.config == config)
        #expect(script.title == "Big")
        #expect(script.steps == [DrillStep(line: 6, action: .command(.kill(.store(7)), text: "kill n7"))])
    }

    // A drill without headers plays the default cluster with no title.
    @Test func headersAreOptional() throws {
        let script = try DrillParser.parse("wait 1s\n", file: "t.drill")
        #expect(script.title == nil)
        #expect(script.config == ClusterConfig())
        #expect(script.steps == [DrillStep(line: 1, action: .wait(.seconds(1)))])
    }

    // Nodes are checked against the cluster as it stands at each line: the header's sizes plus earlier adds.
    @Test func tracksTopologyLineByLine() {
        let text = """
            cluster stores=3 services=1 caches=1
            kill n4
            expect leaders n4 >= 0
            add store
            kill n4
            expect leaders n4 >= 0
            expect share s2 > 0
            add service
            expect share s2 > 0
            kill c2
            """
        #expect(Self.diagnostics(text) == [
            "t.drill:2: unknown node n4: this cluster has n1..n3",
            "t.drill:3: unknown node n4: this cluster has n1..n3",
            "t.drill:7: unknown node s2: this cluster has s1",
            "t.drill:10: unknown node c2: this cluster has c1",
        ])
    }

    // A rejected `add` does not grow the cluster, so later lines still see the old sizes.
    @Test func rejectedAddDoesNotCount() {
        #expect(Self.diagnostics("add stor\nkill n6") == [
            "t.drill:1: unknown tier stor: add takes store, service or cache: did you mean store?",
            "t.drill:2: unknown node n6: this cluster has n1..n5",
        ])
    }

    static let durations: [(String, Int64)] = [
        ("500ms", 500_000), ("2s", 2_000_000), ("1.5s", 1_500_000), ("60m", 3_600_000_000), ("0.25ms", 250),
        (".5s", 500_000), ("0s", 0), ("1440m", 86_400_000_000), ("0.0000005s", 1), ("10.125s", 10_125_000),
    ]

    // Durations are exact in microseconds: decimal fractions are not rounded through floating point.
    @Test(arguments: durations)
    func parsesDuration(text: String, us: Int64) throws {
        let script = try DrillParser.parse("wait \(text)", file: "t.drill")
        #expect(script.steps == [DrillStep(line: 1, action: .wait(SimTime(us: us)))])
    }

    // `#` inside quotes is text; after the closing quote it starts a comment; `\"` is a quote.
    @Test func quotedStringsKeepHashes() throws {
        let script = try DrillParser.parse("""
            title "Drill #4: \\"split\\" brain" # the title
            caption "Step #1 # still the caption"   # a comment "with quotes"
            key "#"
            """, file: "t.drill")
        #expect(script.title == "Drill #4: \"split\" brain")
        #expect(script.steps == [
            DrillStep(line: 2, action: .caption("Step #1 # still the caption")),
            DrillStep(line: 3, action: .key(.char("#"))),
        ])
    }

    // Windows line endings and a trailing newline do not shift line numbers or leak into tokens.
    @Test func crlfLineEndings() {
        #expect(Self.diagnostics("seed 7\r\nwait 1s\r\nkill n9\r\n") == ["t.drill:3: unknown node n9: this cluster has n1..n5"])
    }

    // The dashboard's key table decides which keys a drill may press.
    @Test func unboundKeyIsAnError() throws {
        let bound: (KeyInput) -> Bool = { $0 == .char("x") || $0 == .tab }
        #expect(Self.diagnostics("key x\nkey z\nkey tab\nkey enter", isBound: bound) == [
            "t.drill:2: key z is not bound to anything",
            "t.drill:4: key enter is not bound to anything",
        ])
        let script = try DrillParser.parse("key x\nkey tab", file: "t.drill", isBound: bound)
        #expect(script.steps.map(\.action) == [.key(.char("x")), .key(.tab)])
    }

    // Every metric name of the metric tables is accepted with its argument tier.
    @Test func acceptsEveryMetric() throws {
        let plain = Metric.plainMetrics.map { "expect \($0.name) >= 0" }
        let withNode = ["expect leaders n5 <= 3", "expect replicas n1 != 2", "expect up lb == 1", "expect up c3 == 1",
                        "expect share s3 < 0.5", "expect util n1 < 0.8", "expect queue s2 == 0", "expect p99 store < 50",
                        "expect p99 lb < 5"]
        let script = try DrillParser.parse((plain + withNode).joined(separator: "\n"), file: "t.drill")
        let metrics = script.steps.map { step -> Metric? in
            if case .expect(let e) = step.action { return e.metric } else { return nil }
        }
        #expect(metrics == Metric.plainMetrics.map(\.metric)
                + [.leaders(.store(5)), .replicas(.store(1)), .up(.balancer), .up(.cache(3)), .share(.service(3)),
                   .util(.store(1)), .queue(.service(2)), .tierP99(.store), .tierP99(.balancer)])
    }
}
