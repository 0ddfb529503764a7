/// Per-version facts from ISO/IEC 18004 (Table 9 and Annex E), held as the two numbers the
/// standard's block table reduces to; everything else is derived from the symbol geometry.
enum VersionTable {
    static let versions = 1...40

    /// Error correction codewords in every block, indexed by `ErrorCorrection.tableIndex` and version.
    private static let eccPerBlock: [[Int]] = [
        [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Number of error correction blocks, same indexing.
    private static let blockCounts: [[Int]] = [
        [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    static func size(version: Int) -> Int { version * 4 + 17 }

    static func eccCodewordsPerBlock(version: Int, level: QRCode.ErrorCorrection) -> Int {
        eccPerBlock[level.tableIndex][version - 1]
    }

    static func blockCount(version: Int, level: QRCode.ErrorCorrection) -> Int {
        blockCounts[level.tableIndex][version - 1]
    }

    /// Modules left for codewords once function patterns, format and version information are placed;
    /// not always a multiple of 8, the rest being remainder bits.
    static func rawDataModules(version: Int) -> Int {
        let size = size(version: version)
        var modules = size * size - 3 * 64 - 2 * (size - 16) - 31
        let alignmentCount = alignmentCenters(version: version).count
        if alignmentCount > 0 {
            // Every alignment pattern but the three that would overlap a finder; the ones on the timing
            // lines cover five timing modules each, which were already subtracted.
            modules -= 25 * (alignmentCount * alignmentCount - 3) - 10 * (alignmentCount - 2)
        }
        if version >= 7 { modules -= 36 }
        return modules
    }

    static func totalCodewords(version: Int) -> Int { rawDataModules(version: version) / 8 }

    static func dataCodewords(version: Int, level: QRCode.ErrorCorrection) -> Int {
        totalCodewords(version: version) - eccCodewordsPerBlock(version: version, level: level) * blockCount(version: version, level: level)
    }

    /// Row and column coordinates of alignment pattern centres (Annex E): evenly spaced from the
    /// bottom/right edge back towards 6, with an even step so every centre sits on a dark timing module.
    static func alignmentCenters(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let last = size(version: version) - 7
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        return [6] + (0..<count - 1).reversed().map { last - $0 * step }
    }
}
