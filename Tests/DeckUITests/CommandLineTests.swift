import ClusterSim
import DeckUI
import Drill
import Testing

/// The `:` line: typing, editing, running through the parser and `Cluster.apply`, and its errors.
@Suite struct CommandLineTests {
    /// Typed characters collect on the line, Backspace removes one, Enter runs it and logs it.
    /// Live simulation: the line must reach a real cluster, which carries the kill out.
    @Test func typeEditAndRun() {
        var model = DeckTest.model(seconds: 1)
        model.press(.char(":"))
        #expect(model.commandLine == "")
        for c in "kill n33" { model.press(.char(c)) }
        model.press(.backspace)
        model.press(.backspace)
        model.press(.char("3"))
        #expect(model.commandLine == "kill n3")
        #expect(DeckTest.screen(model)[46].hasPrefix(":kill n3█"))
        model.press(.char("q"))
        #expect(!model.shouldQuit, "q is text while the line is open")
        model.press(.backspace)
        model.press(.enter)
        #expect(model.commandLine == nil)
        #expect(model.snapshot.faults == [.down(.store(3))])
        #expect(model.log.lines.contains { $0.text == "> kill n3" && $0.style == .command })
        #expect(model.status == StatusMessage(text: "kill n3: done", isError: false))
    }

    /// Esc closes the line without running anything.
    @Test func escapeCancels() {
        var model = DeckTest.model(seconds: 1)
        model.press(.char(":"))
        for c in "heal" { model.press(.char(c)) }
        let logged = model.log.count
        model.press(.escape)
        #expect(model.commandLine == nil)
        #expect(model.log.count == logged)
    }

    /// A parse error and a refusal both land on the status line as errors; nothing changes.
    /// Live simulation: the refusal's words are the real cluster's.
    @Test func parseErrorsAndRefusalsAreShownInRed() {
        var model = DeckTest.model(seconds: 1)
        model.press(.char(":"))
        for c in "explode n1" { model.press(.char(c)) }
        #expect(model.press(.enter) == [.bell])
        #expect(model.status == StatusMessage(text: "explode n1: unknown command explode", isError: true))
        model.press(.char(":"))
        for c in "restart n1" { model.press(.char(c)) }
        model.press(.enter)
        #expect(model.status == StatusMessage(text: "restart n1: n1 is already up", isError: true))
        #expect(model.snapshot.faults.isEmpty)
        var buffer = CellBuffer(width: 160, height: 48)
        render(model, into: &buffer)
        #expect(buffer[x: 0, y: 46].style.foreground == .red)
    }

    /// The status line clears itself after a few seconds of wall-clock time, even while paused.
    @Test func statusExpires() {
        var model = DeckTest.model(seconds: 1)
        model.press(.char(" "))
        #expect(model.status?.text == "paused")
        update(&model, .tick(elapsedMs: DeckModel.statusLifetimeMs - 1))
        #expect(model.status != nil)
        update(&model, .tick(elapsedMs: 1))
        #expect(model.status == nil)
    }
}
