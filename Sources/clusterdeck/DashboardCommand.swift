import ArgumentParser
import ClusterSim

/// `clusterdeck` (or `clusterdeck dashboard`): the live dashboard over a new cluster.
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the live dashboard on a new simulated cluster (the default command).",
        discussion: "Needs a terminal. Press ? inside for every key, : for the command line, q to quit."
    )

    @OptionGroup var cluster: ClusterOptions

    @Option(help: ArgumentHelp("Write the client history to this file in the EDN format of Porcupine's kv histories.", valueName: "file"))
    var history: String?

    func run() throws {
        throw ExitCode(DashboardRunner.run(config: cluster.config(), script: nil, historyPath: history))
    }
}
