import ClusterSim
import DeckUI
import Testing

/// A history file that stopped being written is reported through `update` like every other input, and
/// stays visible for the rest of the run, since a trainer may look away when it happens.
@Suite struct HistoryStoppedTests {
    static let reason = "writing the history file /tmp/h.edn failed: File too large"

    /// The failure rings the bell, flashes on the status line and lands in the event log as a failure.
    @Test func failureIsLoggedAndFlashed() {
        var (model, _) = DeckTest.fixture()
        let effects = update(&model, .historyStopped(HistoryStoppedTests.reason))
        #expect(effects == [.bell])
        #expect(model.status == StatusMessage(text: "history stopped: " + HistoryStoppedTests.reason, isError: true))
        let last = model.log.last(1).first
        #expect(last?.text == "history stopped: " + HistoryStoppedTests.reason && last?.style == .failure)
    }

    /// Once the flashed message has timed out, and after another action's message has come and gone,
    /// the message line still says the history stopped instead of showing the key hint.
    @Test func messageLineKeepsTheFailureAfterTheStatusExpires() {
        var (model, _) = DeckTest.fixture()
        update(&model, .historyStopped(HistoryStoppedTests.reason))
        model.press(.char(" "))
        update(&model, .tick(elapsedMs: DeckModel.statusLifetimeMs))
        #expect(model.status == nil)
        let line = DeckTest.screen(model)[model.rows - 2]
        #expect(line.hasPrefix("history stopped: " + HistoryStoppedTests.reason), "\(line)")
        #expect(!DeckTest.screen(model).contains { $0.contains("? lists every key") })
    }
}
