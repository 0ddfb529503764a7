import Foundation
@testable import LotsCore

/// Reference data written by `Fixtures/make_fixtures.py` from segno; read from disk next to this file so
/// the tests need neither Python nor bundle resources.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// One generated symbol: segno's choice of version and mask for `text`, its penalty scores
    /// (N1, N2, N3, N4) per mask, and matrices as rows of `0`/`1` keyed by mask number.
    struct Case: Decodable, Sendable {
        let text: String
        let error: String
        let mode: String
        let version: Int
        let autoMask: Int
        let penalties: [[Int]]
        let matrices: [String: [String]]

        var level: QRCode.ErrorCorrection {
            switch error {
            case "L": .low
            case "M": .medium
            case "Q": .quartile
            default: .high
            }
        }
    }

    /// segno's copies of the ISO/IEC 18004 tables, keyed by version number and level letter.
    struct Tables: Decodable, Sendable {
        let blocks: [String: [String: [[Int]]]]
        let alignment: [String: [Int]]
        let format: [String: [Int]]
        let versionInfo: [String: Int]

        enum CodingKeys: String, CodingKey {
            case blocks = "blocks (count, total codewords, data codewords)"
            case alignment, format, versionInfo
        }
    }

    /// Case names (file names without `.json`), sorted so test output is stable.
    static let caseNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && $0 != "tables.json" }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func load(_ name: String) throws -> Case {
        try JSONDecoder().decode(Case.self, from: Data(contentsOf: directory.appendingPathComponent("\(name).json")))
    }

    static func tables() throws -> Tables {
        try JSONDecoder().decode(Tables.self, from: Data(contentsOf: directory.appendingPathComponent("tables.json")))
    }

    static let levelLetters: [(String, QRCode.ErrorCorrection)] = [("L", .low), ("M", .medium), ("Q", .quartile), ("H", .high)]
}

extension QRCode {
    /// The matrix in the fixtures' notation, to compare whole symbols and print readable diffs.
    var rows: [String] {
        (0..<size).map { y in String((0..<size).map { x in self[x, y] ? "1" : "0" }) }
    }
}
