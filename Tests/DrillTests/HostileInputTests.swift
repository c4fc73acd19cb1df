import Testing
import ClusterSim
@testable import Drill

/// Regressions for the hostile drill input of issue 8: each of these once crashed, ran without limit,
/// passed a wrong answer or echoed terminal escapes.
struct HostileInputTests {
    static func diagnostics(_ text: String) -> [String] { DrillParserTests.diagnostics(text) }

    // `expect lost-writes == 1000...0` (309 zeros) used to parse as infinity and pass.
    @Test func numbersTooLargeToHoldAreRefused() {
        let huge = "1" + String(repeating: "0", count: 309)
        #expect(NumberText.decimal(huge) == nil)
        #expect(NumberText.decimal("-" + huge) == nil)
        #expect(NumberText.decimal("-1e309") == nil)
        #expect(NumberText.decimal(huge + ".5") == nil)
        #expect(NumberText.decimalProblem(huge) == "too large")
        #expect(NumberText.decimal("1" + String(repeating: "0", count: 300)) == 1e300)
        let d = Self.diagnostics("expect lost-writes == \(huge)")
        #expect(d.count == 1 && d[0].hasPrefix("t.drill:1: the word 10000000000000000000… (310 characters) is too long"), "\(d)")
        #expect(Self.diagnostics("expect lost-writes == -1e309")
                == ["t.drill:1: bad number -1e309 (not a decimal number): expect compares with a decimal number"])
    }

    // A rate of 1e-14 passed validation and trapped converting the next arrival gap to Int64.
    @Test func ratesBelowTheMinimumAreRefused() {
        #expect(Self.diagnostics("workload rate=0.00000000000001")
                == ["t.drill:1: rate=0.00000000000001 is out of range (from 0.001 to 100000)"])
        #expect(Self.diagnostics("workload rate=0.001").isEmpty)
        #expect(throws: CommandError.self) { try CommandParser.parse("workload rate=0.0009", topology: Topology(config: ClusterConfig())) }
    }

    // A 1 MB unknown word went through the edit distance whole (9.7 s, 198 MB) and was echoed whole.
    @Test func longWordsAreRefusedWithoutEchoingThem() {
        let word = String(repeating: "k", count: 1_000)
        let d = Self.diagnostics(word)
        #expect(d == ["t.drill:1: the word kkkkkkkkkkkkkkkkkkkk… (1000 characters) is too long (at most 64 characters)"], "\(d)")
        let line = String(repeating: "x", count: 1_000_000)
        #expect(Self.diagnostics(line) == ["t.drill:1: the line is 1000000 characters long; at most 4096"])
        let caption = "caption \"" + String(repeating: "c", count: 1_001) + "\""
        #expect(Self.diagnostics(caption).first?.contains("quoted string") == true)
        // The suggestion still works for real typos, and skips candidates whose length is too far off.
        #expect(Self.diagnostics("kil n2") == ["t.drill:1: unknown directive kil: did you mean kill?"])
        #expect(DrillLanguage.nearest(to: "rebalancexyz", in: DrillLanguage.directives) == nil)
    }

    // Each wait was capped at 24 h but their sum was not: a drill could ask for years of virtual time.
    @Test func theWholeDrillIsCappedAtADay() {
        #expect(Self.diagnostics("wait 720m\nwait 720m").isEmpty)
        let over = "wait 720m\nwait 720m\nexpect leaderless == 0 within 1s"
        #expect(Self.diagnostics(over) == [
            "t.drill:3: this line takes the drill past 24h of virtual time (its waits and withins add up to 24h 0m 1s); a drill may run at most that long",
        ])
    }

    // `kill \x1b]0;PWNED\x07\x1b[2J` put ESC and BEL into the FILE:LINE message.
    @Test func controlCharactersInMessagesAreEscaped() {
        let d = Self.diagnostics("kill \u{1B}]0;PWNED\u{07}\u{1B}[2J")
        #expect(d.count == 1)
        #expect(!d[0].unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(d)")
        #expect(d[0].contains("\\x1b]0;PWNED\\x07\\x1b[2J"), "\(d)")
        #expect(VisibleText.escaped("a\u{9B}b\u{202E}c\td") == "a\\x9bb\\u{202e}c\\x09d")
        #expect(VisibleText.escaped("naïve ✓") == "naïve ✓")
    }

    // A file of a million bad lines printed a million diagnostics.
    @Test func aFileOfErrorsListsAHundred() {
        let text = Array(repeating: "nonsense", count: 150).joined(separator: "\n")
        do {
            _ = try DrillParser.parse(text, file: "t.drill")
            Issue.record("parsed")
        } catch {
            #expect(error.diagnostics.count == 150)
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == DrillParseError.listedMax + 1)
            #expect(lines.last == "t.drill: 50 more problems not listed")
        }
    }
}
