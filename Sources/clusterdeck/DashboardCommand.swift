import ArgumentParser
import ClusterSim

/// `clusterdeck` (or `clusterdeck dashboard`): the live dashboard over a new cluster.
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the live dashboard on a new simulated cluster (the default command).",
        discussion: "Needs a terminal. Press ? inside for every key, : for the command line, q to quit."
    )

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        throw ExitCode(DashboardRunner.run(config: cluster.config(), script: nil))
    }
}
