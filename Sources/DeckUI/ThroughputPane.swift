import ClusterSim

/// Pane "Throughput" (Load screen): client operations offered per second against those served, as two
/// 60 s sparklines on one scale (and, when there is room, a pair of bars), the share of the offered load
/// that was served, and the work shed and rejected since start.
///
/// Until the simulation measures anything (the snapshot carries `LatencyView.empty`) every number is a dash.
enum ThroughputPane {
    /// Where the bars and sparklines start: label and number.
    static let graphX = 23

    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        let inner = PaneFrame.draw(title: "Throughput · offered vs served, ops/s", in: rect, focused: false,
                                   theme: theme, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let l = model.snapshot.latency
        let measured = l != .empty
        let graphWidth = max(0, min(60, inner.width - graphX))
        let scale = max(1, (l.offeredHistory + l.throughputHistory).max() ?? 0)
        let lines: [(String, Double, [Double], Style)] = [
            ("offered", l.offeredPerSecond, l.offeredHistory, theme.dim),
            ("served", l.throughputPerSecond, l.throughputHistory, theme.accent),
        ]
        let roomy = inner.height >= 7
        for (i, (label, rate, history, style)) in lines.enumerated() {
            let y = inner.y + i
            buffer.put(x: inner.x, y: y, label, style: theme.dim)
            let number = measured ? Format.fixed(rate, decimals: 1) : Format.missing
            buffer.put(x: inner.x + 8, y: y, Format.pad(number, 8, right: true) + " ops/s", style: measured ? theme.heading : theme.dim)
            if roomy {
                Gauges.bar(&buffer, x: inner.x + graphX, y: y, width: inner.width - graphX,
                           value: rate, maximum: max(1, l.offeredPerSecond, l.throughputPerSecond), style: style)
                buffer.put(x: inner.x, y: y + 3, label, style: theme.dim)
                buffer.put(x: inner.x + 8, y: y + 3, Format.pad("last 60 s", 14, right: true), style: theme.dim)
            }
            Gauges.sparkline(&buffer, x: inner.x + graphX, y: roomy ? y + 3 : y, width: graphWidth, samples: history,
                             maximum: scale, style: style)
        }
        summary(l, measured: measured, x: inner.x, y: roomy ? inner.y + 6 : inner.y + 2, theme: theme, clip: inner,
                buffer: &buffer)
    }

    /// `served 99.2% of offered · shed 12 · rejected 3 since start`.
    static func summary(_ l: LatencyView, measured: Bool, x: Int, y: Int, theme: Theme, clip: Rect,
                        buffer: inout CellBuffer) {
        let served = measured && l.offeredPerSecond > 0 ? Format.percent(l.throughputPerSecond / l.offeredPerSecond)
            : Format.missing
        let parts: [(String, Style)] = [
            ("served ", theme.dim), (served, theme.heading), (" of offered  ·  shed ", theme.dim),
            (measured ? Format.count(l.shed) : Format.missing, l.shed > 0 ? theme.warn : theme.text),
            ("  ·  rejected ", theme.dim),
            (measured ? Format.count(l.rejected) : Format.missing, l.rejected > 0 ? theme.warn : theme.text),
            ("  since start", theme.dim),
        ]
        var column = x
        for (text, style) in parts { column += buffer.put(x: column, y: y, text, style: style, clip: clip) }
    }
}
