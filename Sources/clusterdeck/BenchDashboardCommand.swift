import ArgumentParser
import ClusterSim
import DeckTerminal
import DeckUI
import Foundation

/// `clusterdeck bench-dashboard`: times the dashboard's frame path in a real terminal (run it under tmux
/// at 160x48): collect the cluster's state, render into the cell buffer, copy to curses and refresh.
struct BenchDashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-dashboard",
        abstract: "Measure frame time and bytes written per frame of the dashboard (needs a terminal; use a release build).",
        discussion: """
        Example: tmux new-session -d -x 160 -y 48 '.build/release/clusterdeck bench-dashboard --frames 1000 --output /tmp/bench.txt'
        Each frame advances the default cluster by 33 ms of virtual time (1x at 30 fps), then renders and draws it.
        """
    )

    @Option(help: "Frames to measure (after 30 warm-up frames).")
    var frames = 1_000

    @Option(help: ArgumentHelp("Also write the results to this file (the terminal belongs to the dashboard while it runs).", valueName: "file"))
    var output: String?

    func validate() throws {
        guard frames >= 10 && frames <= 1_000_000 else { throw ValidationError("--frames must be 10-1000000") }
    }

    func run() throws {
        if let reason = Terminal.checkUsable() {
            FileHandle.standardError.write(Data("clusterdeck: \(reason); bench-dashboard needs a terminal (run it under tmux)\n".utf8))
            throw ExitCode(2)
        }
        let terminal = Terminal()
        try terminal.start()
        let size = terminal.size()
        var model = DeckDrillHost.makeModel(config: ClusterConfig(), columns: size.columns, rows: size.rows)
        var buffer = CellBuffer(width: size.columns, height: size.rows)
        var frameNs: [UInt64] = []
        var bytes: [Int] = []
        frameNs.reserveCapacity(frames)
        for i in 0..<(frames + 30) {
            model.cluster.run(for: .ms(33))
            let before = BenchDashboard.bytesWritten()
            let start = DispatchTime.now().uptimeNanoseconds
            model.collect()
            render(model, into: &buffer)
            terminal.draw(buffer)
            let end = DispatchTime.now().uptimeNanoseconds
            if i >= 30 {
                frameNs.append(end - start)
                bytes.append(BenchDashboard.bytesWritten() - before)
            }
        }
        terminal.stop()
        frameNs.sort()
        let sortedBytes = bytes.sorted()
        func ms(_ q: Double) -> String { String(format: "%.3f", Double(frameNs[min(frameNs.count - 1, Int(Double(frameNs.count) * q))]) / 1e6) }
        let report = """
            dashboard \(size.columns)x\(size.rows), \(frames) frames (default cluster, 33 ms virtual per frame)
            frame time (collect + render + curses copy + refresh): p50 \(ms(0.5)) ms  p99 \(ms(0.99)) ms  max \(ms(1.0)) ms
            bytes written per frame: median \(sortedBytes[sortedBytes.count / 2])  p99 \(sortedBytes[Int(Double(sortedBytes.count) * 0.99)])  mean \(bytes.reduce(0, +) / bytes.count)
            """
        print(report)
        if let output { try report.write(toFile: output, atomically: true, encoding: .utf8) }
    }

    /// Bytes this process has written so far (Linux /proc/self/io), or 0 where unavailable.
    static func bytesWritten() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("wchar:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }
}
