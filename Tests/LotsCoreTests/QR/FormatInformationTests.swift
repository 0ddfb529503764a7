import Testing
@testable import LotsCore

@Suite struct FormatInformationTests {
    private func bits(_ value: Int, width: Int) -> String {
        let binary = String(value, radix: 2)
        return String(repeating: "0", count: width - binary.count) + binary
    }

    @Test(arguments: [
        (QRCode.ErrorCorrection.medium, 5, "100000011001110"),  // the ISO/IEC 18004 Annex C example
        (.medium, 0, "101010000010010"),  // all-zero data: just the 0x5412 mask
        (.low, 4, "110011000101111"),
        (.quartile, 0, "011010101011111"),
        (.high, 7, "000100000111011"),
    ])
    func formatBits(level: QRCode.ErrorCorrection, mask: Int, expected: String) {
        #expect(bits(FormatInformation.formatBits(level: level, mask: mask), width: 15) == expected)
    }

    @Test func versionSevenBits() {
        #expect(bits(FormatInformation.versionBits(version: 7), width: 18) == "000111110010010100")
    }

    @Test func version40Bits() {
        #expect(bits(FormatInformation.versionBits(version: 40), width: 18) == "101000110001101001")
    }

    /// Reads the format information back out of a symbol along both paths.
    @Test func bothFormatCopiesAreWritten() throws {
        let code = try QRCode(encoding: "HELLO", errorCorrection: .quartile, mask: 6)
        let expected = FormatInformation.formatBits(level: .quartile, mask: 6)
        for copy in FormatInformation.formatPositions(size: code.size) {
            let read = copy.enumerated().reduce(0) { $0 | (code[$1.element.x, $1.element.y] ? 1 << $1.offset : 0) }
            #expect(read == expected)
        }
        #expect(code[8, code.size - 8], "dark module")
    }

    @Test func bothVersionCopiesAreWritten() throws {
        let code = try QRCode(encoding: String(repeating: "7", count: 400), errorCorrection: .low)
        #expect(code.version >= 7)
        for copy in FormatInformation.versionPositions(size: code.size) {
            let read = copy.enumerated().reduce(0) { $0 | (code[$1.element.x, $1.element.y] ? 1 << $1.offset : 0) }
            #expect(read == FormatInformation.versionBits(version: code.version))
        }
    }
}
