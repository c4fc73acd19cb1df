import ClusterSim
import Foundation

/// Writes the cluster's client history to a file in Porcupine's kv EDN format as the run goes.
final class HistoryFile {
    private let handle: FileHandle
    private var buffer = ""
    private static let flushBytes = 64 * 1024

    /// Opens (creating or truncating) `path`; throws a message naming the file when it cannot.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw HistoryFileError(message: "clusterdeck: cannot write the history file \(path)")
        }
        self.handle = handle
    }

    func attach(to cluster: Cluster) {
        cluster.exportHistory { [self] line in
            buffer += line
            buffer += "\n"
            if buffer.utf8.count >= HistoryFile.flushBytes { flush() }
        }
    }

    func flush() {
        handle.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        try? handle.close()
    }
}

struct HistoryFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
