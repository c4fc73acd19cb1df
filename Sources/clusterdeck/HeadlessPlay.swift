import ClusterSim
import DeckUI
import Drill
import Foundation

/// Plays a drill in virtual time as fast as the machine allows, through the dashboard's own state machine
/// (so `key` lines act exactly as on screen), and reports as text or JSON.
struct HeadlessPlay {
    let script: DrillScript
    let json: Bool
    let screen: Bool
    let historyPath: String?
    /// Overwrite an existing history file (a writable regular file only).
    let force: Bool
    static let screenColumns = 160
    static let screenRows = 48

    /// Returns the exit status: 0 all passed, 1 any failed, 2 when the history file could not be opened
    /// or written (the drill stops at the failed write: the run it would report is no longer recorded).
    func run() -> Int32 {
        let started = DispatchTime.now().uptimeNanoseconds
        let cluster = Cluster(config: script.config)
        let host = DeckDrillHost(model: DeckDrillHost.makeModel(source: cluster, columns: HeadlessPlay.screenColumns,
                                                                 rows: HeadlessPlay.screenRows, monochrome: true))
        // Opened last, once the drill and configuration are known good, just before the run.
        let history: HistoryFile?
        do {
            history = try HistoryFile.open(historyPath, force: force)
        } catch {
            FileHandle.standardError.write(Data((error.message(role: HistoryFile.role) + "\n").utf8))
            return 2
        }
        history?.attach(to: cluster)
        var player = DrillPlayer(script: script)
        let outcome = play(&player, host: host, history: history)
        history?.close()
        if let failure = history?.failure {
            let stop = outcome == nil ? "the drill stopped at \(host.now)" : "the drill had finished"
            FileHandle.standardError.write(Data("clusterdeck: \(failure.summary); \(stop); \(failure.kept)\n".utf8))
            return 2
        }
        guard let (passed, failed) = outcome else { return 2 }
        if json {
            let wallMs = Int64((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            cluster.checkLinearizability()
            let report = RunReport(title: script.title, passed: passed, failed: failed, wallMs: wallMs, lines: player.transcript)
            print(report.json(cluster.snapshot(), eventsProcessed: cluster.eventsProcessed).rendered())
        }
        return failed == 0 ? 0 : 1
    }

    /// Plays the drill to its end, printing its transcript as it goes, and returns its counts; nil when
    /// writing the history failed first (the drill stops at that moment).
    private func play(_ player: inout DrillPlayer, host: DeckDrillHost, history: HistoryFile?) -> (passed: Int, failed: Int)? {
        // Screens taken at each caption and expectation, in order; each CAPTION/PASS/FAIL line takes the next.
        var screens: [[String]] = []
        if screen { host.onReport = { screens.append(HeadlessPlay.screenText($0)) } }
        var printed = 0
        while true {
            let state = player.poll(host: host)
            let lines = player.transcript
            while printed < lines.count {
                emit(lines[printed])
                let reported = ["CAPTION ", "PASS ", "FAIL "].contains { lines[printed].hasPrefix($0) }
                if screen && reported && !screens.isEmpty {
                    screens.removeFirst().forEach(emit)
                }
                printed += 1
            }
            switch state {
            case .waiting(let until):
                host.advance(to: until)
                if history?.failure != nil { return nil }
            case .finished(let summary):
                return (summary.passed, summary.failed)
            }
        }
    }

    /// The dashboard as text, exactly as the terminal would show it at this moment (without colour).
    static func screenText(_ host: DeckDrillHost) -> [String] {
        var buffer = CellBuffer(width: screenColumns, height: screenRows)
        render(host.model, into: &buffer)
        return ["--- screen at \(host.now) (\(screenColumns)x\(screenRows)) ---"] + buffer.lines() + ["--- end of screen ---"]
    }

    /// Text lines go to stdout, or to stderr when stdout carries the JSON report.
    private func emit(_ line: String) {
        if json {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            print(line)
        }
    }
}
