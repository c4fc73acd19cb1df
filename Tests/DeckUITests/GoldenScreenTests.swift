import ClusterSim
import DeckUI
import Drill
import Testing

/// Whole screens compared with golden text files (`UPDATE_GOLDEN=1 swift test --filter DeckUI` rewrites them).
///
/// Every screen here is drawn from a fixture snapshot (`Fixtures`), never from a simulation run, so a
/// change in the simulation's numbers cannot change these files; only a change in how they are drawn can.
@Suite struct GoldenScreenTests {
    static func golden(_ model: DeckModel, _ name: String) throws -> String? {
        try DeckTest.compareGolden(DeckTest.screen(model), name)
    }

    /// The default cluster at 10 s at the size the dashboard is designed for.
    @Test func dashboardAt160x48() throws {
        let (model, _) = DeckTest.fixture(columns: 160, rows: 48)
        #expect(try GoldenScreenTests.golden(model, "dashboard-160x48.txt") == nil)
    }

    /// The same cluster at the minimum size: every pane still drawn, partition panes in columns.
    @Test func dashboardAt100x30() throws {
        let (model, _) = DeckTest.fixture(columns: 100, rows: 30)
        #expect(try GoldenScreenTests.golden(model, "dashboard-100x30.txt") == nil)
    }

    /// n2 killed at 10 s and seen 2 s later, selected in Placement: the banner names it, its partitions
    /// re-elected leaders, and the event log tells the story.
    @Test func faultN2KilledAt160x48() throws {
        var (model, _) = DeckTest.fixture(Fixtures.n2Killed(), events: Fixtures.bootEvents() + Fixtures.killEvents(reelected: true))
        model.press(.down)
        #expect(try GoldenScreenTests.golden(model, "fault-n2-killed-160x48.txt") == nil)
    }

    /// The leaderless moment right after the kill, before any election finished.
    @Test func leaderlessRightAfterKill() throws {
        let (model, _) = DeckTest.fixture(Fixtures.n2Killed(reelected: false),
                                          events: Fixtures.bootEvents() + Fixtures.killEvents(reelected: false),
                                          columns: 100, rows: 30)
        #expect(try GoldenScreenTests.golden(model, "fault-n2-leaderless-100x30.txt") == nil)
    }

    @Test func helpOverlay() throws {
        var (model, _) = DeckTest.fixture(columns: 160, rows: 48)
        model.press(.char("?"))
        #expect(try GoldenScreenTests.golden(model, "help-160x48.txt") == nil)
    }

    @Test func tooSmallAt80x24() throws {
        let (model, _) = DeckTest.fixture(columns: 80, rows: 24)
        #expect(try GoldenScreenTests.golden(model, "too-small-80x24.txt") == nil)
    }

    /// The overview under load: the hot store and the busy services show their utilisation in Placement
    /// and Balancer, so the trouble is visible before switching screens.
    @Test func overviewWithAHotStoreAt160x48() throws {
        let (model, _) = DeckTest.fixture(Fixtures.hotStore(), columns: 160, rows: 48)
        #expect(try GoldenScreenTests.golden(model, "overview-hot-store-160x48.txt") == nil)
    }

    /// Screen 2 at full size: the large p99, both sparkline panes with bars, every process by id.
    @Test func loadScreenAt160x48() throws {
        var (model, _) = DeckTest.fixture(Fixtures.hotStore(), columns: 160, rows: 48)
        model.press(.char("2"))
        #expect(try GoldenScreenTests.golden(model, "load-hot-store-160x48.txt") == nil)
    }

    /// Screen 2 at the minimum size, sorted busiest first: the panes stack and every process still fits.
    @Test func loadScreenSortedAt100x30() throws {
        var (model, _) = DeckTest.fixture(Fixtures.hotStore(), columns: 100, rows: 30)
        model.press(.char("2"))
        model.press(.char("u"))
        #expect(try GoldenScreenTests.golden(model, "load-hot-store-sorted-100x30.txt") == nil)
    }

    /// Screen 2 before the simulation measures load (what the live dashboard shows today): a row per
    /// process and a dash for every number, never a 0.
    @Test func loadScreenUnmeasuredAt100x30() throws {
        var snapshot = Fixtures.defaultCluster()
        snapshot.load = []
        snapshot.latency = .empty
        var (model, _) = DeckTest.fixture(snapshot, columns: 100, rows: 30)
        model.press(.char("2"))
        #expect(try GoldenScreenTests.golden(model, "load-unmeasured-100x30.txt") == nil)
    }
}
