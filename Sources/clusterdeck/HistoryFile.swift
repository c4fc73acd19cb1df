import ClusterSim
import Foundation

/// Writes the cluster's client history to a file in Porcupine's kv EDN format as the run goes.
///
/// A write that fails (a full disk, a file-size limit) stops the history for good but not the run: the
/// file is cut back to its last complete line, so it still holds a well-formed start of the history
/// that check-history can read, and `failure` says what went wrong for the caller to report.
final class HistoryFile {
    static let role = "history file"
    let path: String
    private let file: OutputFile
    private var buffer: [UInt8] = []
    private static let flushBytes = 64 * 1024
    /// Bytes in the file so far, all of them complete lines, and how many lines that is.
    private var bytesKept = 0
    private var linesKept = 0
    private var closed = false
    /// Set once writing has failed; nothing more is written after that.
    private(set) var failure: HistoryWriteFailure?

    private init(file: OutputFile) {
        self.file = file
        path = file.path
        buffer.reserveCapacity(HistoryFile.flushBytes + 1024)
    }

    /// Throws now what `open` would refuse (see `OutputFile.check`), touching nothing; no path: no error.
    static func check(_ path: String?, force: Bool) throws(OutputFileError) {
        if let path { try OutputFile.check(path, force: force) }
    }

    /// Opens `path` if one was given (nil for no path), or throws why not; print the error with
    /// `message(role: HistoryFile.role)`.
    static func open(_ path: String?, force: Bool) throws(OutputFileError) -> HistoryFile? {
        guard let path else { return nil }
        return HistoryFile(file: try OutputFile.open(path, force: force))
    }

    func attach(to cluster: Cluster) {
        cluster.exportHistory { [self] line in
            guard failure == nil, !closed else { return }
            buffer.append(contentsOf: line.utf8)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= HistoryFile.flushBytes { flush() }
        }
    }

    /// Writes what is buffered, or records the failure and cuts the file back to its last whole line.
    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        do {
            try file.write(buffer)
            bytesKept += buffer.count
            linesKept += buffer.count(where: { $0 == UInt8(ascii: "\n") })
        } catch {
            let written = buffer.prefix(error.bytesWritten)
            let whole = written.lastIndex(of: UInt8(ascii: "\n")).map { written.startIndex.distance(to: $0) + 1 } ?? 0
            let cut = file.truncate(to: bytesKept + whole)
            if cut {
                bytesKept += whole
                linesKept += written.prefix(whole).count(where: { $0 == UInt8(ascii: "\n") })
            }
            failure = HistoryWriteFailure(path: path, reason: error.reason, linesKept: cut ? linesKept : nil)
        }
    }

    /// Writes the rest and closes the file; afterwards `failure` tells whether the history is complete.
    func close() {
        guard !closed else { return }
        flush()
        closed = true
        do {
            try file.close()
        } catch {
            if failure == nil { failure = HistoryWriteFailure(path: path, reason: error.reason, linesKept: nil) }
        }
    }
}

/// A history file that could not be written to the end: which file, the system's reason, and how much of
/// it is whole.
struct HistoryWriteFailure: Equatable {
    var path: String
    var reason: String
    /// Complete lines the file keeps; nil when that is unknown (it could not be cut back to a whole line,
    /// or the failure came only when closing it).
    var linesKept: Int?

    /// "writing the history file P failed: File too large", for the event log and messages.
    var summary: String { "writing the \(HistoryFile.role) \(VisibleText.escaped(path)) failed: \(reason)" }

    /// What the file holds now, for the final message.
    var kept: String {
        guard let linesKept else { return "how much of it is whole is unknown; its last line may be cut short" }
        return "it keeps the first \(linesKept) lines of the history, each complete"
    }
}
