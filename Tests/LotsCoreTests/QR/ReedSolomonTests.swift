import Testing
@testable import LotsCore

@Suite struct ReedSolomonTests {
    /// Carry-less shift-and-add multiplication reduced by 0x11D, written independently of the log tables.
    private func slowMultiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var product = 0, x = Int(a), y = Int(b)
        while y > 0 {
            if y & 1 == 1 { product ^= x }
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
            y >>= 1
        }
        return UInt8(product)
    }

    @Test func multiplicationAgreesWithShiftAndAddForAllPairs() {
        for a in 0...255 {
            for b in 0...255 {
                #expect(GaloisField.multiply(UInt8(a), UInt8(b)) == slowMultiply(UInt8(a), UInt8(b)))
            }
        }
    }

    @Test func exponentAndLogarithmTables() {
        #expect(GaloisField.exp[0] == 1)
        #expect(GaloisField.exp[8] == 0x1D)  // α^8 = x^4 + x^3 + x^2 + 1
        #expect(GaloisField.exp[255] == 1)  // the multiplicative group has order 255
        #expect(Set(GaloisField.exp[0..<255]).count == 255)  // α generates every non-zero element
        for value in 1...255 {
            #expect(GaloisField.exp[GaloisField.log[value]] == UInt8(value))
        }
    }

    /// Generator polynomials from ISO/IEC 18004 Annex A, as exponents of α from the highest power down.
    @Test(arguments: [
        (7, [0, 87, 229, 146, 149, 238, 102, 21]),
        (10, [0, 251, 67, 46, 61, 118, 70, 64, 94, 32, 45]),
        (13, [0, 74, 152, 176, 100, 86, 100, 106, 104, 130, 218, 206, 140, 78]),
    ])
    func generatorPolynomial(degree: Int, exponents: [Int]) {
        #expect(ReedSolomon.generator(degree: degree).map { GaloisField.log[Int($0)] } == exponents)
    }

    /// The worked example of ISO/IEC 18004 Annex I: "01234567" as a 1-M symbol.
    @Test func isoExampleCodewords() {
        let utf8 = Array("01234567".utf8)
        let data = CodewordSequence.dataCodewords(utf8, mode: .numeric, version: 1, level: .medium)
        #expect(data == [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
        let ecc = ReedSolomon.remainder(of: data, generator: ReedSolomon.generator(degree: 10))
        #expect(ecc == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
        #expect(CodewordSequence.interleaved(data, version: 1, level: .medium) == data + ecc)
    }

    /// Byte mode always ends on a codeword boundary after the terminator; padding must then start
    /// straight with 0xEC (segno 1.6.6 inserts a 0x00 here, see make_fixtures.py).
    @Test func padsWithoutAnExtraZeroCodewordOnABoundary() {
        let data = CodewordSequence.dataCodewords(Array("ab".utf8), mode: .byte, version: 1, level: .medium)
        #expect(data == [0x40, 0x26, 0x16, 0x20, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }

    /// A full symbol leaves no room for the terminator or padding.
    @Test func fillsCapacityExactly() {
        let text = Array(String(repeating: "a", count: 17).utf8)  // 4 + 8 + 136 bits of 152 in 1-L
        let data = CodewordSequence.dataCodewords(text, mode: .byte, version: 1, level: .low)
        #expect(data.count == 19)
        #expect(data.suffix(2) == [0x16, 0x10])  // last 'a' (0x61) shifted by four, then a 4-bit terminator
    }

    /// Version 5-Q has two blocks of 15 and two of 16 data codewords; the long blocks come last
    /// and their extra codeword is appended after the short blocks' last ones.
    @Test func interleavesUnevenBlocks() {
        let data = (0..<62).map { UInt8($0) }
        let result = CodewordSequence.interleaved(data, version: 5, level: .quartile)
        #expect(result.count == 134)
        #expect(Array(result.prefix(8)) == [0, 15, 30, 46, 1, 16, 31, 47])
        #expect(Array(result[56..<62]) == [14, 29, 44, 60, 45, 61])
        let firstBlockECC = ReedSolomon.remainder(of: Array(data[0..<15]), generator: ReedSolomon.generator(degree: 18))
        #expect(result[62] == firstBlockECC[0])
        #expect(result[66] == firstBlockECC[1])
    }
}
