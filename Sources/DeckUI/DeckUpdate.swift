import ClusterSim
import Drill

/// The dashboard's one state transition: applies `message` to `model` and returns what the caller must do.
@discardableResult
public func update(_ model: inout DeckModel, _ message: DeckMessage) -> [DeckEffect] {
    switch message {
    case .key(let key):
        return model.handleKey(key)
    case .tick(let elapsedMs):
        guard elapsedMs > 0 else { return [] }
        if model.status != nil {
            model.statusAgeMs += elapsedMs
            if model.statusAgeMs >= DeckModel.statusLifetimeMs { model.status = nil }
        }
        guard !model.paused else { return [] }
        let us = min(model.speed.virtualUs(forWallMs: elapsedMs), DeckModel.maxVirtualUsPerTick)
        model.source.run(for: SimTime(us: us))
        model.collect()
    case .advance(let span):
        model.source.run(for: SimTime(us: max(0, span.us)))
        model.collect()
    case .command(let command):
        return model.applyDrillCommand(command)
    case .resize(let columns, let rows):
        model.columns = max(0, columns)
        model.rows = max(0, rows)
    case .caption(let text):
        model.caption = text
        if let text { model.appendLog(text, style: .caption) }
    case .expectation(let text, let passed):
        model.appendLog((passed ? "PASS " : "FAIL ") + text, style: passed ? .success : .failure)
    case .log(let text, let style):
        model.appendLog(text, style: style)
    case .summary(let passed, let failed):
        model.summary = DrillSummary(passed: passed, failed: failed)
        model.appendLog("drill finished: \(passed) passed, \(failed) failed", style: failed == 0 ? .success : .failure)
    case .historyStopped(let reason):
        model.historyProblem = "history stopped: \(reason)"
        model.appendLog("history stopped: \(reason)", style: .failure)
        model.status = StatusMessage(text: "history stopped: \(reason)", isError: true)
        return [.bell]
    }
    return []
}

extension DeckModel {
    mutating func appendLog(_ text: String, style: LogLineStyle) {
        log.append(LogLine(time: snapshot.now, text: text, style: style))
    }

    /// Keys go first to whatever is on top: the summary overlay, the `:` line, the help overlay.
    mutating func handleKey(_ key: KeyInput) -> [DeckEffect] {
        if key == .ctrlC { return perform(.interrupt) }
        if summary != nil {
            return key == .char("q") ? perform(.quit) : []
        }
        if commandLine != nil { return editCommandLine(key) }
        if helpVisible {
            switch key {
            case .char("?"), .escape: helpVisible = false
            case .char("q"): return perform(.quit)
            default: break
            }
            return []
        }
        if key == .escape {
            status = nil
            return []
        }
        guard let action = DeckKeys.action(for: key, on: screen) else { return [] }
        return perform(action)
    }

    mutating func editCommandLine(_ key: KeyInput) -> [DeckEffect] {
        guard var text = commandLine else { return [] }
        switch key {
        case .escape:
            commandLine = nil
        case .backspace:
            if !text.isEmpty { text.removeLast() }
            commandLine = text
        case .enter:
            commandLine = nil
            return runCommandLine(text.trimmingSpaces)
        case .char(let c):
            if text.count < DeckModel.commandLineLimit, c.isASCII, let a = c.asciiValue, a >= 32, a < 127 {
                text.append(c)
            }
            commandLine = text
        default:
            break
        }
        return []
    }

    mutating func runCommandLine(_ text: String) -> [DeckEffect] {
        guard !text.isEmpty else { return [] }
        let command: ClusterCommand
        do {
            command = try parseCommand(text, snapshot)
        } catch {
            status = StatusMessage(text: "\(text): \(error)", isError: true)
            return [.bell]
        }
        return apply(command, echo: text, logEcho: true)
    }

    /// Sends `command` to the source; a refusal goes to the status line, success to the log.
    mutating func apply(_ command: ClusterCommand, echo: String, logEcho: Bool) -> [DeckEffect] {
        if let refusal = source.apply(command) {
            status = StatusMessage(text: "\(echo): \(refusal)", isError: true)
            appendLog("refused: \(echo): \(refusal)", style: .failure)
            return [.bell]
        }
        if logEcho { appendLog("> \(echo)", style: .command) }
        status = StatusMessage(text: "\(echo): done", isError: false)
        collect()
        return []
    }
}

extension DeckModel {
    /// A drill's command line: applied like the operator's, but quietly (the cluster logs what it did and
    /// the drill's caption explains it); a refusal is logged and handed back for the drill to report.
    mutating func applyDrillCommand(_ command: ClusterCommand) -> [DeckEffect] {
        if let refusal = source.apply(command) {
            appendLog("drill command refused: \(refusal)", style: .failure)
            return [.refused(refusal)]
        }
        collect()
        return []
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
        return String(String.UnicodeScalarView(scalars))
    }
}
