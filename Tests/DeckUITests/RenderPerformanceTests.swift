import ClusterSim
import DeckUI
import Drill
import Foundation
import Testing

/// Rendering cost: a 160x48 frame is drawn many times a second while the cluster runs, so it must be cheap.
@Suite struct RenderPerformanceTests {
    /// Renders 300 frames of a busy screen (fault, help closed, lag detail) and reports the mean; the bound
    /// is loose enough for a debug build on a shared machine (release measures well under 1 ms).
    @Test func frameRenderTime() {
        var model = DeckTest.model(seconds: 10)
        model.press(.down)
        model.press(.char("x"))
        update(&model, .advance(.ms(150)))
        var buffer = CellBuffer(width: 160, height: 48)
        render(model, into: &buffer)
        let frames = 300
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<frames { render(model, into: &buffer) }
        let meanUs = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(frames) / 1_000
        print("DeckUI render 160x48: \(Int(meanUs)) µs per frame (mean of \(frames))")
        #expect(meanUs < 20_000)
    }
}
