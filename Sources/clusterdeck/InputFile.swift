import ClusterSim
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a text file the user named as input (a drill, a history), refusing what is not a regular file
/// before opening it.
///
/// Opening a FIFO would block until a writer comes, a device can stream forever, and a directory has no
/// text: each is named in the message instead. The open is non-blocking and checked again through the
/// descriptor, in case the path changed in between. The size is bounded, so that a huge file is refused
/// rather than read into memory; bytes that are not UTF-8 are reported on their line.
enum InputFile {
    /// What is wrong with the file, and on which line when that is known.
    struct Problem: Error {
        var line: Int?
        var message: String
    }

    /// The text of `path`; `reads` ends the not-a-regular-file message ("check-history reads only regular files").
    static func readText(_ path: String, bytesMax: Int, reads: String? = nil) -> Result<String, Problem> {
        let bytes: [UInt8]
        switch read(path, bytesMax: bytesMax, reads: reads) {
        case .success(let b): bytes = b
        case .failure(let problem): return .failure(problem)
        }
        switch TextDecoding.utf8(bytes) {
        case .success(let text): return .success(text)
        case .failure(let bad): return .failure(Problem(line: bad.line, message: bad.message))
        }
    }

    /// The bytes of `path`, at most `bytesMax` of them.
    static func read(_ path: String, bytesMax: Int, reads: String? = nil) -> Result<[UInt8], Problem> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Problem(line: nil, message: systemError(errno))) }
        if let refusal = refusal(info, reads: reads) { return .failure(Problem(line: nil, message: refusal)) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failure(Problem(line: nil, message: systemError(errno))) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { return .failure(Problem(line: nil, message: systemError(errno))) }
        if let refusal = refusal(info, reads: reads) { return .failure(Problem(line: nil, message: refusal)) }
        if let tooBig = sizeRefusal(Int(info.st_size), bytesMax: bytesMax) { return .failure(Problem(line: nil, message: tooBig)) }
        return readAll(fd, expected: Int(info.st_size), bytesMax: bytesMax)
    }

    /// Reads to the end, but never more than one byte past the size limit (a file may grow after fstat).
    private static func readAll(_ fd: Int32, expected: Int, bytesMax: Int) -> Result<[UInt8], Problem> {
        var bytes = [UInt8](repeating: 0, count: min(expected, bytesMax) + 1)
        var count = 0
        while count <= bytesMax {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(max(count, 1 << 16), bytesMax + 1 - count)) }
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
        if let tooBig = sizeRefusal(count, bytesMax: bytesMax) { return .failure(Problem(line: nil, message: tooBig)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// Why a file of this kind is not read, or nil for a regular file.
    private static func refusal(_ info: stat, reads: String?) -> String? {
        let kind = FileKind(mode: info.st_mode)
        guard kind != .regular else { return nil }
        return "is \(kind.phrase), not a regular file" + (reads.map { "; \($0)" } ?? "")
    }

    private static func sizeRefusal(_ size: Int, bytesMax: Int) -> String? {
        guard size > bytesMax else { return nil }
        let measured = size > bytesMax + 1 ? "is \(size) bytes" : "is more than \(bytesMax) bytes"
        return "\(measured); the most read is \(ByteCount.describe(bytesMax))"
    }

    private static func systemError(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "does not exist"
        case ENOTDIR: return "does not exist (a part of the path is not a directory)"
        case EACCES: return "cannot be read: permission denied"
        default: return "cannot be read (\(String(cString: strerror(code)).lowercased()))"
        }
    }
}

/// Sizes as messages print them.
enum ByteCount {
    /// `1 GiB (1073741824 bytes)`, `4 MiB (4194304 bytes)`, `100 bytes`.
    static func describe(_ bytes: Int) -> String {
        for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift) \(unit) (\(bytes) bytes)"
        }
        return "\(bytes) bytes"
    }
}
