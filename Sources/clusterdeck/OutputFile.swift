import ClusterSim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The C calls by other names: inside `OutputFile` its own `write` and `close` would hide them.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { open(path, flags, mode) }
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

/// A file the program writes at exactly the path the user named, opened the way a careful tool does.
///
/// A new path is created with `O_CREAT|O_EXCL|O_NOFOLLOW` (mode 0666 less the umask), so nothing that
/// appears there meanwhile is followed or clobbered. An existing path is written only with `--force`, and
/// only if it is a regular file (not a link, FIFO, device or directory) that is not read-only; it is
/// opened without `O_CREAT`, checked again through the descriptor and truncated in place, so it keeps its
/// inode, permissions and owner. Nothing is ever renamed over the path.
final class OutputFile {
    let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { if descriptor >= 0 { _ = systemClose(descriptor) } }

    /// Throws what `open` would refuse at the moment, touching nothing; call it while validating the
    /// command line, so a bad path is reported before anything else happens.
    static func check(_ path: String, force: Bool) throws(OutputFileError) {
        _ = try inspect(path, force: force)
    }

    /// Opens `path` for writing from its start, creating it or (with `force`) truncating it in place.
    static func open(_ path: String, force: Bool) throws(OutputFileError) -> OutputFile {
        if let existing = try inspect(path, force: force) { return try overwrite(path, existing) }
        let fd = systemOpen(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST, let existing = try inspect(path, force: force) { return try overwrite(path, existing) }
            if code == EEXIST { throw OutputFileError(path: path, problem: .changed) }
            if code == ENOENT || code == ENOTDIR { try checkDirectory(of: path) }
            throw OutputFileError(path: path, problem: .system("cannot create it", code))
        }
        return OutputFile(path: path, descriptor: fd)
    }

    /// Writes all of `bytes`, retrying short writes and interrupted calls. On failure the error says how
    /// many of them did reach the file.
    func write(_ bytes: [UInt8]) throws(OutputWriteError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw OutputWriteError(code: code, bytesWritten: done)
            }
            done += n
        }
    }

    /// Cuts the file to its first `length` bytes; false if that failed.
    func truncate(to length: Int) -> Bool { ftruncate(descriptor, off_t(length)) == 0 }

    /// Closes the file; a failure reported only by close (a network file system, for one) is thrown.
    func close() throws(OutputWriteError) {
        guard descriptor >= 0 else { return }
        let result = systemClose(descriptor)
        let code = errno
        descriptor = -1
        if result != 0 && code != EINTR { throw OutputWriteError(code: code, bytesWritten: 0) }
    }

    // MARK: checks

    /// Nil for a new path (its directory exists); the `lstat` of an existing file that may be overwritten;
    /// otherwise throws why not.
    private static func inspect(_ path: String, force: Bool) throws(OutputFileError) -> stat? {
        guard !path.isEmpty else { throw OutputFileError(path: path, problem: .emptyPath) }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                try checkDirectory(of: path)
                if code == ENOENT { return nil }
            }
            throw OutputFileError(path: path, problem: .system("cannot examine it", code))
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else { throw OutputFileError(path: path, problem: .notRegular(FileKind(mode: kind).name)) }
        guard force else { throw OutputFileError(path: path, problem: .exists) }
        guard !isReadOnly(info) else { throw OutputFileError(path: path, problem: .readOnly(info.st_mode & 0o7777)) }
        return info
    }

    /// Opens the existing regular file `expected` describes, makes sure through the descriptor that it is
    /// still that file (a swap in between is refused), and truncates it.
    private static func overwrite(_ path: String, _ expected: stat) throws(OutputFileError) -> OutputFile {
        // O_NONBLOCK: should a FIFO have been swapped in, opening it must fail (ENXIO), not wait for a reader.
        let fd = systemOpen(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw OutputFileError(path: path, problem: code == ELOOP || code == ENXIO ? .changed : .system("cannot open it", code))
        }
        let file = OutputFile(path: path, descriptor: fd)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw OutputFileError(path: path, problem: .system("cannot examine it", errno)) }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_dev == expected.st_dev, info.st_ino == expected.st_ino else {
            throw OutputFileError(path: path, problem: .changed)
        }
        guard !isReadOnly(info) else { throw OutputFileError(path: path, problem: .readOnly(info.st_mode & 0o7777)) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        guard ftruncate(fd, 0) == 0 else { throw OutputFileError(path: path, problem: .system("cannot truncate it", errno)) }
        return file
    }

    /// Throws a message naming the directory when the one `path` would go in is missing or is not one.
    private static func checkDirectory(of path: String) throws(OutputFileError) {
        let directory = parentDirectory(of: path)
        var info = stat()
        if stat(directory, &info) != 0 {
            let missing = errno == ENOENT
            throw OutputFileError(path: path, problem: missing ? .missingDirectory(directory) : .notADirectory(directory))
        }
        if info.st_mode & S_IFMT != S_IFDIR { throw OutputFileError(path: path, problem: .notADirectory(directory)) }
    }

    /// The directory part of `path`: "." for a bare name, "/" for a name in the root.
    private static func parentDirectory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }

    /// Whether the permission bits deny writing to us. The kernel lets root write any file, so for root
    /// the owner's bit stands for what the file's owner meant (`chmod a-w` is a request to keep it).
    private static func isReadOnly(_ info: stat) -> Bool {
        let uid = geteuid()
        if uid == 0 || uid == info.st_uid { return info.st_mode & S_IWUSR == 0 }
        if isMember(ofGroup: info.st_gid) { return info.st_mode & S_IWGRP == 0 }
        return info.st_mode & S_IWOTH == 0
    }

    private static func isMember(ofGroup gid: gid_t) -> Bool {
        if getegid() == gid { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let filled = getgroups(count, &groups)
        return groups.prefix(max(0, Int(filled))).contains(gid)
    }
}

