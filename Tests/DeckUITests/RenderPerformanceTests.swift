import ClusterSim
import DeckUI
import Drill
import Foundation
import Testing

/// Rendering cost: a 160x48 frame is drawn many times a second while the cluster runs, so it must be cheap.
@Suite struct RenderPerformanceTests {
    /// Renders 300 frames of a busy screen (a fault and its lag detail; the loaded Load screen) and reports
    /// the mean; the bound is loose enough for a debug build on a shared machine (release measures well
    /// under 1 ms).
    @Test(arguments: [DeckScreen.overview, .load])
    func frameRenderTime(screen: DeckScreen) {
        var (model, _) = DeckTest.fixture(screen == .load ? Fixtures.hotStore() : Fixtures.n2Killed(),
                                          events: Fixtures.bootEvents() + Fixtures.killEvents(reelected: true))
        model.press(screen.key)
        var buffer = CellBuffer(width: 160, height: 48)
        render(model, into: &buffer)
        let frames = 300
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<frames { render(model, into: &buffer) }
        let meanUs = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(frames) / 1_000
        print("DeckUI render 160x48, \(screen.title): \(Int(meanUs)) µs per frame (mean of \(frames))")
        #expect(meanUs < 20_000)
    }
}
