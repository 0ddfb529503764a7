/// The square grid being built: which modules are dark, and which belong to function patterns
/// (finders, separators, timing, alignment, format and version information) that data and masks avoid.
struct ModuleMatrix: Sendable, Equatable {
    let size: Int
    private(set) var modules: [Bool]
    private(set) var isFunction: [Bool]

    /// A symbol with every function pattern drawn except format and version information and the dark module,
    /// whose areas are reserved but left light: the mask penalty is scored before they exist.
    init(version: Int) {
        size = VersionTable.size(version: version)
        modules = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
        for index in 8..<size - 8 {
            setFunction(x: index, y: 6, dark: index % 2 == 0)
            setFunction(x: 6, y: index, dark: index % 2 == 0)
        }
        drawFinder(centerX: 3, centerY: 3)
        drawFinder(centerX: size - 4, centerY: 3)
        drawFinder(centerX: 3, centerY: size - 4)
        let centers = VersionTable.alignmentCenters(version: version)
        for (column, x) in centers.enumerated() {
            for (row, y) in centers.enumerated() {
                // Three grid points fall on finder patterns; the others, even on the timing lines, are drawn.
                let onFinder = (column == 0 && row == 0) || (column == 0 && row == centers.count - 1)
                    || (column == centers.count - 1 && row == 0)
                if !onFinder { drawAlignment(centerX: x, centerY: y) }
            }
        }
        reserveFormatAndVersionAreas(version: version)
    }

    subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    private mutating func setFunction(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    /// Draws the 7×7 finder and its light separator, clipped where the separator runs off the symbol.
    private mutating func drawFinder(centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx, y = centerY + dy
                guard x >= 0, x < size, y >= 0, y < size else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    private mutating func drawAlignment(centerX: Int, centerY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centerX + dx, y: centerY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    private mutating func reserveFormatAndVersionAreas(version: Int) {
        for (x, y) in FormatInformation.formatPositions(size: size).flatMap({ $0 }) + [(8, size - 8)] {
            setFunction(x: x, y: y, dark: false)
        }
        if version >= 7 {
            for (x, y) in FormatInformation.versionPositions(size: size).flatMap({ $0 }) {
                setFunction(x: x, y: y, dark: false)
            }
        }
    }

    /// Places the codeword bits in two-module columns, zigzagging up and down from the right edge and
    /// skipping the vertical timing column; modules left over are the remainder bits and stay light.
    mutating func place(codewords: [UInt8]) {
        var bitIndex = 0
        let bitCount = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction[y * size + x] && bitIndex < bitCount {
                    modules[y * size + x] = (codewords[bitIndex >> 3] >> (7 - (bitIndex & 7))) & 1 == 1
                    bitIndex += 1
                }
            }
            right -= 2
        }
        precondition(bitIndex == bitCount, "codewords do not fill the symbol")
    }

    /// Inverts the data modules where the mask pattern's condition holds (ISO/IEC 18004 Table 10).
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && Self.maskCondition(mask, x: x, y: y) {
                modules[y * size + x].toggle()
            }
        }
    }

    static func maskCondition(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        case 7: ((x + y) % 2 + x * y % 3) % 2 == 0
        default: preconditionFailure("mask \(mask) does not exist")
        }
    }

    /// Writes both copies of the format information, the dark module and, from version 7, the version information.
    mutating func drawFormatAndVersion(version: Int, level: QRCode.ErrorCorrection, mask: Int) {
        let format = FormatInformation.formatBits(level: level, mask: mask)
        for copy in FormatInformation.formatPositions(size: size) {
            for (bit, (x, y)) in copy.enumerated() {
                modules[y * size + x] = (format >> bit) & 1 == 1
            }
        }
        modules[(size - 8) * size + 8] = true
        guard version >= 7 else { return }
        let versionBits = FormatInformation.versionBits(version: version)
        for copy in FormatInformation.versionPositions(size: size) {
            for (bit, (x, y)) in copy.enumerated() {
                modules[y * size + x] = (versionBits >> bit) & 1 == 1
            }
        }
    }
}
