import Crypto
import Fluent
import Foundation
import LotsCore
import NIOConcurrencyHelpers
import Vapor

/// Creates, finds and ends sessions. Lookups are cached for a few seconds because every request needs
/// one; revocation therefore takes effect within `cacheLifetime` on other instances, at once on this one.
final class SessionStore: Sendable {
    /// A session ends after this long without a request…
    static let idleTimeout: TimeInterval = 30 * 60
    /// …and in any case this long after sign-in.
    static let absoluteTimeout: TimeInterval = 10 * 3600
    static let cacheLifetime: TimeInterval = 5
    /// `last_seen_at` is written at most this often, to keep reads from turning into writes.
    static let touchInterval: TimeInterval = 60

    private struct Cached {
        var session: SignedInSession
        var cachedAt: Date
    }

    private let cache = NIOLockedValueBox<[String: Cached]>([:])

    /// A new session with a fresh token (never a token the browser brought: that would allow fixation).
    func create(kind: UserSession.AccountKind, accountID: UUID, organisationID: UUID, method: String,
                now: Date, on database: any Database) async throws -> (token: String, record: UserSession) {
        let token = Self.randomToken()
        let record = UserSession(tokenHash: Self.hash(token), accountKind: kind, accountID: accountID, organisationID: organisationID,
                                   csrfToken: Self.randomToken(), authMethod: method, now: now, expiresAt: now + Self.absoluteTimeout)
        try await record.create(on: database)
        return (token, record)
    }

    /// The live session for a cookie token, or nil when unknown, revoked, idle too long or expired.
    func find(token: String, now: Date, on database: any Database) async throws -> SignedInSession? {
        let hash = Self.hash(token)
        if let cached = cache.withLockedValue({ $0[hash] }), now.timeIntervalSince(cached.cachedAt) < Self.cacheLifetime,
           Self.isLive(cached.session.lastSeenAt, cached.session.expiresAt, now: now) {
            return cached.session
        }
        guard let record = try await UserSession.query(on: database).filter(\.$tokenHash == hash).first(),
              record.revokedAt == nil, Self.isLive(record.lastSeenAt, record.expiresAt, now: now) else {
            cache.withLockedValue { _ = $0.removeValue(forKey: hash) }
            return nil
        }
        if now.timeIntervalSince(record.lastSeenAt) > Self.touchInterval {
            record.lastSeenAt = now
            try await record.update(on: database)
        }
        guard let session = try await SignedInSession.load(record, on: database) else { return nil }
        cache.withLockedValue { $0[hash] = Cached(session: session, cachedAt: now) }
        return session
    }

    func revoke(token: String, now: Date, on database: any Database) async throws {
        let hash = Self.hash(token)
        cache.withLockedValue { _ = $0.removeValue(forKey: hash) }
        try await UserSession.query(on: database).filter(\.$tokenHash == hash).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    /// "Log out everywhere": ends every session of the account.
    func revokeAll(accountID: UUID, now: Date, on database: any Database) async throws {
        forget(accountID: accountID)
        try await UserSession.query(on: database).filter(\.$accountID == accountID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    /// Drops cached sessions of an account so changed details (roles, language) are read again.
    func forget(accountID: UUID) {
        cache.withLockedValue { cache in cache = cache.filter { $0.value.session.accountID != accountID } }
    }

    static func isLive(_ lastSeen: Date, _ expires: Date, now: Date) -> Bool {
        now < expires && now.timeIntervalSince(lastSeen) < idleTimeout
    }

    static func randomToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }
}

extension Application {
    private struct SessionStoreKey: StorageKey { typealias Value = SessionStore }

    var sessionStore: SessionStore {
        get { required(SessionStoreKey.self, "the session store") }
        set { storage[SessionStoreKey.self] = newValue }
    }
}
