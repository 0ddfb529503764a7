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
}

/// Holds the key-encryption key and hands out organisation keys, which are stored only wrapped by it.
/// Unwrapped keys are cached in memory for the life of the process.
final class KeyRing: Sendable {
    let fingerprint: String
    let shredded: ShreddedSubjects
    private let kek: SymmetricKey
    private let cache = NIOLockedValueBox<[String: SymmetricKey]>([:])

    init(kek: SymmetricKey, shredded: ShreddedSubjects) {
        self.kek = kek
        self.shredded = shredded
        self.fingerprint = KeyWrapping.fingerprint(of: kek)
    }

    func wrap(_ key: SymmetricKey, context: String) throws -> Data {
        try KeyWrapping.wrap(key, with: kek, context: context)
    }

    func unwrap(_ wrapped: Data, context: String) throws -> SymmetricKey {
        try KeyWrapping.unwrap(wrapped, with: kek, context: context)
    }

    func organisationKey(_ organisationID: UUID, _ purpose: KeyPurpose, on database: any Database) async throws -> SymmetricKey {
        let context = "organisation/\(organisationID.uuidString.lowercased())/\(purpose.rawValue)"
        if let cached = cache.withLockedValue({ $0[context] }) { return cached }
        let key: SymmetricKey
        if let stored = try await OrganisationKey.query(on: database)
            .filter(\.$organisationID == organisationID).filter(\.$purpose == purpose.rawValue).first() {
            key = try KeyWrapping.unwrap(Data(base64Encoded: stored.wrappedKey) ?? Data(), with: kek, context: context)
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

extension Application {
    private struct KeyRingKey: StorageKey { typealias Value = KeyRing }

    var keyRing: KeyRing {
        get { required(KeyRingKey.self, "the key ring") }
        set { storage[KeyRingKey.self] = newValue }
    }
}
