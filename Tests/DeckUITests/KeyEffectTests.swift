import ClusterSim
import DeckUI
import Drill
import Testing

/// Each key's effect on the model, checked against the real cluster behind it (the few that read the
/// screen say why they need it).
@Suite struct KeyEffectTests {
    /// Tab walks the five panes in order and wraps; Shift-Tab walks back.
    @Test func tabCyclesFocusBothWays() {
        var model = DeckTest.model(seconds: 1)
        #expect(model.focus == .placement)
        var seen: [Pane] = []
        for _ in 0..<5 { model.press(.tab); seen.append(model.focus) }
        #expect(seen == [.leaders, .lag, .balancer, .cache, .placement])
        model.press(.backTab)
        #expect(model.focus == .cache)
        model.press(.backTab)
        #expect(model.focus == .balancer)
    }

    /// Arrows and j/k move the focused pane's selection and stop at both ends.
    @Test func selectionMovesAndClamps() {
        var model = DeckTest.model(seconds: 1)
        model.press(.up)
        #expect(model.selection(in: .placement) == 0)
        for _ in 0..<10 { model.press(.char("j")) }
        #expect(model.selection(in: .placement) == 4, "5 stores: the last row is 4")
        model.press(.char("k"))
        #expect(model.selection(in: .placement) == 3)
        model.press(.tab)
        for _ in 0..<30 { model.press(.down) }
        #expect(model.selection(in: .leaders) == 23, "24 partitions")
        #expect(model.selection(in: .placement) == 3, "each pane keeps its own selection")
    }

    /// `a` adds a node of the focused pane's tier.
    @Test func addUsesTheFocusedPanesTier() {
        var model = DeckTest.model(seconds: 1)
        model.press(.char("a"))
        #expect(model.snapshot.stores.count == 6)
        model.press(.tab); model.press(.tab); model.press(.tab)
        #expect(model.focus == .balancer)
        model.press(.char("a"))
        #expect(model.snapshot.balancer.servers.count == 4)
        model.press(.tab)
        model.press(.char("a"))
        #expect(model.snapshot.cache.nodes.count == 4)
    }

    /// `x` kills the selected store, a second `x` is refused by the cluster and the refusal is shown,
    /// `r` restarts it.
    @Test func killRefusalAndRestart() {
        var model = DeckTest.model(seconds: 2)
        model.press(.down)
        #expect(model.selectedNode == .store(2))
        #expect(model.press(.char("x")).isEmpty)
        #expect(model.snapshot.stores[1].state == .down)
        #expect(model.snapshot.faults == [.down(.store(2))])
        #expect(model.status == StatusMessage(text: "kill n2: done", isError: false))
        #expect(model.press(.char("x")) == [.bell])
        #expect(model.status == StatusMessage(text: "kill n2: n2 is already down", isError: true))
        model.press(.char("r"))
        #expect(model.snapshot.stores[1].state == .up)
        #expect(model.snapshot.faults.isEmpty)
    }

    /// In the Leaders pane the selected node is the selected partition's leader.
    @Test func killInLeadersPaneTargetsThePartitionsLeader() {
        var model = DeckTest.model(seconds: 2)
        model.press(.tab)
        model.press(.down); model.press(.down)
        let leader = model.snapshot.partitions[2].leader
        #expect(leader != nil)
        model.press(.char("x"))
        #expect(model.snapshot.faults == [.down(leader!)])
        #expect(model.snapshot.partitions[2].leader == nil)
        #expect(model.press(.char("x")) == [.bell])
        #expect(model.status?.text == "p2 has no leader; select a node in Placement")
    }

    /// `i` isolates, `h` heals every network fault.
    @Test func isolateThenHeal() {
        var model = DeckTest.model(seconds: 1)
        model.press(.char("i"))
        #expect(model.snapshot.faults == [.isolated(.store(1))])
        model.press(.char("h"))
        #expect(model.snapshot.faults.isEmpty)
    }

    /// `p` puts the selected store and the next one on the minority side of a 3 | 2 split.
    @Test func splitPutsTheSelectedStoreOnTheMinoritySide() {
        var model = DeckTest.model(seconds: 1)
        model.press(.down); model.press(.down); model.press(.down); model.press(.down)
        model.press(.char("p"))
        #expect(model.snapshot.faults == [.partition([[.store(2), .store(3), .store(4)], [.store(1), .store(5)]])])
        #expect(model.status?.text == "partition {n2 n3 n4} | {n1 n5}: done")
    }

    /// `b` runs a rebalancing pass; with an empty new store it plans moves to it.
    @Test func rebalanceMovesReplicasToANewStore() {
        var model = DeckTest.model(seconds: 1)
        model.press(.char("a"))
        model.press(.char("b"))
        update(&model, .advance(.seconds(5)))
        #expect(model.snapshot.stores[5].replicas > 0)
        #expect(model.log.lines.contains { $0.style == .rebalance })
    }

    /// `l` cycles the balancer's algorithms and the Balancer title follows.
    /// Live simulation: the title must follow the algorithm the cluster reports after the command.
    @Test func algorithmCycles() {
        var model = DeckTest.model(seconds: 1)
        #expect(model.snapshot.balancerAlgorithm == .powerOfTwo)
        model.press(.char("l"))
        #expect(model.snapshot.balancerAlgorithm == .roundRobin)
        #expect(DeckTest.screen(model).contains { $0.contains("Balancer · round-robin") })
        model.press(.char("l"))
        #expect(model.snapshot.balancerAlgorithm == .powerOfTwo)
    }

