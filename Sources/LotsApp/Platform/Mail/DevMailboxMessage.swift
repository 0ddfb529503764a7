import Fluent
import Foundation

/// A message "delivered" in development and demo mode, shown on the dev mailbox page instead of being sent.
final class DevMailboxMessage: Model, @unchecked Sendable {
    static let schema = "dev_mailbox_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "sender") var sender: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "text_body") var textBody: String
    @OptionalField(key: "html_body") var htmlBody: String?
    @Field(key: "message_id") var messageID: String
    @Field(key: "received_at") var receivedAt: Date

    init() {}

    init(sender: String, recipient: String, subject: String, textBody: String, htmlBody: String?, messageID: String, receivedAt: Date) {
        self.id = UUID()
        self.sender = sender
        self.recipient = recipient
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.messageID = messageID
        self.receivedAt = receivedAt
    }
}

struct CreateDevMailboxMessages: AsyncMigration {
    var name: String { "008_create_dev_mailbox_messages" }

    func prepare(on database: any Database) async throws {
        try await database.schema("dev_mailbox_messages")
            .id()
            .field("sender", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string)
            .field("message_id", .string, .required)
            .field("received_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dev_mailbox_messages").delete()
    }
}
