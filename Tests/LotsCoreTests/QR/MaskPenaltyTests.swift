import Testing
@testable import LotsCore

@Suite struct MaskPenaltyTests {
    private func line(_ bits: String) -> [Bool] { bits.map { $0 == "1" } }

    @Test(arguments: [
        ("0000", 0),
        ("11110", 0),
        ("11111", 3),
        ("1111111", 5),  // 3 + (7 - 5)
        ("000001111100000", 9),
        ("10000011", 3),
    ])
    func adjacentRuns(bits: String, score: Int) {
        #expect(MaskPenalty.adjacentScore(line(bits)) == score)
    }

    @Test(arguments: [
        ("00001011101", 40),  // light area before
        ("10111010000", 40),  // light area after
        ("1011101", 40),  // both sides lie outside the symbol, in the light quiet zone
        ("0001011101", 40),  // three light modules, the fourth is outside
        ("1000101110110", 0),  // dark modules within four on both sides
        ("0000101110100001011101", 80),
        ("000010111011101", 80),  // overlapping patterns sharing three modules each count
        ("0000101110101110100100", 40),  // a pattern sharing one module, without a light area of its own
        ("00001011101011101000010", 80),  // the same with four light modules after it
        ("0100011101000", 0),  // inverted pattern
    ])
    func finderLikePatterns(bits: String, score: Int) {
        #expect(MaskPenalty.finderLikeScore(line(bits)) == score)
    }

    /// A version 1 symbol with every data module light: only function patterns contribute.
    @Test func wholeMatrixScores() {
        let matrix = ModuleMatrix(version: 1)
        let penalty = MaskPenalty(matrix)
        let darkModules = (0..<21).reduce(0) { sum, y in sum + (0..<21).count { matrix[$0, y] } }
        #expect(darkModules == 3 * (24 + 9) + 2 * 3)  // finder rings and cores, plus the dark timing modules
        #expect(penalty.balance == 10 * (abs(darkModules * 20 - 441 * 10) / 441))
        #expect(penalty.total == penalty.adjacent + penalty.blocks + penalty.finderLike + penalty.balance)
        #expect(penalty.finderLike >= 3 * 2 * 40)  // each finder, across and down, has light separators around it
    }
}
