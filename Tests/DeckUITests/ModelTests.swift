import ClusterSim
import DeckUI
import Drill
import Testing

/// Resize, the event log, drill hooks, colour rules and determinism of the rendered screen.
@Suite struct ModelTests {
    /// Resizing below the minimum shows the size message; growing back shows the dashboard again.
    @Test func resizeRecovers() {
        var (model, _) = DeckTest.fixture(columns: 160, rows: 48)
        update(&model, .resize(columns: 90, rows: 40))
        #expect(model.columns == 90 && model.rows == 40)
        let small = DeckTest.screen(model)
        #expect(small.contains { $0.contains("at least 100x30") })
        #expect(small.contains { $0.contains("this one is 90x40") })
        update(&model, .resize(columns: 120, rows: 36))
        let screen = DeckTest.screen(model)
        #expect(screen.count == 36 && !screen.contains { $0.contains("at least") })
    }

    /// Every pane's title is on screen at both supported sizes and between them, on both screens.
    @Test(arguments: [(160, 48), (100, 30), (120, 36), (200, 60)])
    func allPaneTitlesPresent(size: (Int, Int)) {
        var (model, _) = DeckTest.fixture(Fixtures.hotStore(), columns: size.0, rows: size.1)
        let overview = DeckTest.screen(model).joined(separator: "\n")
        for title in ["Placement", "Leaders", "Replication lag", "Balancer", "Cache", "Event log"] {
            #expect(overview.contains("┌ " + title), "\(title) at \(size)")
        }
        model.press(.char("2"))
        let load = DeckTest.screen(model).joined(separator: "\n")
        for title in ["Latency", "Throughput", "Processes"] {
            #expect(load.contains("┌ " + title), "\(title) at \(size)")
        }
        #expect(load.contains("│n5 "), "every process fits at \(size)")
    }

    /// Only characters one column wide reach the buffer: no wide glyph was turned into the replacement
    /// mark "?", which appears only where the footer and the hint line name the `?` key.
    @Test(arguments: [DeckScreen.overview, .load])
    func onlyWidthOneCharacters(screen: DeckScreen) {
        var (model, _) = DeckTest.fixture(Fixtures.hotStore())
        model.press(screen.key)
        let buffer = model.rendered()
        #expect(buffer.cells.allSatisfy { Cell.columns(of: $0.scalar) == 1 })
        for y in 0..<(buffer.height - 2) {
            #expect(!buffer.line(y).contains("?"), "row \(y): \(buffer.line(y))")
        }
    }

    /// Cluster events, captions, PASS/FAIL and the summary all land in the log, newest last, bounded.
    @Test func eventLogMergesSourcesAndIsBounded() {
        let source = FixtureSource(Fixtures.defaultCluster(), events: Fixtures.bootEvents())
        var model = DeckModel(source: source, parseCommand: DeckDrillHost.parseCommand, logCapacity: 20)
        #expect(model.log.lines.contains { $0.text.hasPrefix("p23: n4 is leader") })
        model.showCaption("Kill the leader of p0")
        #expect(model.caption == "Kill the leader of p0")
        model.recordExpectation("leaderless == 0", passed: true)
        model.recordExpectation("lag-max < 5", passed: false)
        let tail = model.log.last(3).map(\.text)
        #expect(tail == ["Kill the leader of p0", "PASS leaderless == 0", "FAIL lag-max < 5"])
        for i in 0..<100 { model.logLine("line \(i)") }
        #expect(model.log.count == 20)
        #expect(model.log.last(20).last?.text == "line 99")
        #expect(model.log.last(20).first?.text == "line 80")
    }

    /// The drill summary stays until `q`; the caption bar takes a row while a caption is set.
    @Test func summaryOverlayStaysUntilQ() {
        var (model, source) = DeckTest.fixture(columns: 100, rows: 30)
        model.showCaption("Watch p0 elect a new leader")
        #expect(DeckTest.screen(model)[2].contains("▶ Watch p0 elect a new leader"))
        model.showSummary(passed: 3, failed: 1)
        model.press(.char("x"))
        model.press(.escape)
        #expect(source.commands.isEmpty && !model.shouldQuit)
        #expect(DeckTest.screen(model).contains { $0.contains("3 passed, 1 failed") })
        #expect(model.press(.char("q")) == [.quit(exitCode: 0)])
    }

    /// Leaderless partitions are red in colour and bold+reverse in monochrome; no colour at all then.
    @Test func leaderlessIsMarkedWithAndWithoutColour() {
        for monochrome in [false, true] {
            let (model, _) = DeckTest.fixture(Fixtures.n2Killed(reelected: false), monochrome: monochrome)
            let buffer = model.rendered()
            let row = buffer.lines().firstIndex { $0.contains("│p1   none") }
            #expect(row != nil)
            let cell = buffer[x: Layout.nodeColumnWidth + 1, y: row ?? 0]
            #expect(cell.scalar == "p")
            if monochrome {
                #expect(cell.style.attributes.contains(.bold) && cell.style.attributes.contains(.reverse))
                #expect(buffer.cells.allSatisfy { $0.style.foreground == .default })
                #expect(buffer[x: 1, y: 1].style.attributes.contains(.reverse), "fault banner")
            } else {
                #expect(cell.style.foreground == .red)
                #expect(buffer[x: 1, y: 1].style.foreground == .red, "fault banner")
            }
        }
    }

    /// The same cluster and keys give the same screen, cell for cell, styles included.
    /// Live simulation: what is proven is that the simulation and the dashboard together replay exactly.
    @Test func renderingIsDeterministic() {
        func run() -> CellBuffer {
            var model = DeckTest.model(seconds: 5)
            model.press(.char("p"))
            update(&model, .tick(elapsedMs: 700))
            return model.rendered()
        }
        #expect(run() == run())
    }
}
