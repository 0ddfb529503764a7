import Crypto
import Foundation

/// Encrypts one field of one row with the data subject's key (AES-256-GCM). The table, column and row
/// are authenticated as associated data, so a ciphertext copied to another row or column fails to open.
public enum FieldCipher {
    public struct Location: Sendable, Equatable {
        public var table: String
        public var column: String
        public var rowID: String

        public init(table: String, column: String, rowID: String) {
            self.table = table
            self.column = column
            self.rowID = rowID
        }

        /// `lots.field.v1 NUL table NUL column NUL row`, as bytes.
        var associatedData: [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(16 + table.utf8.count + column.utf8.count + rowID.utf8.count)
            bytes += "lots.field.v1".utf8
            bytes.append(0)
            bytes += table.utf8
            bytes.append(0)
            bytes += column.utf8
            bytes.append(0)
            bytes += rowID.utf8
            return bytes
        }
    }

    public enum Failure: Error, Equatable {
        /// Wrong key (e.g. shredded and replaced), another location, or tampered ciphertext.
        case cannotOpen
    }

    public static func seal(_ plaintext: String, key: SymmetricKey, at location: Location) throws -> Data {
        try seal(bytes: Data(plaintext.utf8), key: key, at: location)
    }

    public static func open(_ ciphertext: Data, key: SymmetricKey, at location: Location) throws(Failure) -> String {
        guard let text = String(data: try open(bytes: ciphertext, key: key, at: location), encoding: .utf8) else { throw .cannotOpen }
        return text
    }

    /// The same for bytes that are not text (an uploaded file).
    public static func seal(bytes: Data, key: SymmetricKey, at location: Location) throws -> Data {
        guard let combined = try AES.GCM.seal(bytes, using: key, nonce: SecureRandom.nonce(), authenticating: location.associatedData).combined else {
            throw Failure.cannotOpen
        }
        return combined
    }

    public static func open(bytes ciphertext: Data, key: SymmetricKey, at location: Location) throws(Failure) -> Data {
        do {
            let box = try AES.GCM.SealedBox(combined: ciphertext)
            return try AES.GCM.open(box, using: key, authenticating: location.associatedData)
        } catch {
            throw .cannotOpen
        }
    }
}
