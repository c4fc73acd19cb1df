import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file the user named as input, refusing what is not a regular file before opening it.
///
/// Opening a FIFO would block until a writer comes, a device can stream forever, and a directory has no
/// text: each is named in the message instead. The size is bounded so that a huge file is refused
/// rather than read into memory.
enum InputFile {
    /// Why a file could not be read, as the message prints it after the file name.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of `path`, or what is wrong with it.
    static func read(_ path: String, bytesMax: Int) -> Result<Data, Problem> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Problem(description: reason(errno))) }
        if let kind = FileKind(mode: info.st_mode), kind != .regular {
            return .failure(Problem(description: "is \(kind.phrase), not a regular file"))
        }
        guard Int(info.st_size) <= bytesMax else {
            return .failure(Problem(description: "is \(info.st_size) bytes; the most this reads is \(bytesMax) bytes"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(Problem(description: reason(errno))) }
        defer { try? handle.close() }
        do {
            // One byte past the limit tells a file that grew since stat from one that fits.
            let data = try handle.read(upToCount: bytesMax + 1) ?? Data()
            guard data.count <= bytesMax else {
                return .failure(Problem(description: "is more than \(bytesMax) bytes; the most this reads is \(bytesMax) bytes"))
            }
            return .success(data)
        } catch {
            return .failure(Problem(description: "cannot be read (\(error.localizedDescription))"))
        }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "does not exist"
        case ENOTDIR: return "does not exist (a part of the path is not a directory)"
        case EACCES: return "cannot be read: permission denied"
        case ELOOP: return "cannot be read: too many symbolic links"
        default: return "cannot be read (\(String(cString: strerror(code))))"
        }
    }
}

/// What kind of file system object a path is, for messages that refuse the wrong kind.
enum FileKind: Equatable {
    case regular, directory, fifo, characterDevice, blockDevice, socket, symbolicLink

    init?(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: return nil
        }
    }

    /// `a directory`, `a FIFO (named pipe)`, ...
    var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .directory: return "a directory"
        case .fifo: return "a FIFO (named pipe)"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        }
    }
}
