#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of file system object a path is, for the messages that refuse the wrong kind.
enum FileKind: Equatable {
    case regular, directory, fifo, characterDevice, blockDevice, socket, symbolicLink, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }

    /// `directory`, `FIFO (named pipe)`, ... (without an article).
    var name: String {
        switch self {
        case .regular: return "regular file"
        case .directory: return "directory"
        case .fifo: return "FIFO (named pipe)"
        case .characterDevice: return "character device"
        case .blockDevice: return "block device"
        case .socket: return "socket"
        case .symbolicLink: return "symbolic link"
        case .other: return "special file"
        }
    }

    /// `a directory`, `an ...`: the name with its article.
    var phrase: String { "a \(name)" }
}
