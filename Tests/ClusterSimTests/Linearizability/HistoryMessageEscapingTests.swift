import Testing
@testable import ClusterSim

/// Whatever a history file holds, messages and reports that quote it show control characters as
/// `\x1b` and the like (a terminal would obey them raw) and cut very long tokens short.
struct HistoryMessageEscapingTests {
    let esc = "\u{1B}"

    func parseErrors(_ text: String) -> [String] {
        do {
            _ = try HistoryFileCheck(text: text)
            return []
        } catch {
            return error.errors.map(\.message)
        }
    }

    @Test func escapeInAHistoryValueIsShownEscapedInTheViolation() throws {
        // A put of a value carrying a title-setting sequence, then a stale read: the report names both.
        let text = """
            {:process 0, :type :invoke, :f :put, :key "k\(esc)[2J", :value "a\(esc)]0;pwned\u{07}"}
            {:process 0, :type :ok, :f :put, :key "k\(esc)[2J", :value "a\(esc)]0;pwned\u{07}"}
            {:process 1, :type :invoke, :f :get, :key "k\(esc)[2J", :value nil}
            {:process 1, :type :ok, :f :get, :key "k\(esc)[2J", :value ""}
            """
        let check = try HistoryFileCheck(text: text)
        #expect(check.result.verdict == .notLinearizable)
        let report = check.reportLines.joined(separator: "\n")
        #expect(!report.contains(esc) && !report.contains("\u{07}"), "\(report)")
        #expect(report.contains(#"key "k\x1b[2J""#), "\(report)")
        #expect(report.contains(#""a\x1b]0;pwned\x07""#), "\(report)")
    }

    @Test func escapeInAMalformedLineIsShownEscapedInTheError() {
        // Unknown keywords, bad values and stray text are quoted in parse errors: all of them escaped.
        let errors = parseErrors("""
            {:process 0, :type :invoke, :f :frob\(esc)[31m, :key "1", :value "a"}
            {:process 0, :type :ok\(esc), :f :put, :key "1", :value "a"}
            {:process 0, :type :invoke, :f :put, :key "1", :value x\(esc)y}
            {:process 0, :type :invoke, :f :put, :key "1", :value "a"} \(esc)[2J
            """)
        #expect(errors.count == 4, "\(errors)")
        #expect(errors.allSatisfy { !$0.contains(esc) }, "\(errors)")
        #expect(errors.allSatisfy { $0.contains(#"\x1b"#) }, "\(errors)")
    }

    @Test func escapeInAJepsenLineIsShownEscapedInTheError() throws {
        let text = "INFO  jepsen.util - 0 :invoke :write 1\nINFO  jepsen.util - 0 :ok\(esc) :write 1\n"
        do {
            _ = try JepsenHistoryFormat.parse(text)
            Issue.record("a bad type was accepted")
        } catch {
            #expect(error.errors.map(\.message) == [#"unknown type `:ok\x1b` (expected :invoke, :ok, :fail or :info)"#])
        }
    }

    @Test func veryLongTokensAreCutShort() {
        // A megabyte of garbage in one field is quoted by its first 40 characters and its length.
        let junk = String(repeating: "z", count: 1_000_000)
        let errors = parseErrors("{:process 0, :type :\(junk), :f :put, :key \"1\", :value \"a\"}")
        #expect(errors.count == 1)
        #expect(errors[0].count < 200, "\(errors[0].prefix(300))")
        #expect(errors[0].contains("(1000001 characters)"), "\(errors[0].prefix(300))")
    }

    @Test func longValuesInReportsAreCutShort() throws {
        // A 10,000-character value in a violation is shown by its first characters, not in full.
        let long = String(repeating: "x", count: 10_000)
        let text = """
            {:process 0, :type :invoke, :f :put, :key "k", :value "\(long)"}
            {:process 0, :type :ok, :f :put, :key "k", :value "\(long)"}
            {:process 1, :type :invoke, :f :get, :key "k", :value nil}
            {:process 1, :type :ok, :f :get, :key "k", :value "y"}
            """
        let lines = try HistoryFileCheck(text: text).reportLines
        #expect(lines.allSatisfy { $0.count < 400 }, "\(lines.map(\.count))")
        #expect(lines.contains { $0.contains("(10002 characters)") }, "\(lines)")
    }

    @Test func parseErrorsStopBeingKeptAfterTheLimitButAreCounted() {
        // A file of garbage must not turn into a message per line held in memory.
        let text = String(repeating: "{:process x}\n", count: HistoryParseFailure.maxErrorsKept + 50)
        do {
            _ = try KVHistoryFormat.parse(text)
            Issue.record("garbage was accepted")
        } catch {
            #expect(error.errors.count == HistoryParseFailure.maxErrorsKept)
            #expect(error.omittedCount == 50)
            #expect(error.errors.last?.line == HistoryParseFailure.maxErrorsKept)
        }
    }
}
