/// The data modes this encoder writes; the whole text goes into one segment. Kanji mode and ECI headers are left
/// out, so byte mode carries UTF-8 that readers must recognise by guessing: reliable for ASCII (all BankID
/// content), less so for short non-ASCII text, which ZBar for one may take for Shift JIS.
enum EncodingMode: Sendable, CaseIterable {
    case numeric, alphanumeric, byte

    static let alphanumericCharset = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    var indicator: Int {
        switch self {
        case .numeric: 0b0001
        case .alphanumeric: 0b0010
        case .byte: 0b0100
        }
    }

    /// Width of the character count field, which grows in steps at versions 10 and 27.
    func countBits(version: Int) -> Int {
        let step = version <= 9 ? 0 : (version <= 26 ? 1 : 2)
        switch self {
        case .numeric: return [10, 12, 14][step]
        case .alphanumeric: return [9, 11, 13][step]
        case .byte: return [8, 16, 16][step]
        }
    }

    func canEncode(_ utf8: [UInt8]) -> Bool {
        switch self {
        case .numeric: utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        case .alphanumeric: utf8.allSatisfy { Self.alphanumericCharset.contains($0) }
        case .byte: true
        }
    }

    /// Bits of the whole segment (indicator, count, payload) or nil when the count overflows its field.
    func segmentBits(_ utf8: [UInt8], version: Int) -> Int? {
        // Numeric and alphanumeric text is pure ASCII, so the byte count is also the character count.
        let count = utf8.count
        guard count < 1 << countBits(version: version) else { return nil }
        let payload = switch self {
        case .numeric: count / 3 * 10 + [0, 4, 7][count % 3]
        case .alphanumeric: count / 2 * 11 + (count % 2) * 6
        case .byte: count * 8
        }
        return 4 + countBits(version: version) + payload
    }

    func append(_ utf8: [UInt8], version: Int, to buffer: inout BitBuffer) {
        buffer.append(indicator, bitCount: 4)
        buffer.append(utf8.count, bitCount: countBits(version: version))
        switch self {
        case .numeric:
            let digits = utf8.map { Int($0 - UInt8(ascii: "0")) }
            for start in stride(from: 0, to: digits.count, by: 3) {
                let group = digits[start..<min(start + 3, digits.count)]
                buffer.append(group.reduce(0) { $0 * 10 + $1 }, bitCount: [0, 4, 7, 10][group.count])
            }
        case .alphanumeric:
            let values = utf8.map { byte in Self.alphanumericCharset.firstIndex(of: byte)! }
            for start in stride(from: 0, to: values.count, by: 2) {
                if start + 1 < values.count {
                    buffer.append(values[start] * 45 + values[start + 1], bitCount: 11)
                } else {
                    buffer.append(values[start], bitCount: 6)
                }
            }
        case .byte:
            for byte in utf8 { buffer.append(Int(byte), bitCount: 8) }
        }
    }
}
