/// Bars and sparklines drawn straight into a cell buffer, without building strings per cell.
enum Gauges {
    static let eighths: [Unicode.Scalar] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let levels: [Unicode.Scalar] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A left-to-right bar of `width` cells showing `value / maximum`, in eighths of a cell.
    static func bar(_ buffer: inout CellBuffer, x: Int, y: Int, width: Int, value: Double, maximum: Double,
                    style: Style, track: Style? = nil) {
        guard width > 0 else { return }
        let fraction = maximum > 0 ? min(1, max(0, value / maximum)) : 0
        var filled = Int((fraction * Double(width * 8)).rounded())
        if value > 0 && filled == 0 { filled = 1 }
        for i in 0..<width {
            let part = min(8, max(0, filled - i * 8))
            if part > 0 {
                buffer[x: x + i, y: y] = Cell(eighths[part], style: style)
            } else if let track {
                buffer[x: x + i, y: y] = Cell("·", style: track)
            }
        }
    }

    /// One cell per sample, newest at the right edge, scaled to `maximum` (the largest sample when nil).
    /// Zero samples show as the lowest block so the time axis stays visible.
    static func sparkline(_ buffer: inout CellBuffer, x: Int, y: Int, width: Int, samples: [Double],
                          maximum: Double? = nil, style: Style) {
        guard width > 0, !samples.isEmpty else { return }
        let shown = samples.suffix(width)
        let top = maximum ?? (shown.max() ?? 0)
        var column = x + width - shown.count
        for sample in shown {
            let level = top > 0 ? Int((max(0, sample) / top * 7).rounded()) : 0
            buffer[x: column, y: y] = Cell(levels[min(7, max(0, level))], style: style)
            column += 1
        }
    }

    /// Like `sparkline`, for samples that may be missing: a second with no measurement shows as a dim
    /// dot, never as a low block that would read as a small value.
    static func sparkline(_ buffer: inout CellBuffer, x: Int, y: Int, width: Int, samples: [Double?],
                          maximum: Double? = nil, style: Style, missing: Style) {
        guard width > 0, !samples.isEmpty else { return }
        let shown = samples.suffix(width)
        let top = maximum ?? (shown.compactMap { $0 }.max() ?? 0)
        var column = x + width - shown.count
        for sample in shown {
            if let sample {
                let level = top > 0 ? Int((max(0, sample) / top * 7).rounded()) : 0
                buffer[x: column, y: y] = Cell(levels[min(7, max(0, level))], style: style)
            } else {
                buffer[x: column, y: y] = Cell("·", style: missing)
            }
            column += 1
        }
    }
}
