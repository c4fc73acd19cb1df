import ClusterSim

/// The rows around the panes: status bar, fault banner, caption bar, message line and footer.
enum Chrome {
    static func statusBar(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        let s = model.snapshot
        buffer.fill(rect, style: theme.text)
        let speed = model.paused ? (" PAUSED ", theme.banner) : ("▶ " + model.speed.description, theme.good)
        let counts = [s.stores.count, s.balancer.servers.count, s.cache.nodes.count, s.partitions.count]
        let names = ["stores", "services", "caches", "partitions"]
        // Narrower screens drop the product name, then spell the cluster's size tersely.
        let sizes = [
            (" ClusterDeck ", zip(counts, names).map { "\($0) \($1)" }.joined(separator: " · ")),
            ("", zip(counts, names).map { "\($0) \($1)" }.joined(separator: ", ")),
            ("", zip(counts, ["n", "s", "c", "p"]).map { "\($1)\($0)" }.joined(separator: " ")),
        ]
        var parts: [(String, Style)] = []
        for (name, size) in sizes {
            parts = [
                (name, theme.heading), (name.isEmpty ? " t " : "  t ", theme.dim), (Format.statusClock(s.now), theme.heading),
                ("  ", theme.text), speed, ("  seed ", theme.dim), (String(s.seed), theme.text),
                ("  lb ", theme.dim), (s.balancerAlgorithm.rawValue, theme.text),
                ("  replication ", theme.dim), (s.replicationMode.rawValue, s.replicationMode == .async ? theme.warn : theme.text),
                ("  " + size, theme.text),
            ]
            if parts.reduce(0, { $0 + CellBuffer.columns(of: $1.0) }) <= rect.width { break }
        }
        var x = rect.x
        for (text, style) in parts { x += buffer.put(x: x, y: rect.y, text, style: style, clip: rect) }
        let failed = s.clients.failed + s.clients.timedOut
        let clients = "ops ok \(Format.count(s.clients.ok))  failed \(Format.count(failed)) "
        let clientsX = rect.maxX - clients.count
        if clientsX > x + 2 {
            buffer.put(x: clientsX, y: rect.y, clients, style: failed > 0 ? theme.warn : theme.dim)
        }
    }

    /// Every fault in force, in red (or a quiet line saying there are none), with the checkers' verdict
    /// at the right end: green while every check holds, red naming what broke.
    static func banner(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let (checksText, checksStyle) = checks(model)
        let checksWidth = min(CellBuffer.columns(of: checksText), max(0, rect.width / 2))
        let faultRect = Rect(x: rect.x, y: rect.y, width: rect.width - checksWidth - 1, height: rect.height)
        faultBanner(model, in: faultRect, buffer: &buffer)
        buffer.fill(Rect(x: faultRect.maxX, y: rect.y, width: rect.maxX - faultRect.maxX, height: 1))
        buffer.put(x: rect.maxX - checksWidth, y: rect.y, checksText, style: checksStyle, maxWidth: checksWidth, ellipsis: true)
    }

    /// The live checkers in one phrase: linearizability of the store's history, lost writes, stale cache reads.
    static func checks(_ model: DeckModel) -> (String, Style) {
        let theme = model.theme
        let c = model.snapshot.checks
        let stale = c.staleReads > 0 ? " · \(c.staleReads) stale cache reads" : ""
        let safety = c.electionSafetyViolations + c.committedEntryChanges
        if c.linearizable == false || c.acknowledgedWritesLost > 0 || safety > 0 {
            var parts: [String] = []
            if c.acknowledgedWritesLost > 0 { parts.append("\(c.acknowledgedWritesLost) acked writes LOST") }
            if safety > 0 { parts.append("\(safety) Raft safety violations") }
            if c.linearizable == false { parts.append("NOT LINEARIZABLE " + (c.firstViolation ?? "")) }
            return (" " + parts.joined(separator: " · ") + " ", theme.banner)
        }
        let undecided = c.undecidedKeys > 0 ? " (\(c.undecidedKeys) \(c.undecidedKeys == 1 ? "key" : "keys") undecided)" : ""
        let verdict = c.linearizable == nil ? "checks running" : "✓ linearizable\(undecided) · 0 writes lost"
        return (verdict + stale + " ", theme.good)
    }

