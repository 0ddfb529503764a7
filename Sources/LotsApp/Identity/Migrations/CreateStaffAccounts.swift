import Fluent

struct CreateStaffAccounts: AsyncMigration {
    var name: String { "003_create_staff_accounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("staff_accounts")
            .id()
            .field("created_at", .datetime)
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("display_name", .string, .required)
            .field("active", .bool, .required)
            .field("preferred_language", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("staff_accounts").delete()
    }
}
