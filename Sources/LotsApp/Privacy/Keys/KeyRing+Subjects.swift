import Crypto
import Fluent
import Foundation
import LotsCore

enum SubjectKeyError: Error, Equatable, SafelyDescribable {
    /// The subject was erased: their key is destroyed and will never be recreated.
    case shredded
    case missing

    var safeDescription: String {
        switch self {
        case .shredded: "the data subject's key was destroyed (erased)"
        case .missing: "the data subject has no key"
        }
    }
}

extension KeyRing {
    /// The subject's data key; with `create`, made on first use.
    func subjectKey(_ subjectID: UUID, organisationID: UUID, create: Bool = false, on database: any Database) async throws -> SymmetricKey {
        guard !shredded.contains(subjectID) else { throw SubjectKeyError.shredded }
        let context = Self.subjectContext(subjectID, organisationID: organisationID)
        if let stored = try await SubjectKey.query(on: database).filter(\.$id == subjectID).filter(\.$organisationID == organisationID).first() {
            return try unwrap(Data(base64Encoded: stored.wrappedKey) ?? Data(), context: context, wrappedBy: stored.kekFingerprint)
        }
        guard create else { throw SubjectKeyError.missing }
        let key = SymmetricKey(size: .bits256)
        try await SubjectKey(subjectID: subjectID, organisationID: organisationID, wrappedKey: try wrap(key, context: context).base64EncodedString(),
                             kekFingerprint: fingerprint).create(on: database)
        return key
    }

    /// Fresh keys for new subjects, stored (wrapped) five hundred rows per statement.
    func createSubjectKeys(_ subjectIDs: [UUID], organisationID: UUID, on database: any Database) async throws -> [UUID: SymmetricKey] {
        var keys: [UUID: SymmetricKey] = [:]
        keys.reserveCapacity(subjectIDs.count)
        for chunk in subjectIDs.chunked(500) {
            var rows: [SubjectKey] = []
            for id in chunk {
                guard !shredded.contains(id) else { throw SubjectKeyError.shredded }
                let key = SymmetricKey(size: .bits256)
                keys[id] = key
                rows.append(SubjectKey(subjectID: id, organisationID: organisationID,
                                       wrappedKey: try wrap(key, context: Self.subjectContext(id, organisationID: organisationID)).base64EncodedString(),
                                       kekFingerprint: fingerprint))
            }
            try await rows.create(on: database)
        }
        return keys
    }

    /// Crypto-shredding: the subject goes on the shredded list first, then their key is deleted.
    func shred(_ subjectID: UUID, on database: any Database) async throws {
        try shredded.add(subjectID)
        try await SubjectKey.query(on: database).filter(\.$id == subjectID).delete()
    }
}

extension KeyRing {
    /// Several subjects' keys in one query; shredded or missing subjects are left out.
    func subjectKeys(_ subjectIDs: [UUID], organisationID: UUID, on database: any Database) async throws -> [UUID: SymmetricKey] {
        guard !subjectIDs.isEmpty else { return [:] }
        let stored = try await SubjectKey.query(on: database).filter(\.$id ~~ subjectIDs).filter(\.$organisationID == organisationID).all()
        var keys: [UUID: SymmetricKey] = [:]
        for record in stored {
            guard let id = record.id, !shredded.contains(id) else { continue }
            let context = Self.subjectContext(id, organisationID: organisationID)
            keys[id] = try unwrap(Data(base64Encoded: record.wrappedKey) ?? Data(), context: context, wrappedBy: record.kekFingerprint)
        }
        return keys
    }
}
