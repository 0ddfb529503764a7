import Fluent

struct CreateUnits: AsyncMigration {
    var name: String { "002_create_units" }

    func prepare(on database: any Database) async throws {
        try await database.schema("units")
            .id()
            .field("created_at", .datetime)
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("name", .string, .required)
            .unique(on: "organisation_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("units").delete()
    }
}
