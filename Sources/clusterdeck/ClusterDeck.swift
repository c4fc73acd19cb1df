import ArgumentParser
import ClusterSim
import Foundation

/// The `clusterdeck` command: the dashboard by default, and subcommands for drills and checks.
@main
struct ClusterDeck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusterdeck",
        abstract: "A whole cluster in one process, live in your terminal.",
        subcommands: [Dashboard.self, Play.self, CheckHistory.self, Sweep.self, Bench.self, BenchDashboard.self],
        defaultSubcommand: Dashboard.self
    )

    /// Like ArgumentParser's own entry point, but bad input (an unknown flag, a value out of range)
    /// exits 2, as a malformed drill does, instead of 64.
    static func main() {
        // Past a file-size limit (ulimit -f) the kernel would kill the process with SIGXFSZ; ignored, the
        // write fails with EFBIG instead and is reported like any other failed write.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
