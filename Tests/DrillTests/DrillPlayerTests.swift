import Testing
import ClusterSim
@testable import Drill

/// The player runs steps when their virtual time comes, decides expectations, and reports what happened.
struct DrillPlayerTests {
    // Each poll runs what is due and names the next moment; polling early changes nothing.
    @Test func waitsAdvanceTime() throws {
        var player = try DrillPlayer.make("""
            caption "one"
            wait 2s
            caption "two"
            wait 500ms
            key x
            wait 1.5s
            caption "three"
            """)
        let host = FakeHost()
        #expect(player.poll(host: host) == .waiting(until: .seconds(2)))
        host.advance(to: .seconds(1))
        #expect(player.poll(host: host) == .waiting(until: .seconds(2)))
        host.advance(to: .seconds(2))
        #expect(player.poll(host: host) == .waiting(until: .ms(2_500)))
        host.advance(to: .ms(2_500))
        #expect(player.poll(host: host) == .waiting(until: .seconds(4)))
        host.advance(to: .seconds(4))
        #expect(player.poll(host: host) == .finished(DrillSummary(passed: 0, failed: 0)))
        #expect(host.events == [
            "0.000s caption line 1: one", "2.000s caption line 3: two", "2.500s key x", "4.000s caption line 7: three",
        ])
        #expect(player.transcript == ["CAPTION 0.000s one", "CAPTION 2.000s two", "CAPTION 4.000s three", "0 passed, 0 failed"])
    }

    // `within` re-checks every 10 ms and passes at the first check where the condition holds.
    @Test func withinPassesAsSoonAsItHolds() throws {
        var player = try DrillPlayer.make("""
            wait 1s
            kill n2
            expect leaderless == 0 within 2s
            expect up n2 == 0
            """)
        let host = FakeHost()
        #expect(player.playHeadless(host) == DrillSummary(passed: 2, failed: 0))
        #expect(player.transcript == ["PASS 2.200s leaderless == 0 (0)", "PASS 2.200s up n2 == 0 (0)", "2 passed, 0 failed"])
        // Leaders return 1200 ms after the kill: checks at 1.000, 1.010, ..., 2.200, then one for `up`.
        let leaderlessReads = (0...120).map { SimTime.ms(1_000 + 10 * $0) }
        #expect(host.reads == leaderlessReads + [.ms(2_200)])
    }

    // A `within` that never holds fails at its deadline and reports the value seen there.
    @Test func withinFailsAtDeadlineWithActualValue() throws {
        var player = try DrillPlayer.make("""
            kill n2
            expect leaderless == 0 within 505ms
            wait 1s
            expect leaderless == 0
            """)
        let host = FakeHost()
        #expect(player.playHeadless(host) == DrillSummary(passed: 1, failed: 1))
        #expect(player.transcript == ["FAIL 0.505s leaderless == 0 (3)", "PASS 1.505s leaderless == 0 (0)", "1 passed, 1 failed"])
        #expect(host.reads.suffix(3) == [.ms(500), .ms(505), .ms(1_505)])
        #expect(host.results.map(\.line) == [2, 4])
        #expect(host.results.map(\.passed) == [false, true])
        #expect(host.results.map(\.actual) == [3, 0])
    }

    // Without `within` the condition is checked exactly once, when the step is reached.
    @Test func expectWithoutWithinChecksOnce() throws {
        var player = try DrillPlayer.make("kill n1\nexpect leaderless == 0\nwait 5s")
        let host = FakeHost()
        #expect(player.playHeadless(host) == DrillSummary(passed: 0, failed: 1))
        #expect(player.transcript == ["FAIL 0.000s leaderless == 0 (3)", "0 passed, 1 failed"])
        #expect(host.reads == [.zero])
        #expect(host.now == .seconds(5))
    }

    // A command the host refuses is an ERROR line and a failure; the drill carries on.
    @Test func refusedCommandsAreReported() throws {
        var player = try DrillPlayer.make("""
            kill n2
            wait 1s
            kill   n2   # again
            restart n3
            restart n2
            expect up n2 == 1
            """)
        let host = FakeHost()
        #expect(player.playHeadless(host) == DrillSummary(passed: 1, failed: 2))
        #expect(player.transcript == [
            "ERROR 1.000s line 3: kill n2: n2 is already down",
            "ERROR 1.000s line 4: restart n3: n3 is already up",
            "PASS 1.000s up n2 == 1 (1)",
            "1 passed, 2 failed",
        ])
        #expect(host.events == ["0.000s apply kill(n2)", "1.000s apply restart(n2)"])
    }

    // Keys reach the host in drill order, at the time of their step.
    @Test func keysPressedInOrder() throws {
        var player = try DrillPlayer.make("key x\nkey tab\nwait 100ms\nkey space\nkey \"?\"\nkey shift-tab")
        let host = FakeHost()
        _ = player.playHeadless(host)
        #expect(host.events == ["0.000s key x", "0.000s key tab", "0.100s key space", "0.100s key ?", "0.100s key shift-tab"])
    }

    static let failoverDrill = """
        title "Leader failover"
        seed 7
        workload rate=200 reads=0.9
        caption "n2 leads several partitions. Watch them move when it dies."
        wait 3s
        kill n2
        expect leaderless == 0 within 2s
        expect hit-ratio < 0.3
        expect lost-writes == 0
        kill n2
        caption "done"
        """

    // A whole drill gives exactly this transcript, and the same transcript every time it is played.
    @Test func transcriptIsExactAndRepeatable() throws {
        func play() throws -> [String] {
            var player = try DrillPlayer.make(Self.failoverDrill)
            let host = FakeHost()
            host.lostWrites = 3
            _ = player.playHeadless(host)
            return player.transcript
        }
        let first = try play()
        #expect(first == [
            "CAPTION 0.000s n2 leads several partitions. Watch them move when it dies.",
            "PASS 4.200s leaderless == 0 (0)",
            "FAIL 4.200s hit-ratio < 0.3 (0.525)",
            "FAIL 4.200s lost-writes == 0 (3)",
            "ERROR 4.200s line 10: kill n2: n2 is already down",
            "CAPTION 4.200s done",
            "1 passed, 3 failed",
        ])
        #expect(try play() == first)
    }

    // Once finished, polling again returns the same summary and adds nothing to the transcript.
    @Test func finishedIsStable() throws {
        var player = try DrillPlayer.make("expect up lb == 1")
        let host = FakeHost()
        #expect(player.poll(host: host) == .finished(DrillSummary(passed: 1, failed: 0)))
        host.advance(to: .seconds(1))
        #expect(player.poll(host: host) == .finished(DrillSummary(passed: 1, failed: 0)))
        #expect(player.transcript == ["PASS 0.000s up lb == 1 (1)", "1 passed, 0 failed"])
        #expect(host.results.count == 1)
    }

    // A real-time caller that overshoots a deadline does not push the drill's later waits back.
    @Test func overshootDoesNotDelaySchedule() throws {
        var player = try DrillPlayer.make("wait 1s\ncaption \"a\"\nwait 1s\ncaption \"b\"")
        let host = FakeHost()
        #expect(player.poll(host: host) == .waiting(until: .seconds(1)))
        host.advance(to: .ms(1_007))
        #expect(player.poll(host: host) == .waiting(until: .seconds(2)))
        host.advance(to: .ms(2_300))
        #expect(player.poll(host: host) == .finished(DrillSummary(passed: 0, failed: 0)))
        #expect(player.transcript == ["CAPTION 1.007s a", "CAPTION 2.300s b", "0 passed, 0 failed"])
    }

    // A big jump in time runs every step that became due, in order, within one poll.
    @Test func oneJumpRunsEverythingDue() throws {
        var player = try DrillPlayer.make("wait 1s\nkey a\nwait 1s\nkey b\nwait 1s\nkey c")
        let host = FakeHost()
        _ = player.poll(host: host)
        host.advance(to: .seconds(10))
        #expect(player.poll(host: host) == .finished(DrillSummary(passed: 0, failed: 0)))
        #expect(host.events == ["10.000s key a", "10.000s key b", "10.000s key c"])
    }

    // The drill's clock starts at the first poll, not at time zero.
    @Test func timeStartsAtFirstPoll() throws {
        var player = try DrillPlayer.make("wait 1s\nexpect leaderless == 1 within 30ms")
        let host = FakeHost(now: .seconds(10))
        #expect(player.poll(host: host) == .waiting(until: .seconds(11)))
        #expect(player.playHeadless(host) == DrillSummary(passed: 0, failed: 1))
        #expect(player.transcript == ["FAIL 11.030s leaderless == 1 (0)", "0 passed, 1 failed"])
        #expect(host.reads == [.ms(11_000), .ms(11_010), .ms(11_020), .ms(11_030)])
    }
}
