import Fluent
import Foundation

/// A registered member of a partnership platform. Name, e-mail and organisation are ciphertext under the
/// member's own key; the username is the login name they chose, in clear so sign-in can find it.
final class Member: Model, @unchecked Sendable {
    static let schema = "members"
    static let emailField = "members.email"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "username") var username: String
    @Field(key: "email_index") var emailIndex: String
    @Field(key: "given_name") var givenName: Data
    @Field(key: "family_name") var familyName: Data
    @Field(key: "email") var email: Data
    @OptionalField(key: "member_organisation") var memberOrganisation: Data?
    @Field(key: "password_hash") var passwordHash: String
    @OptionalField(key: "email_verified_at") var emailVerifiedAt: Date?
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The authenticator secret (encrypted); set up when the member starts, in use once `totpEnabledAt` is set.
    @OptionalField(key: "totp_secret") var totpSecret: Data?
    @OptionalField(key: "totp_enabled_at") var totpEnabledAt: Date?
    /// The last time step a code was accepted for, so no code works twice.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?

    init() {}

    /// False for a member who joined through a sign-in service and never set a password.
    var hasPassword: Bool { !passwordHash.isEmpty }
}

/// A pending e-mail verification: only the token's hash is stored.
final class MemberEmailVerification: Model, @unchecked Sendable {
    static let schema = "member_email_verifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}

/// One password sign-in attempt, for rate limiting across app instances. Neither the username nor the
/// address is stored: only keyed hashes of them.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "username_hash") var usernameHash: String
    @Field(key: "address_hash") var addressHash: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "at") var at: Date

    init() {}
}

/// The count of registrations per month, kept when members delete themselves (the partnership
/// notice reserves the right to keep the number of people who registered).
final class RegistrationCount: Model, @unchecked Sendable {
    static let schema = "registration_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "month") var month: String
    @Field(key: "count") var count: Int

    init() {}
}

struct CreateMembers: AsyncMigration {
    var name: String { "021_create_members" }

    func prepare(on database: any Database) async throws {
        try await database.schema("members")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("username", .string, .required)
            .field("email_index", .string, .required)
            .field("given_name", .data, .required)
            .field("family_name", .data, .required)
            .field("email", .data, .required)
            .field("member_organisation", .data)
            .field("password_hash", .string, .required)
            .field("email_verified_at", .datetime)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "username")
            .unique(on: "organisation_id", "email_index")
            .create()
        try await database.schema("member_email_verifications")
            .id()
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("login_attempts")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("username_hash", .string, .required)
            .field("address_hash", .string, .required)
            .field("succeeded", .bool, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema("registration_counts")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("month", .string, .required)
            .field("count", .int, .required)
            .unique(on: "organisation_id", "month")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["registration_counts", "login_attempts", "member_email_verifications", "members"] {
            try await database.schema(table).delete()
        }
    }
}
