import Crypto
import Fluent
import Foundation
import LotsCore
import NIOConcurrencyHelpers
import Vapor

/// What an organisation key is for. Each purpose has its own key, so one leaking does not expose the others.
enum KeyPurpose: String, Sendable, CaseIterable {
    /// HMAC key of the blind indexes (personnummer, case numbers, e-mail addresses).
    case blindIndex = "blind_index"
    /// AES key of files uploaded for an import, kept encrypted between preview and commit.
    case uploads
}

/// Holds the key-encryption key and hands out organisation keys, which are stored only wrapped by it.
/// Unwrapped keys are cached in memory for the life of the process.
final class KeyRing: Sendable {
    let fingerprint: String
    let shredded: ShreddedSubjects
    private let kek: SymmetricKey
    /// Earlier key-encryption keys, by fingerprint, kept only while `lots keys rotate` rewraps what they wrapped.
    private let previous: [String: SymmetricKey]
    private let cache = NIOLockedValueBox<[String: SymmetricKey]>([:])
    /// Unwrapped subject keys, for a few minutes: a profile page then needs no key look-up. The shredded list
    /// is checked before every use, and shredding drops the key from here too.
    let subjectCache = NIOLockedValueBox<[UUID: (key: SymmetricKey, organisationID: UUID, at: Date)]>([:])
    static let subjectCacheLifetime: TimeInterval = 300
    static let subjectCacheLimit = 100_000

    init(kek: SymmetricKey, previous: [SymmetricKey] = [], shredded: ShreddedSubjects) {
        self.kek = kek
        self.shredded = shredded
        self.fingerprint = KeyWrapping.fingerprint(of: kek)
        self.previous = Dictionary(previous.map { (KeyWrapping.fingerprint(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    func wrap(_ key: SymmetricKey, context: String) throws -> Data {
        try KeyWrapping.wrap(key, with: kek, context: context)
    }

    /// What a wrapped key is bound to (authenticated when wrapping), so a wrapped key moved to another row
    /// does not unwrap. Rotation rewraps with the same contexts.
    static func organisationContext(_ organisationID: UUID, purpose: String) -> String {
        "organisation/\(organisationID.uuidString.lowercased())/\(purpose)"
    }

    static func subjectContext(_ subjectID: UUID, organisationID: UUID) -> String {
        "subject/" + UUIDText.lowercase(organisationID) + "/" + UUIDText.lowercase(subjectID)
    }

    /// Unwraps with the key-encryption key that wrapped it (by its recorded fingerprint).
    func unwrap(_ wrapped: Data, context: String, wrappedBy kekFingerprint: String? = nil) throws -> SymmetricKey {
        guard let kekFingerprint, kekFingerprint != fingerprint else { return try KeyWrapping.unwrap(wrapped, with: kek, context: context) }
        guard let earlier = previous[kekFingerprint] else { throw KeyRingError.unknownKeyEncryptionKey(kekFingerprint) }
        return try KeyWrapping.unwrap(wrapped, with: earlier, context: context)
    }

    func organisationKey(_ organisationID: UUID, _ purpose: KeyPurpose, on database: any Database) async throws -> SymmetricKey {
        let context = Self.organisationContext(organisationID, purpose: purpose.rawValue)
        if let cached = cache.withLockedValue({ $0[context] }) { return cached }
        let key: SymmetricKey
        if let stored = try await OrganisationKey.query(on: database)
            .filter(\.$organisationID == organisationID).filter(\.$purpose == purpose.rawValue).first() {
            key = try unwrap(Data(base64Encoded: stored.wrappedKey) ?? Data(), context: context, wrappedBy: stored.kekFingerprint)
        } else {
            let fresh = SymmetricKey(size: .bits256)
            let record = OrganisationKey(organisationID: organisationID, purpose: purpose.rawValue,
                                         wrappedKey: try KeyWrapping.wrap(fresh, with: kek, context: context).base64EncodedString(),
                                         kekFingerprint: fingerprint)
            do {
                try await record.create(on: database)
                key = fresh
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Another request created the key first; use theirs.
                return try await organisationKey(organisationID, purpose, on: database)
            }
        }
        cache.withLockedValue { $0[context] = key }
        return key
    }

    /// The blind index of a value within one organisation.
    func blindIndex(_ canonicalValue: String, field: String, organisationID: UUID, on database: any Database) async throws -> String {
        let key = try await organisationKey(organisationID, .blindIndex, on: database)
        return BlindIndex.compute(canonicalValue, key: key, domain: field)
    }
}

enum KeyRingError: Error, Equatable, SafelyDescribable {
    /// A key is wrapped by a key-encryption key that is neither LOTS_KEK_FILE nor LOTS_KEK_PREVIOUS_FILE.
    case unknownKeyEncryptionKey(String)

    var safeDescription: String {
        switch self {
        case .unknownKeyEncryptionKey(let fingerprint):
            "a key is wrapped by key-encryption key \(fingerprint), which is not configured (LOTS_KEK_FILE or LOTS_KEK_PREVIOUS_FILE)"
        }
    }
}

extension Application {
    private struct KeyRingKey: StorageKey { typealias Value = KeyRing }

    var keyRing: KeyRing {
        get { required(KeyRingKey.self, "the key ring") }
        set { storage[KeyRingKey.self] = newValue }
    }
}
