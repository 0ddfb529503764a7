import Fluent
import Foundation

/// A message waiting to be sent, or the trace of one that was. Recipient, subject and body are personal
/// data: they are cleared once the message is delivered, leaving only its delivery record.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    enum Status: String, Codable, Sendable {
        case pending, sent, failed
    }

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    /// Why the message is sent, e.g. "activity_invitation"; never personal data.
    @Field(key: "purpose") var purpose: String
    @OptionalField(key: "recipient") var recipient: String?
    @OptionalField(key: "recipient_name") var recipientName: String?
    @OptionalField(key: "subject") var subject: String?
    @OptionalField(key: "text_body") var textBody: String?
    @OptionalField(key: "html_body") var htmlBody: String?
    @Enum(key: "status") var status: Status
    @OptionalField(key: "message_id") var messageID: String?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    init(id: UUID = UUID(), organisationID: UUID?, purpose: String, mail: OutgoingMail, now: Date) {
        self.id = id
        self.organisationID = organisationID
        self.purpose = purpose
        self.recipient = mail.recipient
        self.recipientName = mail.recipientName
        self.subject = mail.subject
        self.textBody = mail.textBody
        self.htmlBody = mail.htmlBody
        self.status = .pending
        self.createdAt = now
    }
}

/// What a feature hands to the outbox.
struct OutgoingMail: Sendable, Equatable {
    var recipient: String
    var recipientName: String?
    var subject: String
    var textBody: String
    var htmlBody: String?
}
