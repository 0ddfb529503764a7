import Fluent
import Foundation
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct PrivacyNoticeTests {
    @Test func publicPageShowsTheCurrentNoticeBuiltFromTheRecord() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let page = try await TestBrowser(app).get("/privacy")
            #expect(page.status == .ok)
            #expect(page.body.contains("Version 1, publicerad"))
            #expect(page.body.contains("Placering och registrering i stödsystemet för dokumentering och uppföljning"))
            #expect(page.body.contains("Exempelmissionen är personuppgiftsansvarig"))
            let english = try await TestBrowser(app).get("/privacy", headers: ["Accept-Language": "en"])
            #expect(english.body.contains("Placement and registration in the documentation and follow-up system"))
            #expect(english.body.contains("Exempelmissionen is the controller"))
            let finnish = try await TestBrowser(app).get("/privacy", headers: ["Accept-Language": "fi"])
            #expect(finnish.body.contains("Käyttäjätilit ja yhteistyö alustalla"))
        }
    }

    @Test func aNewVersionIsPublishedOnceAndAnnouncedToEachParticipantOnce() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let dpo = try await TestBrowser.signedIn(as: "Doris Dataskydd", in: app)
            let form = try await dpo.get("/privacy/notices")
            #expect(form.status == .ok && form.body.contains("Exempelmissionen är personuppgiftsansvarig"), "the form starts from the current text")
            let token = try #require(form.csrfToken)

            let refused = try await dpo.post("/privacy/notices", form: ["_csrf": token, "sv": "  ", "en": "English only"])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await PrivacyNoticeVersion.query(on: app.db).count() == 2, "nothing was published")

            let published = try await dpo.post("/privacy/notices", form: ["_csrf": token, "sv": "Vi har förtydligat gallringen.", "en": "We clarified retention."])
            #expect(published.status == .seeOther && published.location == "/privacy/notices?published=2")
            let page = try await TestBrowser(app).get("/privacy")
            #expect(page.body.contains("Version 2, publicerad") && page.body.contains("Vi har förtydligat gallringen."))

            try await app.jobs.drain(on: app)
            let messages = try await OutboxMessage.query(on: app.db).filter(\.$purpose == "privacy_notice").all()
            #expect(messages.count == DemoParticipants.seeds.count)
            #expect(messages.allSatisfy { ($0.subject ?? "").contains("Exempelmissionen (demo)") || $0.status != .pending })
            #expect(try await PrivacyNoticeAnnouncement.query(on: app.db).count() == DemoParticipants.seeds.count)

            // Running the announcement again (a retry after a crash) tells no one twice.
            let version = try #require(try await PrivacyNoticeVersion.query(on: app.db).filter(\.$version == 2).first())
            try await app.jobQueue.enqueue(NoticeAnnouncementJob(), payload: NoticeAnnouncementJob.Payload(noticeVersionID: try version.requireID()), on: app.db)
            try await app.jobs.drain(on: app)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$purpose == "privacy_notice").count() == DemoParticipants.seeds.count)

            let events = try await ParticipantFixture.events(after: 0, in: app)
            #expect(events.contains { $0.query == "publish version=2" && $0.action == "admin_change" })
            #expect(events.contains { $0.query == "announce version=2" && $0.result_count == DemoParticipants.seeds.count })

            let handledare = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            #expect(try await handledare.get("/privacy/notices").status == .forbidden)
        }
    }
}
