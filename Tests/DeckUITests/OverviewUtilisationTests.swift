import ClusterSim
import DeckUI
import Testing

/// The overview's Placement and Balancer panes show each node's utilisation from the load snapshot, so a
/// hot node is visible on the first screen, at both supported sizes.
@Suite struct OverviewUtilisationTests {
    @Test(arguments: [(160, 48), (100, 30)])
    func placementAndBalancerShowUtilisation(size: (Int, Int)) {
        let (model, _) = DeckTest.fixture(Fixtures.hotStore(), columns: size.0, rows: size.1)
        let buffer = model.rendered()
        let lines = buffer.lines()
        let n3 = lines.firstIndex { $0.hasPrefix("│n3  up   15  5  97% ") }
        #expect(n3 != nil, "\(lines.joined(separator: "\n"))")
        #expect(buffer[x: 18, y: n3 ?? 0].style.foreground == .red)
        #expect(lines.contains { $0.contains("│s1  up       88% ") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("│id  st  rep ld util p0") })
        #expect(lines.contains { $0.contains("p20") }, "every partition still has a column")
    }

    /// Without load views (the live simulation in this branch) the column shows dashes, never 0%.
    @Test func unmeasuredUtilisationIsADash() {
        var snapshot = Fixtures.defaultCluster()
        snapshot.load = []
        let (model, _) = DeckTest.fixture(snapshot, columns: 100, rows: 30)
        let lines = DeckTest.screen(model)
        #expect(lines.contains { $0.hasPrefix("│n1  up   14  5    — ●") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("│s1  up         —") })
        #expect(!lines.contains { $0.contains(" 0%") })
    }
}
