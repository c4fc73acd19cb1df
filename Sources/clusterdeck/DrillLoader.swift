import ClusterSim
import ArgumentParser
import DeckUI
import Drill
import Foundation

/// Reads and parses a drill file, turning every problem into a message and exit status 2.
enum DrillLoader {
    static func load(_ path: String) throws -> DrillScript {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            FileHandle.standardError.write(Data("clusterdeck: \(path) \(reason)\n".utf8))
            throw ExitCode(2)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("\(path):1: the file is not UTF-8 text\n".utf8))
            throw ExitCode(2)
        }
        do {
            return try DrillParser.parse(text, file: path, isBound: DeckKeys.isBound)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
    }
}
