extension QRCode {
    /// How much of a QR code can be damaged and still be read: roughly 7 % (`low`), 15 % (`medium`),
    /// 25 % (`quartile`) or 30 % (`high`) of the codewords. Higher levels need a larger symbol for the same text.
    public enum ErrorCorrection: Sendable, Hashable, CaseIterable {
        case low, medium, quartile, high

        /// The two bits written into the format information; ISO/IEC 18004 numbers the levels out of order.
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }

        /// Row in the block structure tables, which list the levels from weakest to strongest.
        var tableIndex: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }
    }
}
