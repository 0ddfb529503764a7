import Testing
@testable import LotsCore

/// Compares whole symbols with segno, an independent encoder, through the committed fixtures.
@Suite struct SegnoComparisonTests {
    @Test func fixturesArePresent() {
        #expect(Fixtures.caseNames.count >= 17, "run Fixtures/make_fixtures.py; found \(Fixtures.caseNames)")
        #expect(Fixtures.caseNames.contains("bankid-low"))
        #expect(Fixtures.caseNames.contains("byte-v40-longest"))
    }

    @Test(arguments: Fixtures.caseNames)
    func matchesSegnoModuleForModule(name: String) throws {
        let fixture = try Fixtures.load(name)
        #expect(fixture.matrices.count >= 1)
        for (maskText, expected) in fixture.matrices.sorted(by: { $0.key < $1.key }) {
            let mask = try #require(Int(maskText))
            let code = try QRCode(encoding: fixture.text, errorCorrection: fixture.level, mask: mask)
            #expect(code.version == fixture.version)
            #expect(code.size == expected.count)
            let actual = code.rows
            let firstDifference = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(actual == expected, "mask \(mask): first differing row \(firstDifference?.offset ?? -1)")
        }
    }

    @Test(arguments: Fixtures.caseNames)
    func picksTheSameVersionModeAndMask(name: String) throws {
        let fixture = try Fixtures.load(name)
        let code = try QRCode(encoding: fixture.text, errorCorrection: fixture.level)
        #expect(code.version == fixture.version)
        #expect("\(code.mode)" == fixture.mode)
        #expect(code.mask == fixture.autoMask)
        #expect(code.rows == fixture.matrices[String(fixture.autoMask)])
    }

    /// Compares all eight scores, not just the winner, so a rule that is off would show up even when
    /// it does not change the choice. Rules 1, 2 and 4 must match exactly. For rule 3 segno (1.6.6) resumes
    /// its search seven modules after a pattern it counted, so it misses a second pattern that shares modules
    /// with that one (`0000 1011101 011101`); ISO/IEC 18004 counts every occurrence, as ZXing and this encoder do.
    /// The test therefore expects exactly 40 extra points per pattern segno steps over.
    @Test(arguments: Fixtures.caseNames)
    func scoresEveryMaskLikeSegno(name: String) throws {
        let fixture = try Fixtures.load(name)
        let utf8 = Array(fixture.text.utf8)
        let (version, mode) = try QRCode.smallestFit(utf8, level: fixture.level)
        let unmasked = QRCode.unmaskedMatrix(utf8, mode: mode, version: version, level: fixture.level)
        for (mask, penalty) in QRCode.penalties(of: unmasked).enumerated() {
            let expected = fixture.penalties[mask]
            #expect([penalty.adjacent, penalty.blocks, penalty.balance] == [expected[0], expected[1], expected[3]], "mask \(mask)")
            var masked = unmasked
            masked.applyMask(mask)
            let skipped = Self.patternsSegnoStepsOver(masked)
            #expect(penalty.finderLike == expected[2] + 40 * skipped, "mask \(mask), \(skipped) overlapping patterns")
        }
    }

    /// Replays segno's scan over every row and column and counts the qualifying patterns it jumps over.
    static func patternsSegnoStepsOver(_ matrix: ModuleMatrix) -> Int {
        let size = matrix.size
        let lines = (0..<size).map { y in (0..<size).map { matrix[$0, y] } } + (0..<size).map { x in (0..<size).map { matrix[x, $0] } }
        let pattern = [true, false, true, true, true, false, true]
        func qualifies(_ line: [Bool], _ start: Int) -> Bool {
            guard start + 7 <= line.count, Array(line[start..<start + 7]) == pattern else { return false }
            return line[max(start - 4, 0)..<start].allSatisfy { !$0 } || line[start + 7..<min(start + 11, line.count)].allSatisfy { !$0 }
        }
        var skipped = 0
        for line in lines {
            var start = 0
            while start + 7 <= line.count {
                if qualifies(line, start) {
                    skipped += (start + 1..<start + 7).filter { qualifies(line, $0) }.count
                    start += 7
                } else {
                    start += 1
                }
            }
        }
        return skipped
    }
}
