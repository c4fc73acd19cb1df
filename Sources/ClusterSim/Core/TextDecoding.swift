/// Decodes a file's bytes as UTF-8 text, or says on which line the first byte that is not UTF-8 stands.
public enum TextDecoding {
    /// Why bytes are not UTF-8 text: the 1-based line and column (in bytes) of the first bad byte.
    public struct InvalidUTF8: Error, Equatable, Sendable {
        public var line: Int
        public var byteColumn: Int
        public var byte: UInt8

        /// `"byte 0xff at column 3 is not UTF-8 text"`.
        public var message: String {
            let hex = String(byte, radix: 16)
            return "byte 0x\(hex.count < 2 ? "0" + hex : hex) at column \(byteColumn) is not UTF-8 text"
        }
    }

    /// The text of `bytes`, or where the first invalid byte is (a truncated sequence at the end included).
    public static func utf8<Bytes: Collection>(_ bytes: Bytes) -> Result<String, InvalidUTF8> where Bytes.Element == UInt8 {
        // The standard library validates valid text fast; the walk below only runs to find the bad byte.
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var line = 1
        var lineStart = 0
        var offset = 0
        var iterator = bytes.makeIterator()
        var pending: [UInt8] = []
        var expected = 0
        func failure(at index: Int, _ byte: UInt8) -> Result<String, InvalidUTF8> {
            .failure(InvalidUTF8(line: line, byteColumn: index - lineStart + 1, byte: byte))
        }
        var sequenceStart = 0
        while let byte = iterator.next() {
            defer { offset += 1 }
            if expected > 0 {
                guard byte & 0xC0 == 0x80 else { return failure(at: sequenceStart, pending[0]) }
                pending.append(byte)
                expected -= 1
                if expected == 0, String(validating: pending, as: UTF8.self) == nil {
                    return failure(at: sequenceStart, pending[0])
                }
                continue
            }
            switch byte {
            case 0x00...0x7F:
                if byte == 0x0A { line += 1; lineStart = offset + 1 }
            case 0xC2...0xDF: expected = 1
            case 0xE0...0xEF: expected = 2
            case 0xF0...0xF4: expected = 3
            default: return failure(at: offset, byte)
            }
            if expected > 0 { pending = [byte]; sequenceStart = offset }
        }
        if expected > 0 { return failure(at: sequenceStart, pending[0]) }
        // The walk found nothing the standard library refused: report the first byte rather than trap.
        return failure(at: 0, bytes.first ?? 0)
    }
}
