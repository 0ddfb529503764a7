import Fluent

struct CreateParticipants: AsyncMigration {
    var name: String { "016_create_participants" }

    func prepare(on database: any Database) async throws {
        try await database.schema("participants")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("personal_number_index", .string, .required)
            .field("email_index", .string)
            .field("given_name", .data, .required)
            .field("family_name", .data, .required)
            .field("personal_number", .data, .required)
            .field("phone", .data)
            .field("email", .data)
            .field("address", .data)
            .field("gender", .data)
            .field("education", .data)
            .field("work_experience", .data)
            .field("interpreter_language", .data)
            .field("protected_identity", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "personal_number_index")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("participants").delete()
    }
}
