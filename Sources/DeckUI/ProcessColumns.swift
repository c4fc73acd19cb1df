import ClusterSim

/// Where each column of the Processes pane goes at a given width, and how one row fills them.
///
/// `id tier st [utilisation bar] pct workers | queue p99 handled/s shed rej | marks`: the bar takes what
/// the fixed columns leave (at most `barMaxWidth`), the marks what is left after that.
struct ProcessColumns {
    static let barX = 18
    static let barMaxWidth = 40
    static let barMinWidth = 4
    /// The right-aligned number columns after the bar: header and width.
    static let numbers: [(header: String, width: Int)] = [
        ("queue", 10), ("p99 ms", 9), ("handled/s", 11), ("shed", 7), ("rej", 7),
    ]
    /// Percentage (4), then workers (4), each after a gap.
    static let afterBar = 1 + 4 + 4
    static let marksMinWidth = 15

    let barWidth: Int
    let numbersX: Int
    let marksX: Int

    init(width: Int) {
        let fixed = ProcessColumns.barX + ProcessColumns.afterBar + ProcessColumns.numbers.reduce(0) { $0 + $1.width }
            + 2 + ProcessColumns.marksMinWidth
        barWidth = min(ProcessColumns.barMaxWidth, max(ProcessColumns.barMinWidth, width - fixed))
        numbersX = ProcessColumns.barX + barWidth + ProcessColumns.afterBar
        marksX = numbersX + ProcessColumns.numbers.reduce(0) { $0 + $1.width } + 2
    }

    func header(x: Int, y: Int, theme: Theme, clip: Rect, buffer: inout CellBuffer) {
        for (dx, text) in [(0, "id"), (5, "tier"), (13, "st"), (ProcessColumns.barX, "utilisation"),
                           (numbersX - 2, "wk"), (marksX, "marks")] {
            buffer.put(x: x + dx, y: y, text, style: theme.dim, clip: clip)
        }
        let numbers = ProcessColumns.numbers.map { Format.pad($0.header, $0.width, right: true) }.joined()
        buffer.put(x: x + numbersX, y: y, numbers, style: theme.dim, clip: clip)
    }

    func row(_ row: LoadRow, x: Int, y: Int, theme: Theme, clip: Rect, buffer: inout CellBuffer) {
        let up = row.state == .up
        buffer.put(x: x, y: y, row.id.description, style: up ? theme.text : theme.bad, clip: clip)
        buffer.put(x: x + 5, y: y, row.id.tier.word, style: theme.dim, clip: clip)
        buffer.put(x: x + 13, y: y, row.state.rawValue, style: up ? theme.good : theme.alarm, clip: clip)
        let style = up ? Utilisation.style(row.utilisation, theme: theme) : theme.dim
        if let u = row.utilisation {
            Gauges.bar(&buffer, x: x + ProcessColumns.barX, y: y, width: barWidth, value: u, maximum: 1, style: style,
                       track: theme.dim)
        }
        let percentX = x + ProcessColumns.barX + barWidth + 1
        buffer.put(x: percentX, y: y, Format.pad(Utilisation.text(row.utilisation), 4, right: true), style: style, clip: clip)
        let workers = row.load.map { "\($0.workers)w" } ?? Format.missing
        buffer.put(x: percentX + 4, y: y, Format.pad(workers, 4, right: true), style: theme.dim, clip: clip)
        var nx = x + numbersX
        for (text, cellStyle) in numbers(row.load, theme: theme) {
            nx += buffer.put(x: nx, y: y, text, style: cellStyle, clip: clip)
        }
        buffer.put(x: x + marksX, y: y, ProcessColumns.marks(row), style: row.paused ? theme.alarm : theme.warn, clip: clip)
    }

    /// The number columns' texts (padded) and styles; dashes when the process's load was not measured.
    func numbers(_ load: ProcessLoadView?, theme: Theme) -> [(String, Style)] {
        let widths = ProcessColumns.numbers.map(\.width)
        guard let load else { return widths.map { (Format.pad(Format.missing, $0, right: true), theme.dim) } }
        let queueStyle = load.queueLength >= load.queueLimit ? theme.bad
            : load.queueLength * 2 >= load.queueLimit && load.queueLength > 0 ? theme.warn : theme.text
        let texts: [(String, Style)] = [
            ("\(load.queueLength)/\(load.queueLimit)", queueStyle),
            (Format.ms(load.p99Ms), load.p99Ms == nil ? theme.dim : theme.text),
            (Format.fixed(load.handledPerSecond, decimals: 1), theme.text),
            (Format.count(load.shed), load.shed > 0 ? theme.warn : theme.text),
            (Format.count(load.rejected), load.rejected > 0 ? theme.warn : theme.text),
        ]
        return zip(texts, widths).map { (Format.pad($0.0, $1, right: true), $0.1) }
    }

    /// `slow x3`, `paused`, both, or nothing.
    static func marks(_ row: LoadRow) -> String {
        var marks: [String] = []
        if row.slowFactor != 1 {
            let factor = row.slowFactor == row.slowFactor.rounded() ? Format.fixed(row.slowFactor, decimals: 0)
                : Format.fixed(row.slowFactor, decimals: 1)
            marks.append("slow x" + factor)
        }
        if row.paused { marks.append("paused") }
        return marks.joined(separator: " ")
    }
}
