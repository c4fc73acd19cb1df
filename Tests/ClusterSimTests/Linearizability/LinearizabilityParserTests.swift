import Testing
@testable import ClusterSim

/// Both history formats: what they turn into, and the `LINE: what is wrong` message for each kind of bad line.
struct LinearizabilityParserTests {
    func jepsenErrors(_ text: String) -> [String] {
        do {
            _ = try JepsenHistoryFormat.parse(text)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    func kvErrors(_ text: String) -> [String] {
        do {
            _ = try KVHistoryFormat.parse(text)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func jepsenLinesBecomeOperationsTimedByLine() throws {
        // Tabs or spaces separate fields; :fail is dropped; :info and open calls are unknown.
        let text = """
            INFO  jepsen.util - 0\t:invoke\t:write\t3
            INFO  jepsen.util - 1 :invoke :cas [3 4]
            INFO  jepsen.util - 0 :ok :write 3
            INFO  jepsen.util - 2 :invoke :read nil
            INFO  jepsen.util - 1 :info :cas :timed-out
            INFO  jepsen.util - 2 :fail :read :timed-out
            INFO  jepsen.util - :nemesis :info :start nil
            INFO  jepsen.util - 3 :invoke :read nil
            """
        let parsed = try JepsenHistoryFormat.parse(text)
        #expect(parsed.failedCount == 1)
        #expect(parsed.eventCount == 7)
        let ops = parsed.operations
        #expect(ops.count == 3)
        #expect(ops[0].input == .write(3) && ops[0].output == .ok && ops[0].callTime == 1 && ops[0].returnTime == 3)
        #expect(ops[1].input == .cas(from: 3, to: 4) && ops[1].output == nil && ops[1].callTime == 2)
        #expect(ops[2].input == .read && !ops[2].isOutcomeKnown && ops[2].callTime == 8)
    }

    @Test func jepsenMalformedLinesNameTheProblem() {
        let text = """
            INFO  jepsen.util - 0 :invoke :read nil
            INFO  jepsen.util - 0 :done :read 3
            INFO  jepsen.util - 1 :invoke :incr 1
            INFO  jepsen.util - 2 :invoke :write x
            INFO  jepsen.util - 3 :invoke :cas [1]
            INFO  jepsen.util - 4 :ok :write 1
            INFO  jepsen.util - 5 :invoke
            INFO  jepsen.util - p :invoke :read nil
            something else
            INFO  jepsen.util - 0 :invoke :write 1
            INFO  jepsen.util - 6 :invoke :read
            """
        #expect(jepsenErrors(text) == [
            "2: unknown type `:done` (expected :invoke, :ok, :fail or :info)",
            "3: unknown function `:incr` (expected :read, :write or :cas)",
            "4: bad value `x` for :write (expected an integer)",
            "5: bad value `[1]` for :cas (expected [FROM TO])",
            "6: :ok for process 4 has no matching :invoke",
            "7: missing field: no function after `jepsen.util -`",
            "8: bad process `p` (expected an integer)",
            "9: not a Jepsen event line (expected `INFO  jepsen.util - <process> <type> <f> <value>`)",
            "10: process 0 invokes again while its call on line 1 is still open",
            "11: missing field: no value after :read",
        ])
    }

    @Test func jepsenCompletionMustMatchItsCall() {
        let text = """
            INFO  jepsen.util - 0 :invoke :write 1
            INFO  jepsen.util - 0 :ok :write 2
            INFO  jepsen.util - 1 :invoke :read nil
            INFO  jepsen.util - 1 :ok :write 1
            """
        #expect(jepsenErrors(text) == [
            "2: bad value: :ok :write 2 differs from :invoke :write 1 on line 1",
            "4: :ok :write does not match the :invoke :read on line 3",
        ])
    }

    @Test func kvMalformedLinesNameTheProblem() {
        let text = """
            {:process 0, :type :invoke, :f :get, :key "1", :value nil}
            {:process 0, :type :maybe, :f :get, :key "1", :value nil}
            {:process 1, :type :invoke, :f :delete, :key "1", :value nil}
            {:process 2, :type :invoke, :f :put, :value "x"}
            {:process 3, :type :invoke, :f :put, :key "1", :value 3.5}
            {:process 4, :type :invoke, :f :put, :key "1", :value "x"
            {:process "a", :type :invoke, :f :put, :key "1", :value "x"}
            {:process 5, :type :invoke, :f :put, :key "1", :value "unterminated}
            (:process 6)
            {:process 7, :process 7, :type :ok, :f :get, :key "1", :value nil}
            """
        #expect(kvErrors(text) == [
            "2: unknown type :maybe (expected :invoke, :ok, :fail or :info)",
            "3: unknown function :delete (expected :get, :put or :append)",
            "4: missing field :key",
            "5: cannot read value `3.5`",
            "6: map is not closed with `}`",
            "7: bad value for :process: \"a\" (expected an integer)",
            "8: string is not closed with `\"`",
            "9: expected `{` to open a map",
            "10: field :process appears twice",
        ])
    }

    @Test func kvPairingProblemsNameTheProblem() {
        let text = """
            {:process 0, :type :ok, :f :get, :key "1", :value "x"}
            {:process 1, :type :invoke, :f :get, :key "1", :value "x"}
            {:process 2, :type :invoke, :f :put, :key "1", :value nil}
            {:process 3, :type :invoke, :f :put, :key "1", :value "a"}
            {:process 3, :type :ok, :f :put, :key "2", :value "a"}
            {:process 4, :type :invoke, :f :append, :key "1", :value "a"}
            {:process 4, :type :ok, :f :append, :key "1", :value "b"}
            """
        #expect(kvErrors(text) == [
            "1: :ok for process 0 has no matching :invoke",
            "2: a :get :invoke has value \"x\"; expected nil",
            "3: a :put :invoke needs a string value, not nil",
            "5: :ok :put on key \"2\" does not match the :invoke :put on key \"1\" on line 4",
            "7: the :ok value \"b\" differs from the :invoke value \"a\" on line 6",
        ])
    }

    @Test func formatIsDetectedFromTheFirstContentLine() throws {
        #expect(HistoryFormat.detect("\n  \n{:process 0}") == .kvEDN)
        #expect(HistoryFormat.detect("INFO  jepsen.util - 0 :invoke :read nil") == .jepsen)
        #expect(HistoryFormat.detect("") == nil)
        #expect(HistoryFormat.detect("\n\n") == nil)
        #expect(HistoryFormat.detect("hello") == nil)
        #expect(throws: HistoryParseFailure.self) { try HistoryFileCheck(text: "\nhello\n") }
        do {
            _ = try HistoryFileCheck(text: "\nhello\n")
        } catch {
            #expect(error.errors.map(\.line) == [2])
            #expect(error.errors[0].message.hasPrefix("unknown format"))
        }
        let empty = try HistoryFileCheck(text: "")
        #expect(empty.format == nil && empty.result.isEmpty)
        #expect(empty.reportLines == ["linearizable", "empty history: no operations to check"])
    }
}
