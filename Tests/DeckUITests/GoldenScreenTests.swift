import ClusterSim
import DeckUI
import Drill
import Testing

/// Whole screens compared with golden text files (`UPDATE_GOLDEN=1 swift test --filter DeckUI` rewrites them).
@Suite struct GoldenScreenTests {
    /// The default cluster after 10 s at the size the dashboard is designed for.
    @Test func dashboardAt160x48() throws {
        let model = DeckTest.model(columns: 160, rows: 48)
        #expect(try DeckTest.compareGolden(DeckTest.screen(model), "dashboard-160x48.txt") == nil)
    }

    /// The same cluster at the minimum size: every pane still drawn, partition panes in columns.
    @Test func dashboardAt100x30() throws {
        let model = DeckTest.model(columns: 100, rows: 30)
        #expect(try DeckTest.compareGolden(DeckTest.screen(model), "dashboard-100x30.txt") == nil)
    }

    /// n2 killed at 10 s and 2 s later: the banner names it, its partitions re-elected leaders.
    @Test func faultN2KilledAt160x48() throws {
        var model = DeckTest.model(columns: 160, rows: 48)
        model.press(.down)
        model.press(.char("x"))
        update(&model, .advance(.ms(2_000)))
        #expect(try DeckTest.compareGolden(DeckTest.screen(model), "fault-n2-killed-160x48.txt") == nil)
    }

    /// The leaderless moment right after the kill, before any election finished.
    @Test func leaderlessRightAfterKill() throws {
        var model = DeckTest.model(columns: 100, rows: 30)
        model.press(.down)
        model.press(.char("x"))
        update(&model, .advance(.ms(100)))
        #expect(try DeckTest.compareGolden(DeckTest.screen(model), "fault-n2-leaderless-100x30.txt") == nil)
    }

    @Test func helpOverlay() throws {
        var model = DeckTest.model(columns: 160, rows: 48)
        model.press(.char("?"))
        #expect(try DeckTest.compareGolden(DeckTest.screen(model), "help-160x48.txt") == nil)
    }

    @Test func tooSmallAt80x24() throws {
        let model = DeckTest.model(columns: 80, rows: 24)
        #expect(try DeckTest.compareGolden(DeckTest.screen(model), "too-small-80x24.txt") == nil)
    }
}
