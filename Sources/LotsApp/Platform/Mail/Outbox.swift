import Fluent
import Foundation

/// The only way features send mail: the message is stored and a delivery job queued in one transaction,
/// so a message is never lost to an SMTP outage and never sent twice for one request.
struct Outbox: Sendable {
    var queue: JobQueue

    @discardableResult
    func enqueue(_ mail: OutgoingMail, purpose: String, organisationID: UUID?, on database: any Database) async throws -> UUID {
        try await database.transaction { db in
            let message = OutboxMessage(organisationID: organisationID, purpose: purpose, mail: mail, now: queue.clock.now())
            try await message.create(on: db)
            let id = try message.requireID()
            try await queue.enqueue(MailDeliveryJob(), payload: MailDeliveryJob.Payload(outboxID: id), on: db)
            return id
        }
    }
}