    private static func faultBanner(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        let s = model.snapshot
        let leaderless = s.partitions.filter { $0.leader == nil }.count
        if s.faults.isEmpty {
            buffer.fill(rect)
            buffer.put(x: rect.x + 1, y: rect.y, "no faults in force", style: theme.good)
            if leaderless > 0 {
                buffer.put(x: rect.x + 21, y: rect.y, "· \(leaderless) partitions without a leader", style: theme.bad)
            }
            return
        }
        buffer.fill(rect, style: theme.banner)
        var text = " FAULTS: " + s.faults.map(\.description).joined(separator: "  ·  ")
        if leaderless > 0 { text += "  ·  \(leaderless) partition\(leaderless == 1 ? "" : "s") without a leader" }
        buffer.put(x: rect.x, y: rect.y, text, style: theme.banner, maxWidth: rect.width, ellipsis: true)
    }

    static func caption(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        guard let text = model.caption, !rect.isEmpty else { return }
        let theme = model.theme
        buffer.fill(rect, style: theme.selected)
        buffer.put(x: rect.x + 1, y: rect.y, "▶ " + text, style: theme.selected.adding(.bold), maxWidth: rect.width - 2,
                   ellipsis: true)
    }

    /// The `:` line while typing; otherwise the last action's result, or else a stopped history, or a hint.
    static func messageLine(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        buffer.fill(rect)
        if let line = model.commandLine {
            let prompt = ":" + line
            // Keep the end of a long line (where the cursor is) in view.
            let visible = String(String.UnicodeScalarView(prompt.unicodeScalars.suffix(max(1, rect.width - 2))))
            let used = buffer.put(x: rect.x, y: rect.y, visible, style: theme.heading)
            buffer[x: rect.x + used, y: rect.y] = Cell("█", style: theme.accent)
            return
        }
        if let status = model.status {
            buffer.put(x: rect.x, y: rect.y, status.text, style: status.isError ? theme.bad : theme.good,
                       maxWidth: rect.width, ellipsis: true)
        } else if let problem = model.historyProblem {
            buffer.put(x: rect.x, y: rect.y, problem, style: theme.bad, maxWidth: rect.width, ellipsis: true)
        } else {
            buffer.put(x: rect.x, y: rect.y, model.screen.hint, style: theme.dim, maxWidth: rect.width, ellipsis: true)
        }
    }

    /// The screens first (the one on show reversed), then key hints for this screen generated from the key
    /// table, as many as fit; help and quit are always shown, at the right.
    static func footer(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        buffer.fill(rect)
        func width(_ b: KeyBinding) -> Int { CellBuffer.columns(of: b.keyText) + 1 + b.label.count }
        func draw(_ b: KeyBinding, at x: Int) -> Int {
            let used = buffer.put(x: x, y: rect.y, b.keyText, style: theme.key)
            return used + 1 + buffer.put(x: x + used + 1, y: rect.y, b.label, style: theme.dim)
        }
        let essential = DeckKeys.table.filter { $0.actions == [.toggleHelp] || $0.actions == [.quit] }
        var right = rect.maxX - essential.reduce(0) { $0 + width($1) + 2 } + 2
        for b in essential { right += draw(b, at: right) + 2 }
        let limit = rect.maxX - essential.reduce(0) { $0 + width($1) + 2 }
        var x = screenTabs(model, in: rect, buffer: &buffer) + 2
        var labels = essential.map(\.label) + [DeckKeys.screens.label]
        for b in DeckKeys.table where !labels.contains(b.label) && b.applies(on: model.screen) {
            labels.append(b.label)
            guard x + width(b) <= limit else { break }
            x += draw(b, at: x) + 2
        }
    }

    /// `1 Overview  2 Load` with the screen on show reversed; returns where the hints may start.
    static func screenTabs(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) -> Int {
        let theme = model.theme
        var x = rect.x
        for screen in DeckScreen.allCases {
            let current = screen == model.screen
            let used = buffer.put(x: x, y: rect.y, DeckKeys.name(screen.key), style: current ? theme.selected.adding(.bold) : theme.key)
            x += used + buffer.put(x: x + used, y: rect.y, " " + screen.title + " ",
                                   style: current ? theme.selected.adding(.bold) : theme.dim)
        }
        return x
    }

    /// Shown instead of the dashboard when the terminal is below the minimum size.
    static func tooSmall(columns: Int, rows: Int, theme: Theme, buffer: inout CellBuffer) {
        let lines = [
            ("ClusterDeck needs a terminal of at least \(DeckLayout.minimumColumns)x\(DeckLayout.minimumRows)", theme.heading),
            ("this one is \(columns)x\(rows)", theme.bad),
            ("enlarge the window or shrink the font; q quits", theme.dim),
        ]
        let top = max(0, (rows - lines.count) / 2)
        for (i, (text, style)) in lines.enumerated() {
            let width = CellBuffer.columns(of: text)
            buffer.put(x: max(0, (columns - width) / 2), y: top + i, text, style: style)
        }
    }
}
