import ArgumentParser
import ClusterSim
import DeckUI
import Drill
import Foundation

/// Reads and parses a drill file, turning every problem into a message and exit status 2.
enum DrillLoader {
    /// The largest drill file read; a longer one is refused before it is parsed.
    static let fileBytesMax = 4 * 1024 * 1024

    static func load(_ path: String) throws -> DrillScript {
        let shown = VisibleText.escaped(path)
        let text: String
        switch InputFile.readText(path, bytesMax: fileBytesMax) {
        case .success(let decoded): text = decoded
        case .failure(let problem):
            throw failure(problem.line.map { "\(shown):\($0): \(problem.message)" } ?? "clusterdeck: \(shown) \(problem.message)")
        }
        do {
            return try DrillParser.parse(text, file: path, isBound: DeckKeys.isBound)
        } catch {
            throw failure(error.description)
        }
    }

    /// Prints `message` and gives the exit status for a drill that cannot be played.
    private static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(2)
    }
}
