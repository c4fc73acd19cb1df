import ClusterSim

/// Pane "Leaders": per partition its leader, term, commit index and time since the leader last changed;
/// a partition without a leader is marked and says how long it has had none.
enum LeadersPane {
    /// Column layouts from widest to narrowest; the pane uses the widest that fits its flow columns.
    enum Detail: Int {
        case full = 31, medium = 16, short = 12
    }

    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let snapshot = model.snapshot
        let leaderless = snapshot.partitions.filter { $0.leader == nil }.count
        let title = leaderless == 0 ? "Leaders" : "Leaders · \(leaderless) leaderless"
        let inner = PaneFrame.draw(.leaders, title: title, in: rect, model: model, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let theme = model.theme
        let flow = PartitionFlow(count: snapshot.partitions.count, in: inner, headerRows: 1,
                                 widest: Detail.full.rawValue)
        let detail: Detail = flow.columnWidth >= Detail.full.rawValue ? .full
            : flow.columnWidth >= Detail.medium.rawValue ? .medium : .short
        if flow.headerRows > 0 {
            for column in 0..<flow.columns {
                let x = inner.x + column * flow.columnWidth
                header(detail, x: x, y: inner.y, theme: theme, buffer: &buffer)
            }
        }
        let selected = model.selection(in: .leaders)
        for (i, partition) in snapshot.partitions.enumerated() {
            guard let cell = flow.cell(i) else { break }
            row(partition, detail: detail, now: snapshot.now, at: cell, theme: theme, buffer: &buffer)
            if i == selected {
                PaneFrame.highlight(Rect(x: cell.x, y: cell.y, width: min(cell.width, detail.rawValue), height: 1),
                                    pane: .leaders, model: model, buffer: &buffer)
            }
        }
    }

    static func header(_ detail: Detail, x: Int, y: Int, theme: Theme, buffer: inout CellBuffer) {
        let parts: [(Int, String)]
        switch detail {
        case .full: parts = [(0, "part"), (5, "leader"), (12, "term"), (18, "commit"), (25, "since")]
        case .medium: parts = [(0, "p"), (4, "ldr"), (8, "term")]
        case .short: parts = [(0, "p"), (4, "ldr")]
        }
        for (dx, text) in parts { buffer.put(x: x + dx, y: y, text, style: theme.dim) }
    }

    static func row(_ p: PartitionView, detail: Detail, now: SimTime, at cell: Rect, theme: Theme,
                    buffer: inout CellBuffer) {
        let since = Format.duration(now - p.sinceLeaderChange)
        let x = cell.x, y = cell.y
        let nameStyle = p.leader == nil ? theme.alarm : theme.text
        buffer.put(x: x, y: y, p.name, style: nameStyle)
        // A change within the last few seconds is news: show it in the warning style.
        let recent = (now - p.sinceLeaderChange).us < 5_000_000 && p.term > 1
        switch detail {
        case .full:
            if let leader = p.leader {
                buffer.put(x: x + 5, y: y, leader.description, style: theme.leader)
                buffer.put(x: x + 12, y: y, Format.pad(String(p.term), 4, right: true), style: recent ? theme.warn : theme.text)
                buffer.put(x: x + 18, y: y, Format.pad(String(p.commitIndex), 6, right: true), style: theme.text)
                buffer.put(x: x + 25, y: y, Format.pad(since, 6, right: true), style: recent ? theme.warn : theme.dim)
            } else {
                buffer.put(x: x + 5, y: y, "none", style: theme.alarm)
                buffer.put(x: x + 12, y: y, Format.pad(String(p.term), 4, right: true), style: theme.bad)
                buffer.put(x: x + 18, y: y, Format.pad(String(p.commitIndex), 6, right: true), style: theme.dim)
                buffer.put(x: x + 25, y: y, Format.pad(since, 6, right: true), style: theme.alarm)
            }
        case .medium, .short:
            if let leader = p.leader {
                buffer.put(x: x + 4, y: y, leader.description, style: theme.leader)
            } else {
                buffer.put(x: x + 4, y: y, "--", style: theme.alarm)
            }
            if detail == .medium {
                buffer.put(x: x + 8, y: y, "t" + String(p.term), style: recent ? theme.warn : theme.dim, maxWidth: 3)
            }
            buffer.put(x: detail == .medium ? x + 11 : x + 7, y: y,
                       Format.pad(Format.shortDuration(now - p.sinceLeaderChange), 4, right: true),
                       style: p.leader == nil ? theme.alarm : (recent ? theme.warn : theme.dim))
        }
    }
}
