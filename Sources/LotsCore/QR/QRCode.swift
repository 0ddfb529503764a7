/// A QR code symbol (ISO/IEC 18004, model 2, versions 1–40) holding one text in a single segment.
///
/// The encoder picks the most compact of numeric, alphanumeric and byte (UTF-8) mode for the whole text,
/// the smallest version that fits, and the mask with the lowest penalty score. Modules are addressed with
/// x as the column and y as the row, both starting at the top-left corner; the quiet zone is not included.
public struct QRCode: Sendable, Equatable {
    /// Modules per side: 21 for version 1, four more per version up to 177.
    public let size: Int
    /// The symbol version, 1 through 40.
    public let version: Int
    /// The data mask pattern applied, 0 through 7.
    public let mask: Int
    /// The level the symbol was built with; never raised automatically.
    public let errorCorrection: ErrorCorrection
    let mode: EncodingMode
    private let modules: [Bool]

    /// Encodes `text`, choosing the mask with the lowest penalty.
    /// - Throws: `QRCodeError.dataTooLong` when not even version 40 can hold the text.
    public init(encoding text: String, errorCorrection: ErrorCorrection = .medium) throws {
        try self.init(text, errorCorrection, forcedMask: nil)
    }

    /// Encodes `text` with a fixed mask pattern instead of the best-scoring one, mainly for comparing
    /// against other encoders.
    /// - Throws: `QRCodeError.invalidMask` outside 0...7, `QRCodeError.dataTooLong` as above.
    public init(encoding text: String, errorCorrection: ErrorCorrection = .medium, mask: Int) throws {
        guard (0...7).contains(mask) else { throw QRCodeError.invalidMask(mask) }
        try self.init(text, errorCorrection, forcedMask: mask)
    }

    private init(_ text: String, _ level: ErrorCorrection, forcedMask: Int?) throws {
        let utf8 = Array(text.utf8)
        let (version, mode) = try Self.smallestFit(utf8, level: level)
        var matrix = Self.unmaskedMatrix(utf8, mode: mode, version: version, level: level)
        let mask = forcedMask ?? Self.bestMask(for: matrix)
        matrix.applyMask(mask)
        matrix.drawFormatAndVersion(version: version, level: level, mask: mask)
        self.size = matrix.size
        self.version = version
        self.mask = mask
        self.errorCorrection = level
        self.mode = mode
        self.modules = matrix.modules
    }

    /// True where the module is dark.
    public subscript(x: Int, y: Int) -> Bool {
        precondition(x >= 0 && x < size && y >= 0 && y < size, "module (\(x), \(y)) lies outside the symbol")
        return modules[y * size + x]
    }

    /// The first version, and for it the mode needing the fewest bits, whose data capacity holds the text.
    /// Comparing bit counts rather than ranking modes keeps the choice right even for the empty text.
    static func smallestFit(_ utf8: [UInt8], level: ErrorCorrection) throws -> (version: Int, mode: EncodingMode) {
        let modes = EncodingMode.allCases.filter { $0.canEncode(utf8) }
        for version in VersionTable.versions {
            let capacity = VersionTable.dataCodewords(version: version, level: level) * 8
            let candidates = modes.compactMap { mode in mode.segmentBits(utf8, version: version).map { (mode, $0) } }
            if let (mode, bits) = candidates.min(by: { $0.1 < $1.1 }), bits <= capacity {
                return (version, mode)
            }
        }
        let largest = VersionTable.versions.upperBound
        let needed = modes.compactMap { $0.segmentBits(utf8, version: largest) }.min()
            ?? 4 + EncodingMode.byte.countBits(version: largest) + utf8.count * 8
        throw QRCodeError.dataTooLong(neededBits: needed,
                                      capacityBits: VersionTable.dataCodewords(version: largest, level: level) * 8,
                                      errorCorrection: level)
    }

    static func unmaskedMatrix(_ utf8: [UInt8], mode: EncodingMode, version: Int, level: ErrorCorrection) -> ModuleMatrix {
        let data = CodewordSequence.dataCodewords(utf8, mode: mode, version: version, level: level)
        var matrix = ModuleMatrix(version: version)
        matrix.place(codewords: CodewordSequence.interleaved(data, version: version, level: level))
        return matrix
    }

    /// The mask with the lowest total penalty; on a tie the lower mask number wins, as in segno.
    static func bestMask(for unmasked: ModuleMatrix) -> Int {
        let totals = penalties(of: unmasked).map(\.total)
        return totals.indices.min { totals[$0] < totals[$1] } ?? 0
    }

    /// Penalty of each of the eight masks, indexed by mask number.
    static func penalties(of unmasked: ModuleMatrix) -> [MaskPenalty] {
        (0...7).map { mask in
            var candidate = unmasked
            candidate.applyMask(mask)
            return MaskPenalty(candidate)
        }
    }
}
