import ClusterSim

/// Pane "Latency" (Load screen): end-to-end p50, p99 and p99.9 of successful client operations over the
/// last 10 s, each with a 60 s sparkline of its per-second value, the p99 in large digits when there is
/// room, and the p99 of the time spent in each tier.
enum LatencyPane {
    /// Rows the large p99 needs: three of digits and one blank.
    static let bigRows = 4
    static let labelWidth = 6
    /// Where the sparklines start: label, value and unit.
    static let sparkX = 17

    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        let inner = PaneFrame.draw(title: "Latency · end to end, last 10 s", in: rect, focused: false, theme: theme,
                                   buffer: &buffer)
        guard !inner.isEmpty else { return }
        let latency = model.snapshot.latency
        var y = inner.y
        if inner.height >= bigRows + 5 {
            drawBig(latency.p99Ms, x: inner.x, y: y, theme: theme, clip: inner, buffer: &buffer)
            y += bigRows
        }
        let lines: [(String, Double?, [Double?])] = [
            ("p50", latency.p50Ms, latency.p50History), ("p99", latency.p99Ms, latency.p99History),
            ("p99.9", latency.p999Ms, latency.p999History),
        ]
        for (label, value, history) in lines where y < inner.maxY {
            buffer.put(x: inner.x, y: y, label, style: theme.dim)
            let number = Format.pad(Format.ms(value), 7, right: true) + (value == nil ? "   " : " ms")
            buffer.put(x: inner.x + labelWidth, y: y, number, style: value == nil ? theme.dim : theme.heading)
            Gauges.sparkline(&buffer, x: inner.x + sparkX, y: y, width: min(60, inner.width - sparkX), samples: history,
                             style: theme.accent, missing: theme.dim)
            y += 1
        }
        if inner.height > bigRows + 5 { y += 1 }
        if y < inner.maxY { drawTiers(latency.tiers, x: inner.x, y: y, theme: theme, clip: inner, buffer: &buffer) }
    }

    /// `48.3` in block digits with `ms p99` beside it, or a line saying nothing was measured.
    static func drawBig(_ p99: Double?, x: Int, y: Int, theme: Theme, clip: Rect, buffer: inout CellBuffer) {
        guard let p99 else {
            buffer.put(x: x + 1, y: y + 1, "p99 \(Format.missing)  no successful operation in the last 10 s",
                       style: theme.dim, clip: clip)
            return
        }
        let used = BigFigure.draw(Format.ms(p99), x: x + 1, y: y, style: theme.heading, buffer: &buffer)
        buffer.put(x: x + used + 3, y: y, "ms", style: theme.heading, clip: clip)
        buffer.put(x: x + used + 3, y: y + 1, "p99, end to end", style: theme.dim, clip: clip)
    }

    /// `p99 by tier  lb 0.4  service 3.1  cache —  store 9.2 ms`.
    static func drawTiers(_ tiers: [TierLatencyView], x: Int, y: Int, theme: Theme, clip: Rect,
                          buffer: inout CellBuffer) {
        var column = x + buffer.put(x: x, y: y, "p99 by tier", style: theme.dim, clip: clip)
        for tier in tiers {
            column += buffer.put(x: column, y: y, "  \(tier.tier.word) ", style: theme.dim, clip: clip)
            column += buffer.put(x: column, y: y, Format.ms(tier.p99Ms), style: tier.p99Ms == nil ? theme.dim : theme.text,
                                 clip: clip)
        }
        buffer.put(x: column, y: y, " ms", style: theme.dim, clip: clip)
    }
}
