import Fluent
import Foundation
import Testing
import Vapor
@testable import LotsApp

/// A handledare sends a mail-out about an activity; it arrives at a real SMTP server, one mail per
/// participant, each with an opt-out link that works.
@Suite struct MailOutTests {
    @Test func aMailOutArrivesAndTheOptOutIsHonoured() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        try await withLotsApp(configure: { config in
            config.mail = .smtp(try SMTPConfiguration(url: "smtp://127.0.0.1:\(server.port)?starttls=off"))
        }) { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let bertil = try await ParticipantFixture.id(of: "Bertil", in: app)
            let elif = try await ParticipantFixture.id(of: "Elif", in: app)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let page = try await hanna.get("/mail-outs")
            #expect(page.status == .ok && page.body.contains("Amira Exempelsdotter"))
            let token = try #require(page.csrfToken)
            let form = ["_csrf": token, "subject": "CV-verkstad på torsdag", "body": "Välkommen till CV-verkstad kl. 10 i sal 2.",
                        "participant[0]": amira.uuidString, "participant[1]": bertil.uuidString]
            #expect(try await hanna.post("/mail-outs", form: form.merging(["participant[2]": elif.uuidString]) { $1 }).status == .forbidden,
                    "not to a colleague's participant")
            #expect(try await MailOut.query(on: app.db).count() == 0)

            let sent = try await hanna.post("/mail-outs", form: form)
            #expect(sent.location == "/mail-outs?sent=2-0-0-0")
            let history = try await hanna.get("/mail-outs?sent=2-0-0-0")
            #expect(history.status == .ok && history.body.contains("CV-verkstad på torsdag") && history.body.contains("data-e2e=\"mailout-sent\""))
            try await app.jobs.drain(on: app)
            let received = try server.messages()
            #expect(received.count == 2)
            #expect(Set(received.flatMap(\.rcpt_tos)) == ["amira.0@deltagare.example", "bertil.1@deltagare.example"])
            #expect(received.allSatisfy { $0.rcpt_tos.count == 1 && $0.subject == "CV-verkstad på torsdag" }, "one mail each: nobody sees the others")

            // Amira follows her opt-out link; the next mail-out skips her and her profile's log says so.
            let amiraMail = try #require(received.first { $0.rcpt_tos == ["amira.0@deltagare.example"] })
            let text = try #require(amiraMail.text)
            let link = try #require(text.range(of: "/mail/opt-out/").map { String(text[$0.lowerBound...].prefix { !$0.isWhitespace }) })
            let visitor = TestBrowser(app)
            let confirm = try await visitor.get(link)
            #expect(confirm.status == .ok)
            #expect(try await Participant.find(amira, on: app.db)?.mailOptOut == false, "opening the link alone changes nothing")
            #expect(try await visitor.post(link, form: ["_csrf": try #require(confirm.csrfToken)]).status == .ok)
            #expect(try await Participant.find(amira, on: app.db)?.mailOptOut == true)

            #expect(try await hanna.post("/mail-outs", form: form).location == "/mail-outs?sent=1-1-0-0")
            try await app.jobs.drain(on: app)
            let later = try await hanna.get("/mail-outs?sent=1-1-0")
            #expect(later.status == .ok && later.body.contains("2 mottagare"))
            let profile = try await hanna.get("/participants/\(amira.uuidString.lowercased())")
            #expect(profile.body.contains("data-e2e=\"mailout-log\"") && profile.body.contains("inte skickat: har avstått")
                && profile.body.contains("Deltagaren har avstått från utskick"))
            let audit = try await app.db.sql.raw("SELECT query FROM audit_events WHERE purpose = 'mail_out'").all().map { try $0.decode(column: "query", as: String.self) }
            #expect(audit.sorted() == ["mail_out opted_out", "mail_out queued", "mail_out queued", "mail_out queued", "opt_out"])
        }
    }
}
