import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import LotsApp

/// The journal: drafts kept until published, contacts with channel and length, sensitive entries shown
/// only to those who document the participant.
@Suite struct JournalTests {
    @Test func draftsAreKeptUntilPublishedAndSensitiveEntriesStayWithTheHandledare() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let base = "/participants/\(amira.uuidString.lowercased())"
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let token = try #require(try await hanna.get(base).csrfToken)
            let events = try await ParticipantFixture.lastSequence(app)

            // Autosave (as the page's script sends it) creates the draft, and saves into it again.
            var json = HTTPHeaders()
            json.replaceOrAdd(name: .accept, value: "application/json")
            json.replaceOrAdd(name: CSRFMiddleware.headerName, value: token)
            let first = try await hanna.post(base + "/journal", form: ["kind": "contact", "channel": "phone", "body": "Ringde om prak", "action": "draft"],
                                             headers: json)
            let draftID = try JSONDecoder().decode(JournalController.Saved.self, from: Data(first.body.utf8)).entryID
            let second = try await hanna.post(base + "/journal", form: ["entryID": draftID.uuidString, "kind": "contact", "channel": "phone",
                                                                         "durationMinutes": "15", "body": "Ringde om praktiken på lagret.", "action": "draft"],
                                              headers: json)
            #expect(try JSONDecoder().decode(JournalController.Saved.self, from: Data(second.body.utf8)).entryID == draftID)
            #expect(try await JournalEntry.query(on: app.db).count() == 1)
            #expect(try await ParticipantFixture.events(after: events, in: app).isEmpty, "a draft is the author's work in progress")

            let page = try await hanna.get(base)
            #expect(page.body.contains("Du fortsätter på ditt sparade utkast") && page.body.contains("Ringde om praktiken på lagret."))
            let stored = try #require(try await JournalEntry.find(draftID, on: app.db))
            #expect(!String(decoding: stored.body, as: UTF8.self).contains("praktiken"), "sealed")

            #expect(try await hanna.post(base + "/journal", form: ["_csrf": token, "entryID": draftID.uuidString, "kind": "contact", "body": "x",
                                                                    "action": "publish"]).location?.hasSuffix("problem_contact") == true)
            #expect(try await hanna.post(base + "/journal", form: ["_csrf": token, "kind": "note", "body": " ", "action": "publish"]).location?
                .hasSuffix("problem_empty") == true)
            #expect(try await hanna.post(base + "/journal", form: ["_csrf": token, "entryID": draftID.uuidString, "kind": "contact", "channel": "phone",
                                                                    "durationMinutes": "15", "body": "Ringde om praktiken på lagret.",
                                                                    "action": "publish"]).location?.hasSuffix("published") == true)
            var browser = HTTPHeaders()
            browser.replaceOrAdd(name: .accept, value: "text/html,application/xhtml+xml,*/*;q=0.8")
            let posted = try await hanna.post(base + "/journal", form: ["_csrf": token, "kind": "note", "body": "Berättade om sin diabetes.",
                                                                         "sensitive": "yes", "action": "publish"], headers: browser)
            #expect(posted.status == .seeOther, "a browser's form post (accepting */*) gets the page back, not JSON")
            let audit = try await ParticipantFixture.events(after: events, in: app).compactMap(\.query).filter { $0.hasPrefix("journal") }
            #expect(audit == ["journal contact", "journal note sensitive"], "published entries are audited, without their text")

            let hannaView = try await hanna.get(base)
            #expect(hannaView.body.contains("Berättade om sin diabetes.") && hannaView.body.contains("Ringde om praktiken"))
            let eva = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            let evaView = try await eva.get(base)
            #expect(evaView.body.contains("Ringde om praktiken") && !evaView.body.contains("diabetes"), "a unit manager does not read sensitive entries")
            #expect(evaView.body.contains("visas bara för den som dokumenterar deltagaren") && !evaView.body.contains("data-e2e=\"journal-form\""))

            let hugo = try await TestBrowser.signedIn(as: "Hugo Handledarsson", in: app)
            let hugoToken = try #require(try await hugo.get("/start").csrfToken)
            #expect(try await hugo.post(base + "/journal", form: ["_csrf": hugoToken, "kind": "note", "body": "x", "action": "publish"]).status == .forbidden)
            // Nobody continues someone else's draft.
            _ = try await hanna.post(base + "/journal", form: ["_csrf": token, "kind": "note", "body": "Hannas utkast", "action": "draft"])
            let hannasDraft = try #require(try await JournalEntry.query(on: app.db).filter(\.$draft == true).first()).requireID()
            let unit = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            #expect(try await unit.post(base + "/journal", form: ["_csrf": try #require(evaView.csrfToken), "entryID": hannasDraft.uuidString,
                                                                   "kind": "note", "body": "x", "action": "publish"]).status == .forbidden)
        }
    }
}
