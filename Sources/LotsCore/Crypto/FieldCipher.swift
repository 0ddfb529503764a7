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

        var associatedData: Data { Data("lots.field.v1\u{0}\(table)\u{0}\(column)\u{0}\(rowID)".utf8) }
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
        guard let combined = try AES.GCM.seal(bytes, using: key, authenticating: location.associatedData).combined else {
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
