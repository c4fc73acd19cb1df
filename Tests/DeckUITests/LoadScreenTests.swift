import ClusterSim
import DeckUI
import Drill
import Testing

/// Screen 2, "Load", over fixtures: switching screens, a row per process of every tier, the `u` order,
/// scrolling, node actions on the selected process, and dashes for what was not measured.
@Suite struct LoadScreenTests {
    static let idOrder = ["lb", "s1", "s2", "s3", "c1", "c2", "c3", "n1", "n2", "n3", "n4", "n5"]
    static let busiestFirst = ["n3", "s1", "n4", "s3", "n1", "n2", "n5", "lb", "c2", "c1", "s2", "c3"]

    /// The ids of the process rows on screen, top to bottom.
    static func rowIDs(_ model: DeckModel) -> [String] {
        let lines = DeckTest.screen(model)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("│id   tier") }) else { return [] }
        return lines[(header + 1)...].prefix { !$0.hasPrefix("└") }.compactMap {
            $0.dropFirst().split(separator: " ").first.map(String.init)
        }.filter { NodeID(parsing: $0) != nil }
    }

    /// `2` shows the Load screen and `1` the overview again; the footer lists both, the one on show reversed.
    @Test func numberKeysSwitchScreensAndTheFooterListsThem() {
        var (model, _) = DeckTest.fixture(Fixtures.hotStore())
        #expect(DeckTest.screen(model)[47].hasPrefix("1 Overview 2 Load "))
        model.press(.char("2"))
        #expect(model.screen == .load)
        let footer = model.rendered()
        #expect(footer.line(47).hasPrefix("1 Overview 2 Load ") && footer.line(47).contains("u sort"))
        #expect(footer[x: 11, y: 47].style.attributes.contains(.reverse), "2 Load is marked as the screen on show")
        #expect(!footer[x: 0, y: 47].style.attributes.contains(.reverse))
        #expect(DeckTest.screen(model).contains { $0.hasPrefix("┌ Processes · by id") })
        model.press(.char("1"))
        #expect(model.screen == .overview)
        #expect(DeckTest.screen(model).contains { $0.hasPrefix("┌ Placement") })
    }

    /// Every process of every tier has a row, in the snapshot's order: lb, services, caches, stores.
    @Test func aRowForEveryProcessOfEveryTier() {
        var (model, _) = DeckTest.fixture(Fixtures.hotStore(), columns: 100, rows: 30)
        model.press(.char("2"))
        #expect(LoadScreenTests.rowIDs(model) == LoadScreenTests.idOrder)
    }

    /// `u` sorts busiest first (unmeasured last, ties by id) and back; on the overview `u` does nothing.
    @Test func uTogglesBusiestFirst() {
        var (model, _) = DeckTest.fixture(Fixtures.hotStore())
        model.press(.char("u"))
        #expect(model.loadScreen.order == .byID, "u is a Load screen key")
        model.press(.char("2"))
        model.press(.char("u"))
        #expect(LoadScreenTests.rowIDs(model) == LoadScreenTests.busiestFirst)
        #expect(DeckTest.screen(model).contains { $0.hasPrefix("┌ Processes · by utilisation") })
        model.press(.char("u"))
        #expect(LoadScreenTests.rowIDs(model) == LoadScreenTests.idOrder)
    }

    /// The selection stays on the same process when the order changes, x acts on it, j moves on in the new order.
    @Test func selectionFollowsTheProcessAcrossSortsAndXKillsIt() {
        var (model, source) = DeckTest.fixture(Fixtures.hotStore())
        model.press(.char("2"))
        for _ in 0..<9 { model.press(.char("j")) }
        #expect(model.selectedNode == .store(3))
        model.press(.char("u"))
        #expect(model.selectedNode == .store(3))
        let row = model.rendered().lines().firstIndex { $0.hasPrefix("│n3 ") } ?? 0
        #expect(model.rendered()[x: 1, y: row].style.attributes.contains(.reverse), "the selected row is reversed")
        model.press(.char("x"))
        model.press(.char("j"))
        model.press(.char("i"))
        #expect(source.commands == [.kill(.store(3)), .isolate(.service(1))])
    }

    /// `a` on the Load screen adds a node of the selected process's tier; Tab does nothing there.
    @Test func addUsesTheSelectedTierAndTabIsAnOverviewKey() {
        var (model, source) = DeckTest.fixture(Fixtures.hotStore())
        model.press(.char("2"))
        for _ in 0..<4 { model.press(.down) }
        model.press(.char("a"))
        model.press(.tab)
        #expect(source.commands == [.add(.cache)])
        #expect(model.focus == .placement)
    }

    /// With more processes than rows the list scrolls just enough to keep the selection in view, and the
    /// title says which rows are shown.
    @Test func listScrollsToKeepTheSelectionInView() {
        var (model, _) = DeckTest.fixture(Fixtures.manyStores(30), columns: 100, rows: 30)
        model.press(.char("2"))
        #expect(DeckTest.screen(model).contains { $0.hasPrefix("┌ Processes · by id · 1–12 of 37") })
        for _ in 0..<25 { model.press(.down) }
        #expect(model.selectedNode == .store(19))
        #expect(LoadScreenTests.rowIDs(model).first == "n8" && LoadScreenTests.rowIDs(model).last == "n19")
        for _ in 0..<5 { model.press(.up) }
        #expect(LoadScreenTests.rowIDs(model).first == "n8", "moving up inside the window does not scroll")
        for _ in 0..<40 { model.press(.down) }
        #expect(DeckTest.screen(model).contains { $0.hasPrefix("┌ Processes · by id · 26–37 of 37") })
    }

    /// PgDn and PgUp move the selection a screenful of rows (12 here), clamped at both ends.
    @Test func pageKeysMoveAScreenfulOfRows() {
        var (model, _) = DeckTest.fixture(Fixtures.manyStores(30), columns: 100, rows: 30)
        model.press(.char("2"))
        model.press(.pageDown)
        #expect(model.selectedNode == .store(6), "row 13 of lb, s1-s3, c1-c3, n1-n30")
        #expect(LoadScreenTests.rowIDs(model).last == "n6")
        for _ in 0..<5 { model.press(.pageDown) }
        #expect(model.selectedNode == .store(30))
        model.press(.pageUp)
        #expect(model.selectedNode == .store(18))
        for _ in 0..<5 { model.press(.pageUp) }
        #expect(model.selectedNode == .balancer)
    }

    /// Nothing measured yet (the live simulation in this branch): every process still has a row, every
    /// number is a dash and no 0 or 0% is drawn for a value nobody measured.
    @Test func unmeasuredValuesAreDashesNotZeros() {
        var snapshot = Fixtures.defaultCluster()
        snapshot.load = []
        snapshot.latency = .empty
        var (model, _) = DeckTest.fixture(snapshot)
        model.press(.char("2"))
        let screen = DeckTest.screen(model)
        #expect(LoadScreenTests.rowIDs(model) == LoadScreenTests.idOrder)
        let body = screen[2..<(screen.count - 2)].joined(separator: "\n")
        #expect(!body.contains(" 0%") && !body.contains("0.0") && !body.contains(" 0 "), "\(body)")
        #expect(screen.contains { $0.contains("p99.9       —") })
        #expect(screen.contains { $0.contains("offered        — ops/s") })
    }

    /// A process that handled nothing has no p99: a dash, while its real zeros (queue, handled) stay 0.
    @Test func aMissingP99IsADash() {
        var (model, _) = DeckTest.fixture(Fixtures.hotStore())
        model.press(.char("2"))
        let c3 = DeckTest.screen(model).first { $0.hasPrefix("│c3 ") } ?? ""
        #expect(c3.contains("0/128        —        0.0"), "\(c3)")
        let s2 = DeckTest.screen(model).first { $0.hasPrefix("│s2 ") } ?? ""
        #expect(s2.contains("paused"), "\(s2)")
        let n4 = DeckTest.screen(model).first { $0.hasPrefix("│n4 ") } ?? ""
        #expect(n4.contains("slow x4"), "\(n4)")
    }

    /// The hot store's bar and percentage are red, a warm one yellow, a cool one green; in monochrome the
    /// hot one is still bold.
    @Test func utilisationIsColouredByHeat() {
        for monochrome in [false, true] {
            var (model, _) = DeckTest.fixture(Fixtures.hotStore(), monochrome: monochrome)
            model.press(.char("2"))
            model.press(.down)
            let buffer = model.rendered()
            func percentCell(_ id: String) -> Cell {
                let y = buffer.lines().firstIndex { $0.hasPrefix("│\(id) ") } ?? 0
                let x = buffer.line(y).unicodeScalars.count - buffer.line(y).drop { $0 != "%" }.unicodeScalars.count
                return buffer[x: x, y: y]
            }
            if monochrome {
                #expect(percentCell("n3").style.attributes.contains(.bold))
            } else {
                #expect(percentCell("n3").style.foreground == .red)
                #expect(percentCell("n4").style.foreground == .yellow)
                #expect(percentCell("n5").style.foreground == .green)
            }
        }
    }
}
