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

    /// Opens `path` if one was given. Nil path: `.success(nil)`. A file that cannot be written: the
    /// message is printed to stderr and `.failure` returned, so the caller exits 2 before running anything.
    static func open(_ path: String?) -> Result<HistoryFile?, HistoryFileError> {
        guard let path else { return .success(nil) }
        do {
            return .success(try HistoryFile(path: path))
        } catch let error as HistoryFileError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return .failure(error)
        } catch {
            return .failure(HistoryFileError(message: "clusterdeck: cannot write the history file \(path)"))
        }
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

/// Why the history file could not be opened, as printed to the user.
struct HistoryFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
