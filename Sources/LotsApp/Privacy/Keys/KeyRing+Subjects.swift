import Crypto
import Fluent
import Foundation
import LotsCore
import SQLKit

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
        if let key = try await subjectKeys([subjectID], organisationID: organisationID, on: database)[subjectID] { return key }
        let context = Self.subjectContext(subjectID, organisationID: organisationID)
        guard create else { throw SubjectKeyError.missing }
        let key = SymmetricKey(size: .bits256)
        try await SubjectKey(subjectID: subjectID, organisationID: organisationID, wrappedKey: try wrap(key, context: context).base64EncodedString(),
                             kekFingerprint: fingerprint).create(on: database)
        return key
    }

    /// Fresh keys for new subjects, not yet stored: `subjectKeyRow` gives each one's row (a key is random
    /// bytes, so all of an import's are made at once and their rows written block by block).
    func freshSubjectKeys(_ subjectIDs: [UUID]) throws -> [UUID: SymmetricKey] {
        var keys: [UUID: SymmetricKey] = [:]
        keys.reserveCapacity(subjectIDs.count)
        for id in subjectIDs {
            guard !shredded.contains(id) else { throw SubjectKeyError.shredded }
            keys[id] = SecureRandom.key()
        }
        return keys
    }

    /// The `subject_keys` row (in `SubjectKey.insertColumns` order) that stores a fresh key, wrapped.
    func subjectKeyRow(_ subjectID: UUID, key: SymmetricKey, organisationID: UUID, now: Date) throws -> [ColumnValue] {
        let wrapped = try wrap(key, context: Self.subjectContext(subjectID, organisationID: organisationID)).base64EncodedString()
        return [.uuid(subjectID), .uuid(organisationID), .text(wrapped), .text(fingerprint), .date(now)]
    }

    /// Crypto-shredding: the subject goes on the shredded list first, then their key is deleted.
    func shred(_ subjectID: UUID, on database: any Database) async throws {
        try shredded.add(subjectID)
        subjectCache.withLockedValue { _ = $0.removeValue(forKey: subjectID) }
        try await SubjectKey.query(on: database).filter(\.$id == subjectID).delete()
    }
}

extension KeyRing {
    /// Several subjects' keys in one query (none when all are cached); shredded or missing subjects are left out.
    func subjectKeys(_ subjectIDs: [UUID], organisationID: UUID, on database: any Database) async throws -> [UUID: SymmetricKey] {
        guard !subjectIDs.isEmpty else { return [:] }
        let now = Date()
        var keys: [UUID: SymmetricKey] = [:]
        var missing: [UUID] = []
        subjectCache.withLockedValue { cache in
            for id in subjectIDs where !shredded.contains(id) {
                if let cached = cache[id], cached.organisationID == organisationID, now.timeIntervalSince(cached.at) < Self.subjectCacheLifetime {
                    keys[id] = cached.key
                } else {
                    missing.append(id)
                }
            }
        }
        guard !missing.isEmpty else { return keys }
        let stored = try await database.sql.raw("""
            SELECT subject_id, wrapped_key, kek_fingerprint FROM subject_keys
            WHERE subject_id IN (\(sqlList(missing))) AND organisation_id = \(bind: organisationID)
            """).all()
        var fetched: [UUID: SymmetricKey] = [:]
        for record in stored {
            let id = try record.value("subject_id", as: UUID.self)
            guard !shredded.contains(id) else { continue }
            let context = Self.subjectContext(id, organisationID: organisationID)
            fetched[id] = try unwrap(Data(base64Encoded: try record.value("wrapped_key", as: String.self)) ?? Data(), context: context,
                                     wrappedBy: try record.value("kek_fingerprint", as: String.self))
        }
        subjectCache.withLockedValue { cache in
            if cache.count + fetched.count > Self.subjectCacheLimit { cache.removeAll(keepingCapacity: true) }
            for (id, key) in fetched { cache[id] = (key, organisationID, now) }
        }
        return keys.merging(fetched) { cached, _ in cached }
    }
}
