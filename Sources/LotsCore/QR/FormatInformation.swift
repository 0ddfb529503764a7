/// The BCH-protected format information (error level and mask) and version information, and where
/// ISO/IEC 18004 (7.9, 7.10) puts their two copies.
enum FormatInformation {
    /// BCH(15,5) with generator 0x537, XOR-ed with 0x5412 so that no format word is all light.
    static func formatBits(level: QRCode.ErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        return (data << 10 | bchRemainder(data, generator: 0x537, degree: 10)) ^ 0x5412
    }

    /// BCH(18,6) with generator 0x1F25; no masking, as version 7 and up never yield an all-zero word.
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(version, generator: 0x1F25, degree: 12)
    }

    private static func bchRemainder(_ data: Int, generator: Int, degree: Int) -> Int {
        var remainder = data << degree
        for shift in stride(from: degree + bitWidth(data) - 1, through: degree, by: -1) where (remainder >> shift) & 1 == 1 {
            remainder ^= generator << (shift - degree)
        }
        return remainder
    }

    private static func bitWidth(_ value: Int) -> Int { Int.bitWidth - value.leadingZeroBitCount }

    /// Both copies as (x, y) per bit, least significant bit first. The first wraps the top-left finder and
    /// steps over the timing pattern; the second is split between the top-right and bottom-left finders.
    static func formatPositions(size: Int) -> [[(x: Int, y: Int)]] {
        let aroundTopLeft = (0...5).map { (x: 8, y: $0) } + [(x: 8, y: 7), (x: 8, y: 8), (x: 7, y: 8)]
            + (9...14).map { (x: 14 - $0, y: 8) }
        let split = (0...7).map { (x: size - 1 - $0, y: 8) } + (8...14).map { (x: 8, y: size - 15 + $0) }
        return [aroundTopLeft, split]
    }

    /// Both 6×3 copies as (x, y) per bit, least significant bit first: left of the top-right finder and,
    /// transposed, above the bottom-left finder.
    static func versionPositions(size: Int) -> [[(x: Int, y: Int)]] {
        let topRight = (0..<18).map { (x: size - 11 + $0 % 3, y: $0 / 3) }
        return [topRight, topRight.map { (x: $0.y, y: $0.x) }]
    }
}
