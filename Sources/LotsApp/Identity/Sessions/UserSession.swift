import Fluent
import Foundation

/// A signed-in browser. The cookie holds a random token; the database holds only its SHA-256, so a
/// leaked database cannot be replayed as sessions.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    enum AccountKind: String, Codable, Sendable {
        case staff
        /// A partnership platform's registered member (signs in with a username and a password).
        case member
        /// A participant of a case-management organisation, signed in with BankID to see their own data.
        case participant
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Enum(key: "account_kind") var accountKind: AccountKind
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "auth_method") var authMethod: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(tokenHash: String, accountKind: AccountKind, accountID: UUID, organisationID: UUID, csrfToken: String,
         authMethod: String, now: Date, expiresAt: Date) {
        self.id = UUID()
        self.tokenHash = tokenHash
        self.accountKind = accountKind
        self.accountID = accountID
        self.organisationID = organisationID
        self.csrfToken = csrfToken
        self.authMethod = authMethod
        self.createdAt = now
        self.lastSeenAt = now
        self.expiresAt = expiresAt
    }
}

struct CreateSessions: AsyncMigration {
    var name: String { "011_create_sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("account_kind", .string, .required)
            .field("account_id", .uuid, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("csrf_token", .string, .required)
            .field("auth_method", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sessions").delete()
    }
}