    /// Space stops virtual time; ticks while paused change nothing; the status bar says PAUSED.
    /// Live simulation: virtual time must really stop and restart.
    @Test func pauseStopsVirtualTime() {
        var model = DeckTest.model(seconds: 1)
        update(&model, .tick(elapsedMs: 100))
        #expect(model.snapshot.now == .ms(1_100))
        model.press(.char(" "))
        #expect(model.paused)
        update(&model, .tick(elapsedMs: 500))
        #expect(model.snapshot.now == .ms(1_100))
        #expect(DeckTest.screen(model)[0].contains("PAUSED"))
        model.press(.char(" "))
        update(&model, .tick(elapsedMs: 100))
        #expect(model.snapshot.now == .ms(1_200))
    }

    /// `+` and `-` walk the speed ladder; virtual time is wall time times speed, capped per tick.
    @Test func speedMultipliesVirtualTime() {
        var model = DeckTest.model(seconds: 1)
        model.press(.char("+"))
        #expect(model.speed.description == "2x")
        update(&model, .tick(elapsedMs: 100))
        #expect(model.snapshot.now == .ms(1_200))
        model.press(.char("-")); model.press(.char("-")); model.press(.char("-"))
        #expect(model.speed.description == "0.25x")
        update(&model, .tick(elapsedMs: 100))
        #expect(model.snapshot.now == .ms(1_225))
        #expect(model.press(.char("-")) == [.bell], "already slowest")
        for _ in 0..<8 { model.press(.char("+")) }
        #expect(model.speed.description == "64x")
        update(&model, .tick(elapsedMs: 1_000))
        #expect(model.snapshot.now == SimTime.ms(1_225) + SimTime(us: DeckModel.maxVirtualUsPerTick),
                "64 s of virtual time is capped at 2 s per tick")
    }

    /// `?` opens and closes help; while it is open other keys do nothing.
    @Test func helpOpensAndCloses() {
        var model = DeckTest.model(seconds: 1)
        model.press(.char("?"))
        #expect(model.helpVisible)
        model.press(.char("x"))
        #expect(model.snapshot.faults.isEmpty, "keys under the help overlay are not actions")
        model.press(.escape)
        #expect(!model.helpVisible)
        model.press(.char("?")); model.press(.char("?"))
        #expect(!model.helpVisible)
    }

    /// `q` quits with 0 and Ctrl-C with 130, even from the command line.
    @Test func quitAndInterrupt() {
        var model = DeckTest.model(seconds: 1)
        #expect(model.press(.char("q")) == [.quit(exitCode: 0)])
        #expect(model.shouldQuit && model.exitCode == 0)
        var other = DeckTest.model(seconds: 1)
        other.press(.char(":"))
        #expect(other.press(.ctrlC) == [.quit(exitCode: 130)])
        #expect(other.shouldQuit && other.exitCode == 130)
    }

    /// Keys nobody bound do nothing; the table answers drill `key` checks.
    @Test func keyTableAnswersIsBound() {
        for key: KeyInput in [.tab, .backTab, .up, .down, .char("j"), .char("k"), .char("a"), .char("x"), .char("r"),
                              .char("i"), .char("p"), .char("h"), .char("b"), .char("l"), .char(" "), .char("+"),
                              .char("-"), .char("?"), .char(":"), .char("q"), .ctrlC, .char("1"), .char("2"),
                              .char("u")] {
            #expect(DeckKeys.isBound(key), "\(key)")
        }
        #expect(!DeckKeys.isBound(.char("z")))
        #expect(!DeckKeys.isBound(.enter))
        #expect(DeckKeys.action(for: .char("-")) == .slower)
        #expect(DeckKeys.action(for: .backTab) == .focusPrevious)
    }
}

/// Selection shared between the partition panes, and learners shown while a move catches up.
@Suite struct SelectionDetailTests {
    /// The partition picked in Leaders is the one the Replication lag pane details.
    @Test func leadersAndLagShareThePartitionSelection() {
        var (model, _) = DeckTest.fixture()
        model.press(.tab)
        for _ in 0..<7 { model.press(.down) }
        #expect(model.selectedPartition == 7)
        model.press(.tab)
        #expect(model.focus == .lag && model.selection(in: .lag) == 7)
        #expect(DeckTest.screen(model).contains { $0.contains("p7 leader n3 term 1") })
    }

    /// After adding a store and rebalancing, a replica moving to it shows as a learner (◌) until promoted.
    /// Live simulation: the move, and the moment its replica is a learner, come from the real placement.
    @Test func learnerShownDuringAMove() {
        var model = DeckTest.model(seconds: 2)
        model.press(.char("a"))
        model.press(.char("b"))
        var sawLearner = false
        for _ in 0..<100 where !sawLearner {
            update(&model, .advance(.ms(20)))
            if model.snapshot.partitions.contains(where: { $0.learners.contains(.store(6)) }) {
                sawLearner = true
                let row = DeckTest.screen(model).first { $0.hasPrefix("│n6 ") }
                #expect(row?.contains("◌") == true)
            }
        }
        #expect(sawLearner)
    }
}
