import Fluent
import Foundation

/// A password sign-in waiting for its one-time code: the browser holds the token, the database its hash.
final class MemberLoginChallenge: Model, @unchecked Sendable {
    static let schema = "member_login_challenges"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "attempts") var attempts: Int

    init() {}
}

struct AddMemberSecondFactor: AsyncMigration {
    var name: String { "022_add_member_second_factor" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema("members").field("totp_secret", .data).update()
        try await database.schema("members").field("totp_enabled_at", .datetime).update()
        try await database.schema("members").field("totp_last_step", .int64).update()
        try await database.schema("member_login_challenges")
            .id()
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("attempts", .int, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("member_login_challenges").delete()
        for column in ["totp_last_step", "totp_enabled_at", "totp_secret"] {
            try await database.schema("members").deleteField(.string(column)).update()
        }
    }
}
