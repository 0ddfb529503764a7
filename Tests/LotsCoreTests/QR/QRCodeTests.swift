import Testing
@testable import LotsCore

@Suite struct QRCodeTests {
    static let bankID = "bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8"

    @Test(arguments: [
        ("0123456789", EncodingMode.numeric),
        ("HELLO WORLD $%*+-./:", .alphanumeric),
        ("hello", .byte),  // lower case is outside the alphanumeric set
        ("١٢٣", .byte),  // non-ASCII digits are not numeric
        ("åäö", .byte),
        ("", .byte),  // no payload: byte mode's 8-bit count field is the shortest
    ])
    func picksTheMostCompactMode(text: String, mode: EncodingMode) throws {
        #expect(try QRCode(encoding: text).mode == mode)
    }

    /// Capacities from ISO/IEC 18004 Table 7 at both ends of the version range.
    @Test(arguments: [
        (EncodingMode.numeric, QRCode.ErrorCorrection.low, 1, 41),
        (.alphanumeric, .low, 1, 25),
        (.byte, .low, 1, 17),
        (.byte, .high, 1, 7),
        (.numeric, .high, 40, 3057),
        (.numeric, .low, 40, 7089),
        (.alphanumeric, .low, 40, 4296),
        (.byte, .low, 40, 2953),
        (.byte, .medium, 40, 2331),
        (.byte, .quartile, 40, 1663),
        (.byte, .high, 40, 1273),
    ])
    func largestTextPerVersion(mode: EncodingMode, level: QRCode.ErrorCorrection, version: Int, characters: Int) throws {
        let unit = switch mode {
        case .numeric: "7"
        case .alphanumeric: "Q"
        case .byte: "q"
        }
        let fitting = try QRCode(encoding: String(repeating: unit, count: characters), errorCorrection: level)
        #expect(fitting.version == version)
        #expect(fitting.mode == mode)
        if version < 40 {
            #expect(try QRCode(encoding: String(repeating: unit, count: characters + 1), errorCorrection: level).version == version + 1)
        } else {
            #expect(throws: QRCodeError.self) {
                try QRCode(encoding: String(repeating: unit, count: characters + 1), errorCorrection: level)
            }
        }
    }

    @Test func tooLongTextThrowsAClearError() {
        let text = String(repeating: "x", count: 3000)
        #expect(throws: QRCodeError.dataTooLong(neededBits: 4 + 16 + 3000 * 8, capacityBits: 2956 * 8, errorCorrection: .low)) {
            try QRCode(encoding: text, errorCorrection: .low)
        }
        let message = "\(QRCodeError.dataTooLong(neededBits: 24020, capacityBits: 23648, errorCorrection: .low))"
        #expect(message.contains("24020") && message.contains("23648") && message.contains("version 40"))
    }

    /// UTF-8 counts bytes: 1000 'å' take 2000 bytes, more than version 40-H holds.
    @Test func multiByteCharactersCountAsBytes() throws {
        let text = String(repeating: "å", count: 1000)
        #expect(throws: QRCodeError.self) { try QRCode(encoding: text, errorCorrection: .high) }
        #expect(try QRCode(encoding: text, errorCorrection: .low).version > 1)
    }

    @Test(arguments: [-1, 8, 100])
    func rejectsMasksOutsideZeroToSeven(mask: Int) {
        #expect(throws: QRCodeError.invalidMask(mask)) { try QRCode(encoding: "x", mask: mask) }
    }

    @Test func forcedMaskIsUsed() throws {
        for mask in 0...7 {
            #expect(try QRCode(encoding: "Lots", mask: mask).mask == mask)
        }
    }

    /// The penalty picks the lowest total; ties go to the lower mask number.
    @Test func automaticMaskHasTheLowestPenalty() throws {
        let code = try QRCode(encoding: Self.bankID, errorCorrection: .low)
        let utf8 = Array(Self.bankID.utf8)
        let totals = QRCode.penalties(of: QRCode.unmaskedMatrix(utf8, mode: .byte, version: code.version, level: .low)).map(\.total)
        #expect(code.mask == totals.firstIndex(of: totals.min()!))
    }

    @Test func bankIDStringFitsASmallSymbol() throws {
        let low = try QRCode(encoding: Self.bankID, errorCorrection: .low)
        #expect(low.version == 6)
        #expect(low.size == 41)
        #expect(try QRCode(encoding: Self.bankID).version == 7)  // medium is the default
    }

    @Test func finderPatternsAndTimingAreInPlace() throws {
        let code = try QRCode(encoding: "Lots", errorCorrection: .high)
        #expect(code.size == 21)
        let finderRows = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"]
        for (originX, originY) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            let rows = (0..<7).map { dy in String((0..<7).map { dx in code[originX + dx, originY + dy] ? "1" : "0" }) }
            #expect(rows == finderRows)
        }
        for index in 8..<code.size - 8 {
            #expect(code[index, 6] == (index % 2 == 0))
            #expect(code[6, index] == (index % 2 == 0))
        }
    }

    @Test func isDeterministic() throws {
        #expect(try QRCode(encoding: Self.bankID) == QRCode(encoding: Self.bankID))
    }
}
