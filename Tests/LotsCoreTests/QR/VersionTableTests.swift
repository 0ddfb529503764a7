import Testing
@testable import LotsCore

/// Checks the derived tables against segno's copies of the ISO/IEC 18004 tables for all 40 versions.
@Suite struct VersionTableTests {
    @Test func blockStructureMatchesTheStandard() throws {
        let tables = try Fixtures.tables()
        for version in 1...40 {
            for (letter, level) in Fixtures.levelLetters {
                let groups = try #require(tables.blocks[String(version)]?[letter])
                let blocks = groups.reduce(0) { $0 + $1[0] }
                let total = groups.reduce(0) { $0 + $1[0] * $1[1] }
                let data = groups.reduce(0) { $0 + $1[0] * $1[2] }
                #expect(VersionTable.blockCount(version: version, level: level) == blocks, "\(version)-\(letter)")
                #expect(VersionTable.totalCodewords(version: version) == total, "\(version)-\(letter)")
                #expect(VersionTable.dataCodewords(version: version, level: level) == data, "\(version)-\(letter)")
                #expect(VersionTable.eccCodewordsPerBlock(version: version, level: level) == groups[0][1] - groups[0][2])
            }
        }
    }

    @Test func alignmentPatternCentersMatchAnnexE() throws {
        let tables = try Fixtures.tables()
        for version in 1...40 {
            #expect(VersionTable.alignmentCenters(version: version) == tables.alignment[String(version)], "version \(version)")
        }
    }

    /// Remainder bits per Table 1: 0 for version 1, 7 for 2–6, 0 for 7–13, then 3, 4, 3, 0.
    @Test func remainderBits() {
        let expected = [0] + Array(repeating: 7, count: 5) + Array(repeating: 0, count: 7) + Array(repeating: 3, count: 7)
            + Array(repeating: 4, count: 7) + Array(repeating: 3, count: 7) + Array(repeating: 0, count: 6)
        #expect((1...40).map { VersionTable.rawDataModules(version: $0) % 8 } == expected)
    }

    @Test func formatInformationMatchesTableC1() throws {
        let tables = try Fixtures.tables()
        for (letter, level) in Fixtures.levelLetters {
            #expect((0...7).map { FormatInformation.formatBits(level: level, mask: $0) } == tables.format[letter])
        }
    }

    @Test func versionInformationMatchesTableD1() throws {
        let tables = try Fixtures.tables()
        for version in 7...40 {
            #expect(FormatInformation.versionBits(version: version) == tables.versionInfo[String(version)])
        }
    }
}
