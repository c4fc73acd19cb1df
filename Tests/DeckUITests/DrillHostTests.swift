import ClusterSim
import DeckUI
import Drill
import Testing

/// A drill reaches the dashboard only through `update`: its commands, keys and waits are messages, so the
/// model's snapshot and log always match what the drill did.
@Suite struct DrillHostTests {
    static func host(_ snapshot: ClusterSnapshot = Fixtures.defaultCluster()) -> (DeckDrillHost, FixtureSource) {
        let (model, source) = DeckTest.fixture(snapshot)
        return (DeckDrillHost(model: model), source)
    }

    /// A command goes to the source; a refusal comes back to the drill and is logged as a failure.
    @Test func commandsGoThroughUpdateAndRefusalsComeBack() {
        let (host, source) = DrillHostTests.host()
        #expect(host.apply(.kill(.store(2))) == nil)
        source.refusal = "n2 is already down"
        #expect(host.apply(.kill(.store(2))) == "n2 is already down")
        #expect(source.commands == [.kill(.store(2)), .kill(.store(2))])
        #expect(host.model.log.last(1).first?.text == "drill command refused: n2 is already down")
        source.refusal = nil
        #expect(update(&host.model, .command(.heal)) == [])
    }

    /// A wait advances the source and the model collects at once: its snapshot is the source's, at the new time.
    @Test func waitsAdvanceTheModelThroughUpdate() {
        let (host, source) = DrillHostTests.host()
        host.advance(to: .seconds(12))
        #expect(source.now == .seconds(12) && host.model.snapshot.now == .seconds(12))
        host.advance(to: .seconds(11))
        #expect(host.model.snapshot.now == .seconds(12), "time never runs backwards")
    }

    /// A drill's `key` lines act exactly as the operator's: `2` switches to the Load screen.
    @Test func keysAndTheSummaryGoThroughUpdate() {
        let (host, _) = DrillHostTests.host()
        host.press(.char("2"))
        #expect(host.model.screen == .load)
        host.finish(passed: 2, failed: 0)
        #expect(host.model.summary?.passed == 2)
    }

    /// A whole drill played against a fixture: the caption, command, wait, key and expectation all reach the model.
    @Test func aDrillPlaysThroughTheHost() throws {
        let (host, source) = DrillHostTests.host()
        source.metrics = [(.leaderless, 0)]
        let script = try DrillParser.parse("""
            caption "Kill n2"
            kill n2
            wait 2s
            key 2
            expect leaderless == 0
            """, file: "fixture.drill", isBound: DeckKeys.isBound)
        var player = DrillPlayer(script: script)
        let summary = player.playToEnd(host: host) { host.advance(to: $0) }
        #expect(summary.passed == 1 && summary.failed == 0)
        #expect(source.commands == [.kill(.store(2))])
        #expect(host.model.snapshot.now == .seconds(12) && host.model.screen == .load)
        #expect(host.model.log.lines.contains { $0.text == "Kill n2" })
        #expect(host.model.log.lines.contains { $0.text.hasPrefix("PASS ") })
    }
}
