import Fluent
import Foundation
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct OutboxTests {
    let mail = OutgoingMail(recipient: "deltagare@example.org", recipientName: "Åsa Öberg", subject: "Studiebesök på torsdag",
                            textBody: "Hej!\n.\nVi ses klockan 10.", htmlBody: nil)

    @Test func deliveredMailLeavesOnlyItsDeliveryRecord() async throws {
        try await withLotsApp { app in
            let id = try await app.outbox.enqueue(mail, purpose: "activity_invitation", organisationID: nil, on: app.db)
            #expect(try await JobRecord.query(on: app.db).filter(\.$name == "mail.deliver").count() == 1)
            try await app.jobs.drain(on: app)

            let delivered = try #require(try await DevMailboxMessage.query(on: app.db).first())
            #expect(delivered.recipient == "deltagare@example.org")
            #expect(delivered.subject == "Studiebesök på torsdag")
            #expect(delivered.textBody == mail.textBody)

            let record = try #require(try await OutboxMessage.find(id, on: app.db))
            #expect(record.status == .sent)
            #expect(record.sentAt != nil)
            #expect(record.messageID?.hasSuffix("@127.0.0.1>") == true)
            #expect(record.recipient == nil && record.subject == nil && record.textBody == nil && record.recipientName == nil)
        }
    }

    @Test func aFailedEnqueueLeavesNeitherMessageNorJob() async throws {
        try await withLotsApp { app in
            // A reference to an organisation that does not exist violates a foreign key: nothing may remain.
            do {
                try await app.outbox.enqueue(mail, purpose: "activity_invitation", organisationID: UUID(), on: app.db)
                Issue.record("a message for an unknown organisation was accepted")
            } catch {}
            let messages = try await OutboxMessage.query(on: app.db).count()
            let jobs = try await JobRecord.query(on: app.db).count()
            #expect(messages == 0 && jobs == 0)
        }
    }

    @Test func purgeForgetsOldDeliveryRecords() async throws {
        try await withLotsApp { app in
            let clock = FixedClock(Date(timeIntervalSince1970: 1_800_000_000))
            app.clock = clock
            try await app.outbox.enqueue(mail, purpose: "activity_invitation", organisationID: nil, on: app.db)
            try await app.jobs.drain(on: app)
            clock.advance(by: 31 * 86_400)
            let purge = try await app.jobQueue.enqueue(OutboxPurgeJob(), payload: NoPayload(), on: app.db)
            #expect(try await app.jobs.runNow(purge, on: app) == .succeeded)
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
            #expect(try await DevMailboxMessage.query(on: app.db).count() == 0)
        }
    }

    @Test func devMailboxShowsTheMessage() async throws {
        try await withLotsApp { app in
            try await app.outbox.enqueue(mail, purpose: "activity_invitation", organisationID: nil, on: app.db)
            try await app.jobs.drain(on: app)
            let (_, index) = try await app.get("/dev/mailbox")
            #expect(index.contains("Studiebesök på torsdag"))
            let message = try #require(try await DevMailboxMessage.query(on: app.db).first())
            let (response, page) = try await app.get("/dev/mailbox/\(try message.requireID().uuidString.lowercased())")
            #expect(response.status == .ok)
            #expect(page.contains("Vi ses klockan 10."))
            let (missing, _) = try await app.get("/dev/mailbox/\(UUID().uuidString)")
            #expect(missing.status == .notFound)
            let (malformed, _) = try await app.get("/dev/mailbox/not-a-uuid")
            #expect(malformed.status == .notFound)
        }
    }
}