extension OutputFile {
    /// The rules above in words, for the --help of a command whose `option` names an output file.
    static func rules(for option: String) -> String {
        """
        \(option) writes exactly the path given: a new file is created (mode 0666 less the umask); an \
        existing file is refused unless --force is given, and even then only a regular file that is not \
        read-only is overwritten, in place, keeping its permissions and owner. Symbolic links, FIFOs, devices \
        and directories are always refused. The path is checked before anything runs, and a refused path \
        exits 2 with a message naming the file and the reason.
        """
    }

    /// The help of the `--force` flag that goes with `option`.
    static func forceHelp(for option: String) -> String {
        "Overwrite an existing \(option) file (only a regular file that is not read-only; it keeps its permissions and owner)."
    }
}

/// Why an output file was not opened: the path and what is wrong with it.
struct OutputFileError: Error {
    enum Problem: Equatable {
        case emptyPath
        case exists
        case notRegular(String)
        case readOnly(mode_t)
        case missingDirectory(String)
        case notADirectory(String)
        case changed
        case system(String, Int32)
    }

    var path: String
    var problem: Problem

    /// One line for standard error, naming the file by its role, e.g. "the history file".
    func message(role: String) -> String {
        "clusterdeck: cannot write the \(role) \(VisibleText.escaped(path)): \(reason)"
    }

    var reason: String {
        switch problem {
        case .emptyPath:
            "the path is empty"
        case .exists:
            "it exists; pass --force to overwrite it"
        case .notRegular(let kind) where kind == "symbolic link":
            "it is a symbolic link, which is not followed; name the file it points to instead"
        case .notRegular(let kind):
            "it is a \(kind), not a regular file; only a regular file or a new path is written"
        case .readOnly(let mode):
            "it is read-only (mode 0\(String(mode, radix: 8))); --force does not override that"
        case .missingDirectory(let directory):
            "the directory \(VisibleText.escaped(directory)) does not exist"
        case .notADirectory(let directory):
            "\(VisibleText.escaped(directory)) is not a directory"
        case .changed:
            "it changed while being opened (replaced by something else); nothing was written"
        case .system(let action, let code):
            "\(action): \(String(cString: strerror(code)))"
        }
    }
}

/// A write (or close) of an output file that failed, with the system's reason and how far it got.
struct OutputWriteError: Error {
    var code: Int32
    var bytesWritten: Int
    var reason: String { String(cString: strerror(code)) }
}
