import ArgumentParser
import ClusterSim
import Foundation

/// `clusterdeck check-history FILE`: decides whether a recorded client history is linearizable.
struct CheckHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-history",
        abstract: "Check whether a client history file is linearizable.",
        discussion: """
            The format is detected from the first non-blank line.

            kv EDN: the line starts with `{`; one map per line, for example
              {:process 0, :type :invoke, :f :append, :key "4", :value "x 0 1 y"}
            get / put / append on string values per key; a missing key reads "".

            Jepsen: the line contains `jepsen.util -`, for example
              INFO  jepsen.util - 0 :invoke :cas [3 0]
            read / write / cas on one register that starts as nil.

            :fail operations did not happen and are dropped. :info operations,
            and calls still open at the end, may take effect at any time after
            the call, or never. Keys are checked separately; the check stops at
            the first violation.

            Checking is NP-complete, so it has a budget: --max-steps search
            steps in all (by default 1000000 plus 100 per operation) and
            --max-memory-mb of search cache held at once (by default 256). A
            key whose search needs more memory is given up and the others are
            still checked; when the steps run out the check stops. Either way,
            unless a violation was found, the answer is `unknown`, with what ran
            out and how many keys were decided.

            FILE must be a regular file of at most 1 GiB of UTF-8 text.

            Prints `linearizable`, `not linearizable` and the first violation
            (line numbers refer to FILE), or `unknown`; an empty file prints
            `linearizable` and `empty history`. Exit status: 0 linearizable,
            1 not linearizable, 2 unreadable or malformed file or bad flags
            (each bad line goes to standard error as FILE:LINE: what is wrong),
            3 unknown (the budget ran out first).
            """
    )

    /// The exit status of an `unknown` verdict.
    static let unknownExitCode: Int32 = 3
    /// The most `--max-steps` accepted: more than a day of searching on any machine.
    static let maxStepsAccepted = 1_000_000_000_000

    @Argument(help: "The history file to check.")
    var file: String

    @Option(help: ArgumentHelp("Search steps allowed over all keys (default: 1000000 plus 100 per operation).",
                               valueName: "steps"))
    var maxSteps: Int?

    @Option(help: ArgumentHelp("Estimated MiB of search cache allowed at once (default: 256).", valueName: "MiB"))
    var maxMemoryMb: Int?

    func validate() throws {
        if let maxSteps, !(1...Self.maxStepsAccepted).contains(maxSteps) {
            throw ValidationError("--max-steps must be between 1 and \(Self.maxStepsAccepted), got \(maxSteps)")
        }
        if let maxMemoryMb, !(1...HistoryCheckLimits.maxMemoryMBAccepted).contains(maxMemoryMb) {
            throw ValidationError(
                "--max-memory-mb must be between 1 and \(HistoryCheckLimits.maxMemoryMBAccepted), got \(maxMemoryMb)")
        }
    }

    func run() throws {
        let shownName = VisibleText.escaped(file)
        let text: String
        switch InputFile.readText(file, bytesMax: HistoryCheckLimits.maxFileBytes, reads: "check-history reads only regular files") {
        case .success(let t):
            text = t
        case .failure(let problem):
            printError("\(shownName)\(problem.line.map { ":\($0)" } ?? ""): \(problem.message)")
            throw ExitCode(2)
        }
        let limits = HistoryCheckLimits(maxSteps: maxSteps,
                                        maxMemoryBytes: maxMemoryMb.map { $0 << 20 } ?? HistoryCheckLimits.defaultMaxMemoryBytes)
        let check: HistoryFileCheck
        do {
            check = try HistoryFileCheck(text: text, limits: limits)
        } catch {
            for e in error.errors { printError("\(shownName):\(e.line): \(VisibleText.escaped(e.message))") }
            if error.omittedCount > 0 {
                printError("\(shownName): and \(error.omittedCount) more malformed lines")
            }
            throw ExitCode(2)
        }
        for line in check.reportLines { print(VisibleText.escaped(line)) }
        switch check.result.verdict {
        case .linearizable:
            return
        case .notLinearizable:
            throw ExitCode(1)
        case .unknown:
            print(hint(check.result))
            throw ExitCode(Self.unknownExitCode)
        }
    }

    /// Which flag raises what ran out, and its value this time.
    private func hint(_ result: LinearizabilityResult) -> String {
        var raise: [String] = []
        if result.stepBudgetRanOut, let steps = result.budget.maxSteps { raise.append("--max-steps (now \(steps))") }
        if result.partitionsOverMemory > 0, let bytes = result.budget.maxMemoryBytes {
            raise.append("--max-memory-mb (now \(bytes >> 20))")
        }
        return "to search further, raise " + raise.joined(separator: " and ")
    }

    private func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
