import ClusterSim
import DeckTerminal
import DeckUI
import Drill
import Foundation

/// The dashboard's run loop: read keys, advance the simulation at the chosen speed (playing a drill if
/// given), render, and hand the frame to the terminal, at up to 30 frames per second.
enum DashboardRunner {
    static let frameMs = 33

    /// Runs until the operator quits; returns the process exit status: 0 for `q`, 130 for Ctrl-C, 128 + the
    /// signal for any signal that ends the dashboard (143 SIGTERM, 131 SIGQUIT, 138 SIGUSR1 ...), 2 when it
    /// cannot start. When the history file could not be written to the end the run goes on (the screen
    /// says so), a message follows on exit, and `q` exits 2 instead of 0.
    static func run(config: ClusterConfig, script: DrillScript?, historyPath: String? = nil, force: Bool = false) -> Int32 {
        // Before anything is opened: this may execute the program again with a crash reporter that
        // cannot hold the terminal with a prompt.
        CrashReports.ensureNonInteractive()
        // Check everything before touching anything: the terminal first, then the history path.
        if let reason = Terminal.checkUsable() {
            printError("clusterdeck: \(reason); to run a drill without a terminal use 'clusterdeck play FILE --headless'")
            return 2
        }
        do {
            try HistoryFile.check(historyPath, force: force)
        } catch {
            printError(error.message(role: HistoryFile.role))
            return 2
        }
        let terminal = Terminal()
        do {
            try terminal.start()
        } catch {
            printError("clusterdeck: \(error); to run a drill without a terminal use 'clusterdeck play FILE --headless'")
            return 2
        }
        // Opened last, just before the run; it was checked above, so this fails only if the path changed since.
        let history: HistoryFile?
        do {
            history = try HistoryFile.open(historyPath, force: force)
        } catch {
            terminal.stop()
            printError(error.message(role: HistoryFile.role))
            return 2
        }
        let size = terminal.size()
        let monochrome = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let cluster = Cluster(config: config)
        let host = DeckDrillHost(model: DeckDrillHost.makeModel(source: cluster, columns: size.columns, rows: size.rows,
                                                                 monochrome: monochrome))
        history?.attach(to: cluster)
        var session = DashboardSession(terminal: terminal, host: host, player: script.map(DrillPlayer.init), history: history)
        let code = session.run()
        terminal.stop()
        history?.close()
        guard let failure = history?.failure else { return code }
        let when = session.historyStoppedAt.map { " at \($0) of virtual time" } ?? " as it was closed"
        printError("clusterdeck: the history is incomplete: \(failure.summary)\(when); \(failure.kept)")
        return code == 0 ? 2 : code
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// One dashboard run in a started terminal: the loop's state from the first frame until a quit.
private struct DashboardSession {
    let terminal: Terminal
    let host: DeckDrillHost
    var player: DrillPlayer?
    let history: HistoryFile?
    var buffer: CellBuffer
    /// Virtual time at which a failed history write was noticed (and shown), nil while it is fine.
    private(set) var historyStoppedAt: SimTime?

    init(terminal: Terminal, host: DeckDrillHost, player: DrillPlayer?, history: HistoryFile?) {
        self.terminal = terminal
        self.host = host
        self.player = player
        self.history = history
        let size = terminal.size()
        buffer = CellBuffer(width: size.columns, height: size.rows)
    }

    /// Loops until a quit key or a termination signal and returns the exit status; the caller stops the terminal.
    mutating func run() -> Int32 {
        var lastTickNs = DispatchTime.now().uptimeNanoseconds
        var nextFrameNs = lastTickNs
        while true {
            if let signal = Terminal.pendingSignal { return 128 + signal }
            // Wait for a key until the next frame is due; keys are handled at once, never behind the simulation.
            let nowNs = DispatchTime.now().uptimeNanoseconds
            // Round up, so the wait does not end a fraction of a millisecond before the frame is due.
            let waitMs = nowNs >= nextFrameNs ? 0 : Int((nextFrameNs - nowNs + 999_999) / 1_000_000)
            var handledKey = false
            if let key = terminal.readKey(timeoutMs: waitMs) {
                handledKey = true
                if let code = handle(key) { return code }
            }
            let frameNs = DispatchTime.now().uptimeNanoseconds
            guard frameNs >= nextFrameNs else {
                // A key between frames is shown at once; otherwise wait for the frame.
                if handledKey { redraw() }
                continue
            }
            let elapsedMs = Int((frameNs - lastTickNs) / 1_000_000)
            lastTickNs = frameNs
            nextFrameNs = frameNs + UInt64(DashboardRunner.frameMs) * 1_000_000
            if player != nil, !host.model.paused {
                playFrame(elapsedMs: elapsedMs)
            } else {
                _ = update(&host.model, .tick(elapsedMs: elapsedMs))
            }
            redraw()
        }
    }

    /// Applies one key (a resize included); returns the exit status when it quits.
    private mutating func handle(_ key: KeyInput) -> Int32? {
        if key == .resize {
            let s = terminal.size()
            _ = update(&host.model, .resize(columns: s.columns, rows: s.rows))
            buffer = CellBuffer(width: s.columns, height: s.rows)
            return nil
        }
        for effect in update(&host.model, .key(key)) {
            if case .quit(let code) = effect { return code }
        }
        return nil
    }

    /// Advances virtual time by one frame at the current speed, running every drill step due in it; each
    /// step and wait reaches the model as a message through the host.
    private mutating func playFrame(elapsedMs: Int) {
        let spanUs = min(host.model.speed.virtualUs(forWallMs: elapsedMs), DeckModel.maxVirtualUsPerTick)
        let target = host.now + SimTime(us: spanUs)
        while var p = player {
            let state = p.poll(host: host)
            player = p
            switch state {
            case .waiting(let until):
                if until > target {
                    host.advance(to: target)
                    return
                }
                host.advance(to: until)
            case .finished(let summary):
                player = nil
                host.finish(passed: summary.passed, failed: summary.failed)
                host.advance(to: target)
            }
        }
    }

    /// Shows a history write that failed since the last frame (once), then draws the frame.
    private mutating func redraw() {
        if historyStoppedAt == nil, let failure = history?.failure {
            historyStoppedAt = host.now
            _ = update(&host.model, .historyStopped("\(failure.summary); the run goes on, q exits with status 2"))
        }
        render(host.model, into: &buffer)
        terminal.draw(buffer)
    }
}
