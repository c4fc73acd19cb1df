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
    static let screenColumns = 160
    static let screenRows = 48

    /// Returns the exit status: 0 all passed, 1 any failed.
    func run() -> Int32 {
        let started = DispatchTime.now().uptimeNanoseconds
        let host = DeckDrillHost(model: DeckDrillHost.makeModel(config: script.config, columns: HeadlessPlay.screenColumns,
                                                                 rows: HeadlessPlay.screenRows, monochrome: true))
        guard case .success(let historyFile) = HistoryFile.open(historyPath) else { return 2 }
        historyFile?.attach(to: host.model.cluster)
        defer { historyFile?.close() }
        var player = DrillPlayer(script: script)
        // Screens taken at each caption and expectation, in order; each CAPTION/PASS/FAIL line takes the next.
        var screens: [[String]] = []
        if screen { host.onReport = { screens.append(HeadlessPlay.screenText($0)) } }
        var printed = 0
        var passed = 0, failed = 0
        playing: while true {
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
            case .finished(let summary):
                passed = summary.passed
                failed = summary.failed
                break playing
            }
        }
        let wallMs = Int64((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        if json {
            let cluster = host.model.cluster
            cluster.checkLinearizability()
            let report = RunReport(title: script.title, passed: passed, failed: failed, wallMs: wallMs, lines: player.transcript)
            print(report.json(cluster.snapshot(), eventsProcessed: cluster.eventsProcessed).rendered())
        }
        return failed == 0 ? 0 : 1
    }

    /// The dashboard as text, exactly as the terminal would show it at this moment (without colour).
    static func screenText(_ host: DeckDrillHost) -> [String] {
        host.model.collect()
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
