import Fluent
import SQLKit

struct CreatePlacements: AsyncMigration {
    var name: String { "017_create_placements" }

    func prepare(on database: any Database) async throws {
        try await database.schema("placements")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .restrict))
            .field("handledare_id", .uuid, .references("staff_accounts", "id", onDelete: .setNull))
            .field("implementation_reference_index", .string, .required)
            .field("implementation_reference", .data, .required)
            .field("reference_number", .data)
            .field("level", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("ended_on", .string)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "implementation_reference_index")
            .create()
        // The caseload and unit lists start from these.
        try await database.sql.create(index: "placements_handledare").on("placements").column("handledare_id").run()
        try await database.sql.create(index: "placements_unit").on("placements").column("unit_id").run()
        try await database.sql.create(index: "placements_participant").on("placements").column("participant_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("placements").delete()
    }
}
