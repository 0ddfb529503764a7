import Fluent
import Foundation

/// Rewraps every organisation and subject key still wrapped by an earlier key-encryption key with the
/// current one, in batches of one transaction each, so an interrupted run simply continues. The keys
/// themselves do not change, so no field needs re-encrypting.
struct KeyRotation {
    var keyRing: KeyRing
    var audit: AuditLog
    var batchSize = 500

    struct Report: Sendable, Equatable {
        var organisationKeys = 0
        var subjectKeys = 0
    }

    func run(on database: any Database, progress: (Report) -> Void = { _ in }) async throws -> Report {
        var report = Report()
        report.organisationKeys = try await rewrapAll(OrganisationKey.self, on: database) { row in
            KeyRing.organisationContext(row.organisationID, purpose: row.purpose)
        }
        progress(report)
        report.subjectKeys = try await rewrapAll(SubjectKey.self, on: database) { row in
            KeyRing.subjectContext(row.id ?? UUID(), organisationID: row.organisationID)
        }
        progress(report)
        try await audit.record(AuditDraft(action: .adminChange, subject: "key_encryption_key", purpose: "key_rotation",
                                          resultCount: report.organisationKeys + report.subjectKeys,
                                          query: "rotate to=\(keyRing.fingerprint) organisation_keys=\(report.organisationKeys) subject_keys=\(report.subjectKeys)"))
        return report
    }

    /// Rewraps, batch by batch, every row of one key table not yet wrapped by the current key.
    private func rewrapAll<Row: WrappedKeyRow>(_ type: Row.Type, on database: any Database, context: @escaping @Sendable (Row) -> String) async throws -> Int {
        var total = 0
        while true {
            let moved = try await database.transaction { db -> Int in
                let rows = try await Row.query(on: db).filter(Row.kekFingerprintField != keyRing.fingerprint).limit(batchSize).all()
                for row in rows {
                    let key = try keyRing.unwrap(Data(base64Encoded: row.wrappedKey) ?? Data(), context: context(row), wrappedBy: row.kekFingerprint)
                    row.wrappedKey = try keyRing.wrap(key, context: context(row)).base64EncodedString()
                    row.kekFingerprint = keyRing.fingerprint
                    try await row.update(on: db)
                }
                return rows.count
            }
            total += moved
            if moved < batchSize { return total }
        }
    }
}

/// A table of keys wrapped by the key-encryption key.
protocol WrappedKeyRow: Model {
    var wrappedKey: String { get set }
    var kekFingerprint: String { get set }
    static var kekFingerprintField: KeyPath<Self, FieldProperty<Self, String>> { get }
}

extension OrganisationKey: WrappedKeyRow {
    static var kekFingerprintField: KeyPath<OrganisationKey, FieldProperty<OrganisationKey, String>> { \.$kekFingerprint }
}

extension SubjectKey: WrappedKeyRow {
    static var kekFingerprintField: KeyPath<SubjectKey, FieldProperty<SubjectKey, String>> { \.$kekFingerprint }
}
