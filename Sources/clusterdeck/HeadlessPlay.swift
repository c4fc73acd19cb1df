import ClusterSim
import Drill
import Foundation

/// Plays a drill in virtual time as fast as the machine allows and reports as text or JSON.
struct HeadlessPlay {
    let script: DrillScript
    let json: Bool
    let screen: Bool

    /// Returns the exit status: 0 all passed, 1 any failed.
    func run() -> Int32 {
        let started = DispatchTime.now().uptimeNanoseconds
        let cluster = Cluster(config: script.config)
        let host = ClusterHost(cluster: cluster)
        var player = DrillPlayer(script: script)
        var printed = 0
        func flush() {
            let lines = player.transcript
            while printed < lines.count {
                emit(lines[printed])
                printed += 1
            }
        }
        var summary = DrillSummary(passed: 0, failed: 0)
        playing: while true {
            let state = player.poll(host: host)
            flush()
            switch state {
            case .waiting(let until): cluster.run(until: until)
            case .finished(let done): summary = done; break playing
            }
        }
        let wallMs = Int64((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        if json {
            let report = RunReport(title: script.title, passed: summary.passed, failed: summary.failed,
                                   wallMs: wallMs, lines: player.transcript)
            print(report.json(cluster.snapshot(), eventsProcessed: cluster.eventsProcessed).rendered())
        }
        return summary.failed == 0 ? 0 : 1
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
