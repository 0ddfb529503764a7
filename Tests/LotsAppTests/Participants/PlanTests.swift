import Fluent
import Foundation
import Testing
import Vapor
@testable import LotsApp

/// The plan in AF's structure: written by the handledare, sealed, audited by field names only.
@Suite struct PlanTests {
    @Test func theHandledareWritesThePlanAndOthersOnlyRead() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let base = "/participants/\(amira.uuidString.lowercased())"
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let token = try #require(try await hanna.get(base).csrfToken)
            let events = try await ParticipantFixture.lastSequence(app)
            let saved = try await hanna.post(base + "/plan", form: [
                "_csrf": token, "main_field": "Lager och logistik", "main_occupation": "Truckförare", "main_steps": "Truckkort, praktik",
                "alternative_occupation": "Butiksbiträde", "support": "Tolk vid möten", "unknown_field": "ignored"])
            #expect(saved.location?.hasSuffix("plan=saved") == true)
            let page = try await hanna.get(base)
            #expect(page.body.contains("Truckförare") && page.body.contains("Butiksbiträde") && page.body.contains("Tolk vid möten"))
            let stored = try #require(try await ParticipantPlan.query(on: app.db).first())
            #expect(!String(decoding: stored.content, as: UTF8.self).contains("Truck"), "sealed")
            let audit = try await ParticipantFixture.events(after: events, in: app).compactMap(\.query).filter { $0.hasPrefix("plan") }
            #expect(audit == ["plan: main_field,main_occupation,main_steps,alternative_occupation,support"])

            let tooLong = try await hanna.post(base + "/plan", form: ["_csrf": token, "main_field": String(repeating: "x", count: 4001)])
            #expect(tooLong.location?.hasSuffix("plan=too_long") == true)
            #expect(try await hanna.get(base).body.contains("Truckförare"), "a refused save changes nothing")

            let eva = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            let evaView = try await eva.get(base)
            #expect(evaView.body.contains("Truckförare") && !evaView.body.contains("data-e2e=\"plan-form\""))
            #expect(try await eva.post(base + "/plan", form: ["_csrf": try #require(evaView.csrfToken), "main_field": "x"]).status == .forbidden)
        }
    }
}
