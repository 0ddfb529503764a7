import Fluent

struct CreateMailOutbox: AsyncMigration {
    var name: String { "007_create_mail_outbox" }

    func prepare(on database: any Database) async throws {
        try await database.schema("mail_outbox")
            .id()
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .restrict))
            .field("purpose", .string, .required)
            .field("recipient", .string)
            .field("recipient_name", .string)
            .field("subject", .string)
            .field("text_body", .string)
            .field("html_body", .string)
            .field("status", .string, .required)
            .field("message_id", .string)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_outbox").delete()
    }
}
