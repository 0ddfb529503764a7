import Fluent
import Foundation
import Vapor

/// Sends one outbox message. Transient SMTP failures are retried with backoff by the job runner;
/// permanent ones mark the message failed.
struct MailDeliveryJob: JobHandler {
    struct Payload: Codable, Sendable {
        var outboxID: UUID
    }

    var name: String { "mail.deliver" }
    var maxAttempts: Int { 10 }

    func run(_ job: JobContext) async throws {
        let payload = try job.decodePayload(Payload.self)
        guard let message = try await OutboxMessage.find(payload.outboxID, on: job.database) else {
            throw JobFailure.permanent("outbox message is gone")
        }
        guard message.status == .pending else { return }
        guard let recipient = message.recipient, let subject = message.subject, let text = message.textBody else {
            throw JobFailure.permanent("outbox message has no content")
        }
        let app = job.application
        let mail = OutgoingMail(recipient: recipient, recipientName: message.recipientName, subject: subject, textBody: text,
                                htmlBody: message.htmlBody)
        let messageID = "<\(try message.requireID().uuidString.lowercased())@\(Self.messageIDDomain(app.config.publicBaseURL))>"
        do {
            _ = try await app.mailTransport.deliver(mail, from: app.config.mailFrom, messageID: messageID, date: app.clock.now())
        } catch {
            let permanent = (error as? any TransienceClassifying)?.isTransient == false || job.attempt >= maxAttempts
            message.lastError = ErrorDescription.safe(error)
            if permanent { message.status = .failed }
            try await message.update(on: job.database)
            throw error
        }
        message.status = .sent
        message.sentAt = app.clock.now()
        message.messageID = messageID
        message.lastError = nil
        // Data minimisation: once delivered, the outbox keeps only that it was delivered.
        message.recipient = nil
        message.recipientName = nil
        message.subject = nil
        message.textBody = nil
        message.htmlBody = nil
        try await message.update(on: job.database)
    }

    static func messageIDDomain(_ baseURL: String) -> String {
        URLComponents(string: baseURL)?.host ?? "lots.invalid"
    }
}

/// Removes delivery records after 30 days and the content of messages that could not be delivered
/// after 30 days; dev mailbox messages live 7 days.
struct OutboxPurgeJob: JobHandler {
    var name: String { "mail.purge" }

    func run(_ job: JobContext) async throws {
        let now = job.application.clock.now()
        let monthAgo = now.addingTimeInterval(-30 * 86_400)
        try await OutboxMessage.query(on: job.database).filter(\.$status == .sent).filter(\.$createdAt < monthAgo).delete()
        try await OutboxMessage.query(on: job.database).filter(\.$status == .failed).filter(\.$createdAt < monthAgo).delete()
        try await DevMailboxMessage.query(on: job.database).filter(\.$receivedAt < now.addingTimeInterval(-7 * 86_400)).delete()
    }
}
