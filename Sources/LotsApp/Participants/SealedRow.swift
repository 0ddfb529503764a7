import Crypto
import Foundation
import LotsCore

/// Seals and opens the fields of one row under its data subject's key, each bound to its table, column
/// and row so a ciphertext moved elsewhere does not open.
struct SealedRow {
    let key: SymmetricKey
    let table: String
    let rowID: UUID
    /// The row's id as the ciphertexts authenticate it, formatted once for all the row's fields.
    private let rowText: String

    init(key: SymmetricKey, table: String, rowID: UUID) {
        self.key = key
        self.table = table
        self.rowID = rowID
        self.rowText = UUIDText.lowercase(rowID)
    }

    private func location(_ column: String) -> FieldCipher.Location {
        .init(table: table, column: column, rowID: rowText)
    }

    func seal(_ value: String, _ column: String) throws -> Data {
        try FieldCipher.seal(value, key: key, at: location(column))
    }

    /// Absent or empty values stay absent (nil), not an encrypted empty string.
    @_disfavoredOverload
    func seal(_ value: String?, _ column: String) throws -> Data? {
        guard let value, !value.isEmpty else { return nil }
        return try FieldCipher.seal(value, key: key, at: location(column))
    }

    func open(_ data: Data, _ column: String) throws -> String {
        try FieldCipher.open(data, key: key, at: location(column))
    }

    @_disfavoredOverload
    func open(_ data: Data?, _ column: String) throws -> String? {
        guard let data else { return nil }
        return try FieldCipher.open(data, key: key, at: location(column))
    }
}

/// The pseudonymous reference of a data subject in the audit trail.
enum SubjectReference {
    static func participant(_ id: UUID) -> String { "participant:" + UUIDText.lowercase(id) }
    static func member(_ id: UUID) -> String { "member:\(id.uuidString.lowercased())" }
}
