import ArgumentParser
import ClusterSim

/// `clusterdeck` (or `clusterdeck dashboard`): the live dashboard over a new cluster.
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the live dashboard on a new simulated cluster (the default command).",
        discussion: """
        Needs a terminal. Press ? inside for every key, : for the command line, q to quit.

        \(OutputFile.rules(for: "--history"))

        If the history cannot be written to the end (a full disk, a file-size limit), the dashboard keeps \
        running and says so on its message line and in the event log; the file keeps every complete line \
        written before, and on q the program prints what happened and exits 2 instead of 0.
        """
    )

    @OptionGroup var cluster: ClusterOptions

    @Option(help: ArgumentHelp("Write the client history to this file in the EDN format of Porcupine's kv histories.", valueName: "file"))
    var history: String?

    @Flag(help: ArgumentHelp(OutputFile.forceHelp(for: "--history")))
    var force = false

    func validate() throws {
        if force && history == nil { throw ValidationError("--force needs --history") }
    }

    func run() throws {
        throw ExitCode(DashboardRunner.run(config: cluster.config(), script: nil, historyPath: history, force: force))
    }
}

