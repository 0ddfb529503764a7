import Fluent
import Foundation
import Testing
import Vapor
@testable import LotsApp

/// Skyddade personuppgifter: hidden everywhere, opened only by named staff with a reason that is kept and
/// audited; marked and named by an administrator.
@Suite struct ProtectedIdentityTests {
    @Test func onlyNamedStaffOpenTheContactDetailsAndEachOpeningNeedsAReason() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let bertil = try await ParticipantFixture.id(of: "Bertil", in: app)
            let base = "/participants/\(bertil.uuidString.lowercased())"
            let phone = DemoParticipants.phone(1)
            let adam = try await TestBrowser.signedIn(as: "Adam Administratör", in: app)
            let adminPage = try await adam.get(base)
            #expect(adminPage.body.contains("data-e2e=\"protection\"") && adminPage.body.contains(phone))
            let adminToken = try #require(adminPage.csrfToken)

            // A handledare may not mark anyone.
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let hannaToken = try #require(try await hanna.get(base).csrfToken)
            #expect(try await hanna.post(base + "/protection", form: ["_csrf": hannaToken, "action": "mark"]).status == .forbidden)
            #expect(try await Participant.find(bertil, on: app.db)?.protectedIdentity == false)

            #expect(try await adam.post(base + "/protection", form: ["_csrf": adminToken, "action": "mark"]).location == base + "?protection=mark")
            #expect(try await Participant.find(bertil, on: app.db)?.protectedIdentity == true)
            let marked = try await adam.get(base)
            #expect(!marked.body.contains(phone) && !marked.body.contains("Exempelgatan 2,"), "hidden from the administrator too")

            // Hanna, not named, sees the notice but no way to open; a forged opening is refused and audited.
            let hidden = try await hanna.get(base)
            #expect(hidden.body.contains("data-e2e=\"protected-identity\"") && !hidden.body.contains("data-e2e=\"open-contact\"") && !hidden.body.contains(phone))
            let before = try await ParticipantFixture.lastSequence(app)
            #expect(try await hanna.post(base + "/contact", form: ["_csrf": hannaToken, "reason": "Behöver ringa om mötet i morgon"]).status == .forbidden)
            #expect(try await ParticipantFixture.events(after: before, in: app).map(\.query) == ["protected_contact refused=not_named"])

            // The administrator names Hanna (not a stranger to the organisation).
            let hugo = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hugo Handledarsson").first()?.requireID())
            let hanna_ = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hanna Handledarsson").first()?.requireID())
            #expect(try await adam.post(base + "/protection", form: ["_csrf": adminToken, "action": "name", "staff": UUID().uuidString]).location
                == base + "?protection=refused")
            #expect(try await adam.post(base + "/protection", form: ["_csrf": adminToken, "action": "name", "staff": hanna_.uuidString]).location
                == base + "?protection=name")
            #expect(try await adam.post(base + "/protection", form: ["_csrf": adminToken, "action": "name", "staff": hugo.uuidString]).status == .seeOther)
            #expect(try await ProtectedIdentityOpener.query(on: app.db).filter(\.$participantID == bertil).count() == 2)
            #expect(try await adam.post(base + "/protection", form: ["_csrf": adminToken, "action": "unname", "staff": hugo.uuidString]).status == .seeOther)
            #expect(try await ProtectedIdentityOpener.query(on: app.db).filter(\.$participantID == bertil).count() == 1)

            let offered = try await hanna.get(base)
            #expect(offered.body.contains("data-e2e=\"open-contact\"") && !offered.body.contains(phone))
            let noReason = try await hanna.post(base + "/contact", form: ["_csrf": hannaToken, "reason": "  kort  "])
            #expect(noReason.status == .unprocessableEntity && !noReason.body.contains(phone))
            #expect(try await ProtectedIdentityOpening.query(on: app.db).count() == 0)

            let reason = "Behöver ringa om mötet i morgon"
            let mark = try await ParticipantFixture.lastSequence(app)
            let opened = try await hanna.post(base + "/contact", form: ["_csrf": hannaToken, "reason": reason])
            #expect(opened.status == .ok && opened.body.contains(phone) && opened.body.contains("data-e2e=\"contact-opened\""))
            #expect(opened.headers.first(name: .cacheControl) == "no-store")
            let events = try await ParticipantFixture.events(after: mark, in: app)
            #expect(events.contains { $0.query == "protected_contact" && $0.purpose == "casework" && $0.subject == "participant:\(bertil.uuidString.lowercased())" })
            let opening = try #require(try await ProtectedIdentityOpening.query(on: app.db).first())
            #expect(!String(decoding: opening.reason, as: UTF8.self).contains("ringa"), "the reason is sealed")
            #expect(!(try await hanna.get(base).body.contains(phone)), "the next view hides them again")

            // The administrator sees who opened, when and why; unmarking forgets who was named.
            let log = try await adam.get(base)
            #expect(log.body.contains("data-e2e=\"openings\"") && log.body.contains(reason))
            #expect(try await adam.post(base + "/protection", form: ["_csrf": adminToken, "action": "unmark"]).status == .seeOther)
            #expect(try await ProtectedIdentityOpener.query(on: app.db).filter(\.$participantID == bertil).count() == 0)
            #expect(try await hanna.get(base).body.contains(phone))
        }
    }

    @Test func protectedParticipantsGetNoMailOutsAndTheirListRowsShowNoContact() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let cecilia = try await ParticipantFixture.id(of: "Cecilia", in: app)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let page = try await hanna.get("/mail-outs")
            #expect(page.body.contains("får inget utskick"))
            let sent = try await hanna.post("/mail-outs", form: ["_csrf": try #require(page.csrfToken), "subject": "Studiebesök", "body": "Vi träffas vid porten.",
                                                                 "participant[0]": cecilia.uuidString])
            #expect(sent.location == "/mail-outs?sent=0-0-0-1")
            #expect(try await MailOutRecipient.query(on: app.db).first()?.status == .protectedIdentity)
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM mail_outbox").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await hanna.get("/mail-outs?sent=0-0-0-1").body.contains("1 har skyddade personuppgifter"))
            let list = try await hanna.get("/participants")
            #expect(list.body.contains("Cecilia") && !list.body.contains(DemoParticipants.phone(2)))
        }
    }
}
