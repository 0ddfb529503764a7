import Foundation

/// Why a QR code could not be built.
public enum QRCodeError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The text needs more data bits than a version 40 symbol holds at the requested level.
    case dataTooLong(neededBits: Int, capacityBits: Int, errorCorrection: QRCode.ErrorCorrection)
    /// Only mask patterns 0 through 7 exist.
    case invalidMask(Int)

    public var description: String {
        switch self {
        case let .dataTooLong(needed, capacity, level):
            "The text needs \(needed) data bits, but the largest QR code (version 40) holds only \(capacity) bits "
                + "at error correction level \(level); shorten the text or lower the error correction."
        case let .invalidMask(mask):
            "QR mask pattern \(mask) does not exist; valid patterns are 0 through 7."
        }
    }

    public var errorDescription: String? { description }
}
