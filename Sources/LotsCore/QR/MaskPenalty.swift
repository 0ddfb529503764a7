/// The four penalty rules of ISO/IEC 18004:2015 7.8.3.1 that decide which mask makes a symbol easiest to read.
///
/// Where the standard leaves room, this follows segno (and, for rule 3, ZXing): the light area next to a
/// 1:1:3:1:1 pattern may lie partly outside the symbol, since the quiet zone is light too; and symbols are
/// scored before format and version information and the dark module are drawn (those modules count as light),
/// matching the order of the encoding steps in 7.1. Encoders that draw format information first can choose
/// a different mask; either choice gives a valid symbol.
struct MaskPenalty: Sendable, Equatable {
    /// Runs of five or more same-coloured modules in a row or column: 3 points, plus 1 per module beyond five.
    var adjacent = 0
    /// 2×2 blocks of one colour, overlapping blocks counted separately: 3 points each.
    var blocks = 0
    /// Finder-like dark-light-dark-dark-dark-light-dark runs with four light modules on either side: 40 points each.
    var finderLike = 0
    /// 10 points for every full 5 % the share of dark modules differs from 50 %.
    var balance = 0

    var total: Int { adjacent + blocks + finderLike + balance }

    init(adjacent: Int, blocks: Int, finderLike: Int, balance: Int) {
        self.adjacent = adjacent
        self.blocks = blocks
        self.finderLike = finderLike
        self.balance = balance
    }

    init(_ matrix: ModuleMatrix) {
        let size = matrix.size
        var dark = 0
        for y in 0..<size {
            let row = (0..<size).map { matrix[$0, y] }
            let column = (0..<size).map { matrix[y, $0] }
            adjacent += Self.adjacentScore(row) + Self.adjacentScore(column)
            finderLike += Self.finderLikeScore(row) + Self.finderLikeScore(column)
            dark += row.count(where: { $0 })
            guard y > 0 else { continue }
            for x in 1..<size {
                let color = row[x]
                if matrix[x - 1, y] == color, matrix[x, y - 1] == color, matrix[x - 1, y - 1] == color {
                    blocks += 3
                }
            }
        }
        let total = size * size
        // Integer form of floor(|dark / total × 100 − 50| / 5); odd symbol sizes never hit a boundary exactly.
        balance = 10 * (abs(dark * 20 - total * 10) / total)
    }

    static func adjacentScore(_ line: [Bool]) -> Int {
        var score = 0
        var run = 1
        for index in 1...line.count {
            if index < line.count, line[index] == line[index - 1] {
                run += 1
            } else {
                if run >= 5 { score += run - 2 }
                run = 1
            }
        }
        return score
    }

    private static let finderPattern = [true, false, true, true, true, false, true]

    static func finderLikeScore(_ line: [Bool]) -> Int {
        func isLight(_ range: Range<Int>) -> Bool {
            line[max(range.lowerBound, 0)..<min(range.upperBound, line.count)].allSatisfy { !$0 }
        }
        var score = 0
        for start in 0...(line.count - finderPattern.count)
        where line[start..<start + finderPattern.count].elementsEqual(finderPattern)
            && (isLight(start - 4..<start) || isLight(start + 7..<start + 11)) {
            score += 40
        }
        return score
    }
}
