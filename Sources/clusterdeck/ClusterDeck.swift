import ArgumentParser
import ClusterSim
import Foundation

/// The `clusterdeck` command: the dashboard by default, and subcommands for drills and checks.
@main
struct ClusterDeck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusterdeck",
        abstract: "A whole cluster in one process, live in your terminal.",
        subcommands: [Dashboard.self, Play.self, CheckHistory.self, Sweep.self, Failover.self, Bench.self, BenchDashboard.self],
        defaultSubcommand: Dashboard.self
    )

    /// Like ArgumentParser's own entry point, but bad input (an unknown flag, a value out of range, `help`
    /// for a command that does not exist) exits 2, as a malformed drill does, instead of 64 or 0.
    static func main() {
        // Past a file-size limit (ulimit -f) the kernel would kill the process with SIGXFSZ; ignored, the
        // write fails with EFBIG instead and is reported like any other failed write.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            let parsed = type(of: command)
            if parsed._commandName == "help", let message = unknownHelpTopic(in: CommandLine.arguments, help: parsed) {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // The message quotes the flag's value as typed: escape what a terminal would act on.
                let lines = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
                let message = lines.map { VisibleText.escaped(String($0)) }.joined(separator: "\n")
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// For `clusterdeck help NAME...`: nil when each NAME is a subcommand of the one before it (ArgumentParser
    /// would silently show the nearest command's help for a wrong one), else a message naming the first
    /// that is not. `help` is ArgumentParser's own help command, itself a subcommand of the root.
    static func unknownHelpTopic(in arguments: [String], help: ParsableCommand.Type) -> String? {
        guard let helpIndex = arguments.dropFirst().firstIndex(of: "help") else { return nil }
        var command: ParsableCommand.Type = ClusterDeck.self
        var path = ["clusterdeck"]
        for name in arguments[(helpIndex + 1)...] where !name.hasPrefix("-") {
            let subcommands = command.configuration.subcommands + (path.count == 1 ? [help] : [])
            guard let next = subcommands.first(where: { $0._commandName == name }) else {
                let names = subcommands.map { $0._commandName }.joined(separator: ", ")
                let known = names.isEmpty ? "it has no subcommands" : "its subcommands are \(names)"
                let visible = VisibleText.escaped(name)
                return "clusterdeck: help: '\(visible)' is not a subcommand of \(path.joined(separator: " ")); \(known)"
            }
            command = next
            path.append(name)
        }
        return nil
    }
}
