import Fluent

struct CreateStaffRoleAssignments: AsyncMigration {
    var name: String { "004_create_staff_role_assignments" }

    func prepare(on database: any Database) async throws {
        try await database.schema("staff_role_assignments")
            .id()
            .field("created_at", .datetime)
            .field("staff_account_id", .uuid, .required, .references("staff_accounts", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("unit_id", .uuid, .references("units", "id", onDelete: .restrict))
            .field("role", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("staff_role_assignments").delete()
    }
}
