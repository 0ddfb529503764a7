import Fluent
import Foundation
import Testing
import VaporTesting
@testable import LotsApp

/// The outbox, the delivery job and the SMTP client together, against a real SMTP server.
@Suite struct OutboxSMTPTests {
    let mail = OutgoingMail(recipient: "deltagare@example.org", recipientName: "Åsa Öberg", subject: "Rekryteringsträff i morgon",
                            textBody: "Hej Åsa!\n.\nVälkommen kl. 10.", htmlBody: nil)

    func withSMTPApp(_ server: SMTPTestServer, _ body: (Application) async throws -> Void) async throws {
        try await withLotsApp(configure: { config in
            config.mail = .smtp(try SMTPConfiguration(url: "smtp://127.0.0.1:\(server.port)?starttls=off"))
            config.mailFrom = try MailAddress("lots@example.org", name: "Lots")
        }, body)
    }

    @Test func outboxDeliversThroughSMTP() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        try await withSMTPApp(server) { app in
            let id = try await app.outbox.enqueue(mail, purpose: "activity_invitation", organisationID: nil, on: app.db)
            try await app.jobs.drain(on: app)
            let received = try server.messages()
            #expect(received.count == 1)
            #expect(received.first?.rcpt_tos == ["deltagare@example.org"])
            #expect(received.first?.subject == "Rekryteringsträff i morgon")
            #expect(received.first?.text == mail.textBody + "\n" || received.first?.text == mail.textBody)
            let record = try #require(try await OutboxMessage.find(id, on: app.db))
            #expect(record.status == .sent)
            #expect(received.first?.header("Message-ID") == record.messageID)
        }
    }

    @Test func temporaryFailureIsRetriedLater() async throws {
        let server = try await SMTPTestServer(["--tempfail"])
        defer { server.stop() }
        try await withSMTPApp(server) { app in
            let clock = FixedClock(Date(timeIntervalSince1970: 1_800_000_000))
            app.clock = clock
            let id = try await app.outbox.enqueue(mail, purpose: "activity_invitation", organisationID: nil, on: app.db)
            try await app.jobs.tick(on: app)
            let message = try #require(try await OutboxMessage.find(id, on: app.db))
            #expect(message.status == .pending)
            #expect(message.recipient == "deltagare@example.org", "the message is kept for the next attempt")
            #expect(message.lastError == "SMTP end of data answered 451")
            let job = try #require(try await JobRecord.query(on: app.db).filter(\.$name == "mail.deliver").first())
            #expect(job.status == .queued)
            #expect(job.runAt > clock.now())
        }
    }

    @Test func rejectedRecipientFailsWithoutRetry() async throws {
        let server = try await SMTPTestServer(["--reject-rcpt", "deltagare@"])
        defer { server.stop() }
        try await withSMTPApp(server) { app in
            let id = try await app.outbox.enqueue(mail, purpose: "activity_invitation", organisationID: nil, on: app.db)
            try await app.jobs.drain(on: app)
            let message = try #require(try await OutboxMessage.find(id, on: app.db))
            #expect(message.status == .failed)
            #expect(message.lastError?.contains("deltagare") == false, "stored errors never quote the address")
            let job = try #require(try await JobRecord.query(on: app.db).filter(\.$name == "mail.deliver").first())
            #expect(job.status == .dead)
            #expect(job.attempts == 1)
            #expect(try server.messages().isEmpty)
        }
    }
}
