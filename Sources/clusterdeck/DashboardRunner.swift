import ClusterSim
import DeckTerminal
import DeckUI
import Drill
import Foundation

/// The dashboard's run loop: read keys, advance the simulation at the chosen speed (playing a drill if
/// given), render, and hand the frame to the terminal, at up to 30 frames per second.
enum DashboardRunner {
    static let frameMs = 33

    /// Runs until the operator quits; returns the process exit status: 0 for `q`, 130 for Ctrl-C, and
    /// 128 + the signal for any signal that ends the dashboard (143 SIGTERM, 131 SIGQUIT, 138 SIGUSR1 ...).
    static func run(config: ClusterConfig, script: DrillScript?, historyPath: String? = nil) -> Int32 {
        // Before anything is opened: this may execute the program again with a crash reporter that
        // cannot hold the terminal with a prompt.
        CrashReports.ensureNonInteractive()
        guard case .success(let historyFile) = HistoryFile.open(historyPath) else { return 2 }
        defer { historyFile?.close() }
        if let reason = Terminal.checkUsable() {
            FileHandle.standardError.write(Data("clusterdeck: \(reason); to run a drill without a terminal use 'clusterdeck play FILE --headless'\n".utf8))
            return 2
        }
        let terminal = Terminal()
        do {
            try terminal.start()
        } catch {
            FileHandle.standardError.write(Data("clusterdeck: \(error); to run a drill without a terminal use 'clusterdeck play FILE --headless'\n".utf8))
            return 2
        }
        let size = terminal.size()
        let monochrome = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let host = DeckDrillHost(model: DeckDrillHost.makeModel(config: config, columns: size.columns, rows: size.rows,
                                                                 monochrome: monochrome))
        historyFile?.attach(to: host.model.cluster)
        var player = script.map(DrillPlayer.init)
        var buffer = CellBuffer(width: size.columns, height: size.rows)
        var lastTickNs = DispatchTime.now().uptimeNanoseconds
        var nextFrameNs = lastTickNs

        while true {
            if let signal = Terminal.pendingSignal {
                terminal.stop()
                return 128 + signal
            }
            // Wait for a key until the next frame is due; keys are handled at once, never behind the simulation.
            let nowNs = DispatchTime.now().uptimeNanoseconds
            // Round up, so the wait does not end a fraction of a millisecond before the frame is due.
            let waitMs = nowNs >= nextFrameNs ? 0 : Int((nextFrameNs - nowNs + 999_999) / 1_000_000)
            var handledKey = false
            if let key = terminal.readKey(timeoutMs: waitMs) {
                handledKey = true
                if key == .resize {
                    let s = terminal.size()
                    _ = update(&host.model, .resize(columns: s.columns, rows: s.rows))
                    buffer = CellBuffer(width: s.columns, height: s.rows)
                } else {
                    host.model.collect()
                    for effect in host.model.press(key) {
                        if case .quit(let code) = effect {
                            terminal.stop()
                            return code
                        }
                    }
                }
            }
            let frameNs = DispatchTime.now().uptimeNanoseconds
            guard frameNs >= nextFrameNs else {
                // A key between frames is shown at once; otherwise wait for the frame.
                if handledKey { redraw(host.model, &buffer, terminal) }
                continue
            }
            let elapsedMs = Int((frameNs - lastTickNs) / 1_000_000)
            lastTickNs = frameNs
            nextFrameNs = frameNs + UInt64(frameMs) * 1_000_000
            if player != nil, !host.model.paused {
                playFrame(&player, host: host, elapsedMs: elapsedMs)
            } else {
                _ = update(&host.model, .tick(elapsedMs: elapsedMs))
            }
            redraw(host.model, &buffer, terminal)
        }
    }

    /// Advances virtual time by one frame at the current speed, running every drill step due in it.
    private static func playFrame(_ player: inout DrillPlayer?, host: DeckDrillHost, elapsedMs: Int) {
        let spanUs = min(host.model.speed.virtualUs(forWallMs: elapsedMs), DeckModel.maxVirtualUsPerTick)
        let target = host.now + SimTime(us: spanUs)
        while var p = player {
            let state = p.poll(host: host)
            player = p
            switch state {
            case .waiting(let until):
                if until > target {
                    host.advance(to: target)
                    host.model.collect()
                    return
                }
                host.advance(to: until)
            case .finished(let summary):
                player = nil
                host.model.collect()
                host.model.showSummary(passed: summary.passed, failed: summary.failed)
                host.advance(to: target)
            }
        }
        host.model.collect()
    }

    private static func redraw(_ model: DeckModel, _ buffer: inout CellBuffer, _ terminal: Terminal) {
        render(model, into: &buffer)
        terminal.draw(buffer)
    }
}
