import Testing
@testable import ClusterSim

/// The kv EDN writer: exact line format, escaping, and write-then-parse round trips.
struct LinearizabilityWriterTests {
    let events = [
        KVHistoryEvent(process: 0, type: .invoke, function: .append, key: "4", value: "x 0 1 y"),
        KVHistoryEvent(process: 1, type: .invoke, function: .get, key: "4", value: nil),
        KVHistoryEvent(process: 0, type: .ok, function: .append, key: "4", value: "x 0 1 y"),
        KVHistoryEvent(process: 1, type: .ok, function: .get, key: "4", value: "x 0 1 y"),
        KVHistoryEvent(process: 2, type: .invoke, function: .put, key: "q\"uote\\d", value: "line\nbreak\ttab"),
        KVHistoryEvent(process: 2, type: .info, function: .put, key: "q\"uote\\d", value: "line\nbreak\ttab"),
        KVHistoryEvent(process: 3, type: .invoke, function: .put, key: "7", value: ""),
        KVHistoryEvent(process: 3, type: .fail, function: .put, key: "7", value: ""),
    ]

    @Test func writesPorcupinesLineFormatExactly() {
        #expect(events[0].ednLine == #"{:process 0, :type :invoke, :f :append, :key "4", :value "x 0 1 y"}"#)
        #expect(events[1].ednLine == #"{:process 1, :type :invoke, :f :get, :key "4", :value nil}"#)
        #expect(events[4].ednLine == #"{:process 2, :type :invoke, :f :put, :key "q\"uote\\d", :value "line\nbreak\ttab"}"#)
        #expect(KVHistoryFormat.write(Array(events[0..<2])) == events[0].ednLine + "\n" + events[1].ednLine + "\n")
    }

    @Test func writeThenParseGivesTheSameEvents() throws {
        let parsed = try KVHistoryFormat.parseEvents(KVHistoryFormat.write(events))
        #expect(parsed.map(\.event) == events)
        #expect(parsed.map(\.line) == Array(1...events.count))
        let ops = try KVHistoryFormat.parse(KVHistoryFormat.write(events))
        #expect(ops.failedCount == 1)
        #expect(ops.operations.count == 3)
    }

    @Test func realFileSurvivesParseWriteParse() throws {
        // Every line of a Porcupine file is reproduced byte for byte by the writer.
        let text = try PorcupineFixtures.text("kv/c10-ok.txt")
        let events = try KVHistoryFormat.parseEvents(text).map(\.event)
        #expect(KVHistoryFormat.write(events) == text)
    }
}
