import ClusterSim

/// Pane "Replication lag": per partition the largest follower lag in entries as a bar, every follower of
/// the selected partition in entries and in ms since its last acknowledgement, and a 60 s sparkline of
/// the cluster-wide maximum.
enum LagPane {
    /// Lag in entries at or above which a follower counts as lagging, and as far behind.
    static let warnEntries = 20
    static let badEntries = 200
    /// An acknowledgement older than this (several heartbeats) is suspicious.
    static let warnAckMs: Int64 = 300
    /// Bars are scaled to at least this many entries so a lag of 1 does not fill the bar.
    static let minimumScaleEntries = 20

    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let inner = PaneFrame.draw(.lag, title: "Replication lag (entries)", in: rect, model: model, buffer: &buffer)
        guard inner.height >= 3 else { return }
        let theme = model.theme
        let snapshot = model.snapshot
        let selected = model.selection(in: .lag)
        let partition = snapshot.partitions.indices.contains(selected) ? snapshot.partitions[selected] : nil
        let followers = partition?.lag ?? []
        // Wide panes get a detail block (divider, title, a row per follower); narrow ones one line.
        let spacious = inner.height >= snapshot.partitions.count + 3 + max(1, followers.count)
        let detailRows = spacious ? 2 + max(1, followers.count) : 1
        let barsArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - detailRows - 1)
        drawBars(snapshot, selected: selected, in: barsArea, model: model, buffer: &buffer)

        var y = barsArea.maxY
        if spacious {
            buffer.drawDivider(y: y, in: Rect(x: inner.x - 1, y: y, width: inner.width + 2, height: 1),
                               style: model.focus == .lag ? theme.focusBorder : theme.border)
            y += 1
            drawDetailBlock(partition, at: Rect(x: inner.x, y: y, width: inner.width, height: detailRows - 1),
                            theme: theme, buffer: &buffer)
        } else {
            drawDetailLine(partition, x: inner.x, y: y, width: inner.width, theme: theme, buffer: &buffer)
        }
        drawSparkline(snapshot.lagMaxHistory, x: inner.x, y: inner.maxY - 1, width: inner.width, theme: theme,
                      buffer: &buffer)
    }

    static func style(entries: Int, theme: Theme) -> Style {
        entries >= badEntries ? theme.bad : entries >= warnEntries ? theme.warn : theme.good
    }

    static func drawBars(_ snapshot: ClusterSnapshot, selected: Int, in area: Rect, model: DeckModel,
                         buffer: inout CellBuffer) {
        let theme = model.theme
        let flow = PartitionFlow(count: snapshot.partitions.count, in: area, headerRows: 0, widest: 0)
        let scale = Double(max(minimumScaleEntries, snapshot.partitions.map(\.lagMax).max() ?? 0))
        let numberWidth = flow.columnWidth >= 20 ? 6 : 3
        for (i, p) in snapshot.partitions.enumerated() {
            guard let cell = flow.cell(i) else { break }
            buffer.put(x: cell.x, y: cell.y, p.name, style: p.leader == nil ? theme.alarm : theme.text)
            let barX = cell.x + 4
            let barWidth = cell.width - 4 - numberWidth - 1
            if p.leader == nil {
                buffer.put(x: barX, y: cell.y, "no leader", style: theme.alarm, maxWidth: cell.width - 4)
            } else {
                Gauges.bar(&buffer, x: barX, y: cell.y, width: barWidth, value: Double(p.lagMax), maximum: scale,
                           style: style(entries: p.lagMax, theme: theme))
                let number = numberWidth >= 6 ? Format.count(p.lagMax) : Format.tinyCount(p.lagMax)
                buffer.put(x: cell.maxX - numberWidth, y: cell.y, Format.pad(number, numberWidth, right: true),
                           style: style(entries: p.lagMax, theme: theme))
            }
            if i == selected {
                PaneFrame.highlight(cell, pane: .lag, model: model, buffer: &buffer)
            }
        }
    }

    /// `p3 leader n1 · follower  entries  ack`, then a row per follower.
    static func drawDetailBlock(_ p: PartitionView?, at area: Rect, theme: Theme, buffer: inout CellBuffer) {
        guard let p else { return }
        guard let leader = p.leader else {
            buffer.put(x: area.x, y: area.y, "\(p.name): no leader, so no follower is being replicated to",
                       style: theme.alarm, maxWidth: area.width, ellipsis: true)
            return
        }
        buffer.put(x: area.x, y: area.y, "\(p.name) leader \(leader) term \(p.term)", style: theme.heading)
        let columnsX = area.x + 22
        buffer.put(x: columnsX, y: area.y, "follower  entries   ack ms", style: theme.dim)
        for (row, f) in p.lag.prefix(area.height - 1).enumerated() {
            let y = area.y + 1 + row
            let learner = p.learners.contains(f.node)
            buffer.put(x: columnsX, y: y, f.node.description + (learner ? " (l)" : ""),
                       style: learner ? theme.learner : theme.text)
            buffer.put(x: columnsX + 10, y: y, Format.pad(Format.count(f.entries), 7, right: true),
                       style: style(entries: f.entries, theme: theme))
            buffer.put(x: columnsX + 18, y: y, Format.pad(String(f.msSinceAck), 8, right: true),
                       style: f.msSinceAck >= warnAckMs ? theme.warn : theme.text)
        }
    }

    /// `p3 n1→ n2 0e/10ms n4 1e/20ms` on one line.
    static func drawDetailLine(_ p: PartitionView?, x: Int, y: Int, width: Int, theme: Theme, buffer: inout CellBuffer) {
        guard let p else { return }
        guard let leader = p.leader else {
            buffer.put(x: x, y: y, "\(p.name): no leader", style: theme.alarm, maxWidth: width)
            return
        }
        var column = x + buffer.put(x: x, y: y, "\(p.name) \(leader)→", style: theme.heading, maxWidth: width)
        for f in p.lag {
            let text = " \(f.node) \(Format.tinyCount(f.entries))e/\(f.msSinceAck)ms"
            let warn = f.entries >= warnEntries || f.msSinceAck >= warnAckMs
            column += buffer.put(x: column, y: y, text, style: warn ? theme.warn : theme.text, maxWidth: x + width - column)
        }
    }

    static func drawSparkline(_ history: [Int], x: Int, y: Int, width: Int, theme: Theme, buffer: inout CellBuffer) {
        let peak = history.max() ?? 0
        let label = "max 60s"
        let suffix = " peak \(Format.tinyCount(peak))"
        buffer.put(x: x, y: y, label, style: theme.dim)
        let sparkX = x + label.count + 1
        let sparkWidth = min(60, width - label.count - 1 - suffix.count)
        Gauges.sparkline(&buffer, x: sparkX, y: y, width: sparkWidth, samples: history.map(Double.init),
                         maximum: Double(max(peak, 1)), style: style(entries: peak, theme: theme))
        buffer.put(x: sparkX + max(0, sparkWidth), y: y, suffix, style: theme.dim)
    }
}
