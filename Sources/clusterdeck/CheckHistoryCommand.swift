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
        switch HistoryFileReader.read(path: file) {
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

/// Reads a history file for `check-history`: a regular file of at most `HistoryCheckLimits.maxFileBytes`
/// bytes of UTF-8 text, or a message saying what is wrong with it.
///
/// The kind of file is looked up before it is opened, so a FIFO (whose open would wait for a writer)
/// or a device is refused by name; the open is non-blocking and checked again, in case the path
/// changed in between.
enum HistoryFileReader {
    /// What is wrong with the file, and on which line when that is known.
    struct Problem: Error {
        var line: Int?
        var message: String
    }

    static func read(path: String) -> Result<String, Problem> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Problem(line: nil, message: systemError(errno))) }
        if let refusal = refusal(mode: info.st_mode) { return .failure(Problem(line: nil, message: refusal)) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failure(Problem(line: nil, message: systemError(errno))) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { return .failure(Problem(line: nil, message: systemError(errno))) }
        if let refusal = refusal(mode: info.st_mode) { return .failure(Problem(line: nil, message: refusal)) }
        if let tooBig = sizeRefusal(Int(info.st_size)) { return .failure(Problem(line: nil, message: tooBig)) }
        let bytes: [UInt8]
        switch readAll(fd, expected: Int(info.st_size)) {
        case .success(let b): bytes = b
        case .failure(let p): return .failure(p)
        }
        // The standard library validates valid text fast; TextDecoding walks it byte by byte, so it is
        // asked only where the first bad byte is.
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        switch TextDecoding.utf8(bytes) {
        case .success(let text): return .success(text)
        case .failure(let bad): return .failure(Problem(line: bad.line, message: bad.message))
        }
    }

    /// Reads to the end, but never more than one byte past the size limit.
    private static func readAll(_ fd: Int32, expected: Int) -> Result<[UInt8], Problem> {
        let limit = HistoryCheckLimits.maxFileBytes
        var bytes = [UInt8](repeating: 0, count: min(expected, limit) + 1)
        var count = 0
        while count <= limit {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(max(count, 1 << 16), limit + 1 - count)) }
            let n = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Problem(line: nil, message: systemError(errno)))
            }
            count += n
        }
        if let tooBig = sizeRefusal(count) { return .failure(Problem(line: nil, message: tooBig)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// Why a file of this kind is not read, or `nil` for a regular file.
    static func refusal(mode: mode_t) -> String? {
        let kind: String
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFDIR: kind = "a directory"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        return "is \(kind), not a regular file; check-history reads only regular files"
    }

    private static func sizeRefusal(_ size: Int) -> String? {
        let limit = HistoryCheckLimits.maxFileBytes
        guard size > limit else { return nil }
        let measured = size > limit + 1 ? "is \(size) bytes" : "is more than \(limit) bytes"
        return "\(measured); check-history reads history files of at most 1 GiB (\(limit) bytes)"
    }

    private static func systemError(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
