import ClusterSim

/// The state of a drill parse as it moves down the file: headers seen, topology so far, steps, problems.
struct DrillReader {
    private(set) var title: String?
    private(set) var config = ClusterConfig()
    private(set) var steps: [DrillStep] = []
    private(set) var problems: [(line: Int, error: CommandError)] = []
    /// Processes as they stand at the current line: the cluster header's sizes plus every `add` so far.
    private var topology = Topology(config: ClusterConfig())
    private var headerLines: [(directive: String, line: Int)] = []
    /// The longest the drill can run so far: every wait plus every `within`, in virtual time.
    private var length = SimTime.zero
    /// The longest a whole drill may run in virtual time.
    public static let lengthMax = SimTime.seconds(24 * 60 * 60)
    private var firstActionLine: Int?

    /// Reads line `number`; a malformed line adds one problem and no step.
    mutating func read(_ line: String, number: Int, isBound: (KeyInput) -> Bool) {
        do throws(CommandError) {
            let tokens = try Lexer.tokens(of: line)
            guard let word = tokens.first else { return }
            var args = ArgumentCursor(tokens: tokens, endColumn: line.count + 1)
            if word.quoted {
                throw CommandError("expected a directive, got the quoted string \"\(word.text)\"", column: word.column)
            }
            if DrillLanguage.headerDirectives.contains(word.text) {
                try readHeader(&args, line: number)
            } else if DrillLanguage.actionDirectives.contains(word.text) || CommandParser.isCommand(word.text) {
                if firstActionLine == nil { firstActionLine = number }
                let action = try readAction(tokens, &args, isBound: isBound)
                try count(action)
                steps.append(DrillStep(line: number, action: action))
            } else {
                throw CommandError("unknown directive \(word.text)" + DrillLanguage.suggestion(for: word.text, in: DrillLanguage.directives),
                                   column: word.column)
            }
        } catch {
            problems.append((number, error))
        }
    }

    private mutating func readHeader(_ args: inout ArgumentCursor, line: Int) throws(CommandError) {
        let directive = args.word.text
        if let earlier = headerLines.first(where: { $0.directive == directive }) {
            throw CommandError("duplicate \(directive): already set on line \(earlier.line)", column: args.word.column)
        }
        if let actionLine = firstActionLine {
            throw CommandError("\(directive) must come before the first action (line \(actionLine))", column: args.word.column)
        }
        headerLines.append((directive, line))
        switch directive {
        case "title":
            title = try quoted(&args, example: "title \"Leader failover\"")
        case "seed":
            let token = try args.require("a number", example: "seed 7")
            guard token.text.allSatisfy(\.isASCIIDigit), let seed = UInt64(token.text) else {
                throw CommandError("bad number \(token.text): seed takes a whole number from 0 to \(UInt64.max)", column: token.column)
            }
            config.seed = seed
        default:
            config = try ClusterHeader.parse(&args, into: config)
            topology = Topology(config: config)
        }
        try args.finish()
    }

    private mutating func readAction(_ tokens: [Token], _ args: inout ArgumentCursor,
                                     isBound: (KeyInput) -> Bool) throws(CommandError) -> DrillAction {
        let action: DrillAction
        switch args.word.text {
        case "caption":
            action = .caption(try quoted(&args, example: "caption \"Watch n2\""))
        case "wait":
            action = .wait(try DurationText.parse(args.require("a duration", example: "wait 2s")))
        case "key":
            action = .key(try key(args.require("a key name", example: "key x"), isBound: isBound))
        case "expect":
            action = .expect(try ExpectationParser.parse(&args, topology: topology))
        default:
            let command = try CommandParser.parse(tokens: tokens, topology: topology, endColumn: args.endColumn)
            topology.apply(command)
            return .command(command, text: tokens.map(\.text).joined(separator: " "))
        }
        try args.finish()
        return action
    }

    /// Adds the virtual time `action` may take to the drill's length, refusing a drill that would pass `lengthMax`.
    private mutating func count(_ action: DrillAction) throws(CommandError) {
        let span: SimTime
        switch action {
        case .wait(let wait): span = wait
        case .expect(let expectation): span = expectation.within ?? .zero
        default: return
        }
        guard length + span <= DrillReader.lengthMax else {
            throw CommandError("this line takes the drill past \(DurationText.describe(DrillReader.lengthMax)) of virtual time "
                               + "(its waits and withins add up to \(DurationText.describe(length + span))); a drill may run at most that long",
                               column: 1)
        }
        length = length + span
    }

    private func key(_ token: Token, isBound: (KeyInput) -> Bool) throws(CommandError) -> KeyInput {
        guard let key = KeyInput(drillName: token.text) else {
            let names = KeyInput.namedKeys.map(\.name)
            throw CommandError("unknown key \(token.text): use one printable character or one of \(names.joined(separator: ", "))",
                               column: token.column)
        }
        guard isBound(key) else {
            throw CommandError("key \(token.text) is not bound to anything", column: token.column)
        }
        return key
    }

    /// One non-empty quoted string, the whole of the directive's argument.
    private func quoted(_ args: inout ArgumentCursor, example: String) throws(CommandError) -> String {
        let word = args.word.text
        let token = try args.require("a quoted string", example: example)
        guard token.quoted else {
            throw CommandError("\(word) needs a quoted string, e.g. \(example)", column: token.column)
        }
        guard !token.text.isEmpty else {
            throw CommandError("\(word) is empty", column: token.column)
        }
        return token.text
    }
}
