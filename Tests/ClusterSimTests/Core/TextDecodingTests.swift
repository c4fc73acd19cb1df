import Testing
@testable import ClusterSim

/// `TextDecoding.utf8` accepts every valid UTF-8 text and names the line and byte column of the first
/// byte that is not, for each way UTF-8 can be broken.
struct TextDecodingTests {
    func failure(_ bytes: [UInt8]) -> TextDecoding.InvalidUTF8? {
        if case .failure(let bad) = TextDecoding.utf8(bytes) { return bad }
        return nil
    }

    @Test func validMultiByteTextComesBackUnchanged() throws {
        // Two-, three- and four-byte sequences on several lines, and an empty input.
        let text = "naïve café\n日本語\n🙂 ok\n"
        #expect(try TextDecoding.utf8(Array(text.utf8)).get() == text)
        #expect(try TextDecoding.utf8([UInt8]()).get() == "")
    }

    @Test func badByteOnLineThreeIsReportedThere() {
        // The defect: every bad byte used to be reported on line 1.
        let bytes = Array("first\nsecond é\nab".utf8) + [0xFF] + Array("cd\nfourth\n".utf8)
        #expect(failure(bytes) == TextDecoding.InvalidUTF8(line: 3, byteColumn: 3, byte: 0xFF))
        #expect(failure(bytes)?.message == "byte 0xff at column 3 is not UTF-8 text")
    }

    @Test func truncatedSequenceAtTheEndIsReportedAtItsFirstByte() {
        // The first two bytes of a three-byte character, then the end of the file.
        let bytes = Array("ok\nx".utf8) + [0xE6, 0x97]
        #expect(failure(bytes) == TextDecoding.InvalidUTF8(line: 2, byteColumn: 2, byte: 0xE6))
    }

    @Test func sequenceCutShortByANewlineStaysOnItsLine() {
        // A lead byte followed by a newline: the bad byte is on the line it starts, not the next.
        #expect(failure([0x61, 0xC3, 0x0A, 0x62]) == TextDecoding.InvalidUTF8(line: 1, byteColumn: 2, byte: 0xC3))
    }

    @Test func overlongEncodingsAreRejected() {
        // "/" written in two bytes (C0 AF) and in three (E0 80 AF): both decode to U+002F, neither is UTF-8.
        #expect(failure([0x61, 0xC0, 0xAF]) == TextDecoding.InvalidUTF8(line: 1, byteColumn: 2, byte: 0xC0))
        #expect(failure(Array("\n\n".utf8) + [0xE0, 0x80, 0xAF]) == TextDecoding.InvalidUTF8(line: 3, byteColumn: 1, byte: 0xE0))
    }

    @Test func surrogatesAreRejected() {
        // U+D800 encoded as if it were a character (ED A0 80): surrogates are not scalar values.
        #expect(failure(Array("ab".utf8) + [0xED, 0xA0, 0x80]) == TextDecoding.InvalidUTF8(line: 1, byteColumn: 3, byte: 0xED))
    }

    @Test func strayContinuationAndOutOfRangeBytesAreRejected() {
        // A continuation byte with no lead, and a lead byte beyond U+10FFFF.
        #expect(failure([0x80]) == TextDecoding.InvalidUTF8(line: 1, byteColumn: 1, byte: 0x80))
        #expect(failure([0xF4, 0x90, 0x80, 0x80]) == TextDecoding.InvalidUTF8(line: 1, byteColumn: 1, byte: 0xF4))
        #expect(failure([0xF5, 0x80, 0x80, 0x80]) == TextDecoding.InvalidUTF8(line: 1, byteColumn: 1, byte: 0xF5))
    }
}
