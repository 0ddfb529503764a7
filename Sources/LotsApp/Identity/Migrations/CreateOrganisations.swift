import Fluent

struct CreateOrganisations: AsyncMigration {
    var name: String { "001_create_organisations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("created_at", .datetime)
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("organisation_number", .string, .required)
            .field("postal_address", .string, .required)
            .field("contact_email", .string, .required)
            .field("contact_phone", .string, .required)
            .field("dpo_contact", .string, .required)
            .field("supervisory_authority", .string, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").delete()
    }
}
