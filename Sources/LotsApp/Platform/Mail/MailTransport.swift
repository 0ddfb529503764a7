import Fluent
import Foundation
import Vapor

/// Hands one message to the world (SMTP) or to the dev mailbox.
protocol MailTransport: Sendable {
    /// Returns the server's acceptance text (e.g. its queue id), for the delivery record.
    func deliver(_ mail: OutgoingMail, from: MailAddress, messageID: String, date: Date) async throws -> String
}

/// Keeps messages in the database so developers and demo users can read them at /dev/mailbox.
struct DevMailboxTransport: MailTransport {
    var database: any Database

    func deliver(_ mail: OutgoingMail, from: MailAddress, messageID: String, date: Date) async throws -> String {
        let stored = DevMailboxMessage(sender: from.address, recipient: mail.recipient, subject: mail.subject, textBody: mail.textBody,
                                       htmlBody: mail.htmlBody, messageID: messageID, receivedAt: date)
        try await stored.create(on: database)
        return "stored in dev mailbox"
    }
}

extension Application {
    private struct MailTransportKey: StorageKey { typealias Value = any MailTransport }

    var mailTransport: any MailTransport {
        get {
            if let transport = storage[MailTransportKey.self] { return transport }
            switch config.mail {
            case .devMailbox: return DevMailboxTransport(database: db)
            case .smtp(let configuration): return SMTPMailTransport(configuration: configuration, logger: logger)
            }
        }
        set { storage[MailTransportKey.self] = newValue }
    }

    var outbox: Outbox { Outbox(queue: jobQueue) }
}
