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

        \(OutputFile.rules(for: "--output")) The file is written after the run; should that fail, the results \
        are still on standard output and the exit status is 2.
        """
    )

    @Option(parsing: .unconditional, help: "Frames to measure (after 30 warm-up frames; 10-1000000).", transform: NumberArgument.integer)
    var frames = 1_000

    @Option(help: ArgumentHelp("Also write the results to this file (the terminal belongs to the dashboard while it runs).", valueName: "file"))
    var output: String?

    @Flag(help: ArgumentHelp(OutputFile.forceHelp(for: "--output")))
    var force = false

    func validate() throws {
        guard frames >= 10 && frames <= 1_000_000 else { throw ValidationError("--frames must be 10-1000000") }
        if force && output == nil { throw ValidationError("--force needs --output") }
    }

    func run() throws {
        if let reason = Terminal.checkUsable() {
            BenchDashboard.printError("clusterdeck: \(reason); bench-dashboard needs a terminal (run it under tmux)")
            throw ExitCode(2)
        }
        // Checked before the run, so a bad path does not waste it; opened only once there is a report to write.
        if let output {
            do {
                try OutputFile.check(output, force: force)
            } catch {
                BenchDashboard.printError(error.message(role: "output file"))
                throw ExitCode(2)
            }
        }
        let report = try measure()
        print(report)
        if let output { try BenchDashboard.write(report + "\n", to: output, force: force) }
    }

    /// Runs the warm-up and measured frames in the terminal and returns the report.
    private func measure() throws -> String {
        let terminal = Terminal()
        try terminal.start()
        let size = terminal.size()
        let cluster = Cluster(config: ClusterConfig())
        var model = DeckDrillHost.makeModel(source: cluster, columns: size.columns, rows: size.rows)
        var buffer = CellBuffer(width: size.columns, height: size.rows)
        var frameNs: [UInt64] = []
        var bytes: [Int] = []
        frameNs.reserveCapacity(frames)
        for i in 0..<(frames + 30) {
            cluster.run(for: .ms(33))
            let before = BenchDashboard.bytesWritten()
            let start = DispatchTime.now().uptimeNanoseconds
            // Advancing by zero only collects the new state: the simulation's own time is not measured.
            update(&model, .advance(.zero))
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
        return """
            dashboard \(size.columns)x\(size.rows), \(frames) frames (default cluster, 33 ms virtual per frame)
            frame time (collect + render + curses copy + refresh): p50 \(ms(0.5)) ms  p99 \(ms(0.99)) ms  max \(ms(1.0)) ms
            bytes written per frame: median \(sortedBytes[sortedBytes.count / 2])  p99 \(sortedBytes[Int(Double(sortedBytes.count) * 0.99)])  mean \(bytes.reduce(0, +) / bytes.count)
            """
    }

    /// Writes `text` to `path` through `OutputFile`; any failure is a message naming the file and exit 2.
    static func write(_ text: String, to path: String, force: Bool) throws {
        let file: OutputFile
        do {
            file = try OutputFile.open(path, force: force)
        } catch {
            printError(error.message(role: "output file"))
            throw ExitCode(2)
        }
        do {
            try file.write(Array(text.utf8))
            try file.close()
        } catch {
            printError("clusterdeck: writing the output file \(VisibleText.escaped(path)) failed: \(error.reason)")
            throw ExitCode(2)
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
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
