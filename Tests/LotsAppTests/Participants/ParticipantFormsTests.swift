import Fluent
import Foundation
import Testing
import Vapor
@testable import LotsApp

/// The CV built with a form and printed, and AF's sensitive details behind their own, narrower door.
@Suite struct ParticipantFormsTests {
    @Test func theHandledareBuildsACVThatPrintsWithoutTheAddress() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let base = "/participants/\(amira.uuidString.lowercased())"
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let profile = try await hanna.get(base)
            #expect(profile.body.contains("data-e2e=\"cv-form\"") && !profile.body.contains("data-e2e=\"cv-print\""))
            let token = try #require(profile.csrfToken)
            let mark = try await ParticipantFixture.lastSequence(app)
            let saved = try await hanna.post(base + "/cv", form: ["_csrf": token, "headline": "Lagerarbetare med truckkort",
                                                                  "experience": "2021–2023 Lagerarbetare, Exempellager AB\n2019 Praktik, Exempelbutiken",
                                                                  "languages": "Arabiska (modersmål), svenska (god)"])
            #expect(saved.location == base + "?cv=saved")
            let stored = try #require(try await ParticipantCV.query(on: app.db).first())
            #expect(!String(decoding: stored.content, as: UTF8.self).contains("Lager"), "sealed")
            let printed = try await hanna.get(base + "/cv")
            #expect(printed.status == .ok && printed.body.contains("data-e2e=\"cv-printable\"") && printed.body.contains("Amira Exempelsdotter"))
            #expect(printed.body.contains("Lagerarbetare med truckkort") && printed.body.contains("2019 Praktik, Exempelbutiken"))
            #expect(printed.body.contains(DemoParticipants.phone(0)) && !printed.body.contains("Exempelgatan"), "phone and e-mail, never the address")
            let own = try await TestBrowser.signedInParticipant(amira, in: app)
            #expect(try await own.get("/me").body.contains("data-e2e=\"own-cv\""))
            let ownCV = try await own.get("/me/cv")
            #expect(ownCV.status == .ok && ownCV.body.contains("Lagerarbetare med truckkort"))
            #expect(try await own.get(base + "/cv").status == .forbidden, "not through the staff route")
            let queries = try await ParticipantFixture.events(after: mark, in: app).compactMap(\.query)
            #expect(queries.contains("cv: headline,experience,languages") && queries.contains("cv"))

            let tooLong = try await hanna.post(base + "/cv", form: ["_csrf": token, "profile": String(repeating: "x", count: 4001)])
            #expect(tooLong.location == base + "?cv=too_long")
            #expect(try await hanna.get(base + "/cv").body.contains("truckkort"), "a refused save changes nothing")

            // The unit manager reads and prints, but does not write; a colleague without access gets nothing.
            let eva = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            let evaView = try await eva.get(base)
            #expect(evaView.body.contains("data-e2e=\"cv-print\"") && !evaView.body.contains("data-e2e=\"cv-form\""))
            #expect(try await eva.post(base + "/cv", form: ["_csrf": try #require(evaView.csrfToken), "headline": "x"]).status == .forbidden)
            let hugo = try await TestBrowser.signedIn(as: "Hugo Handledarsson", in: app)
            #expect(try await hugo.get(base + "/cv").status == .forbidden)

            // A protected participant's CV printed by staff has no contact lines.
            let cecilia = try await ParticipantFixture.id(of: "Cecilia", in: app)
            let cBase = "/participants/\(cecilia.uuidString.lowercased())"
            _ = try await hanna.post(cBase + "/cv", form: ["_csrf": token, "headline": "Undersköterska"])
            let cPrint = try await hanna.get(cBase + "/cv")
            #expect(cPrint.body.contains("Undersköterska") && !cPrint.body.contains(DemoParticipants.phone(2)) && !cPrint.body.contains("@deltagare.example"))
        }
    }

    @Test func afDetailsAreForTheOwnHandledareOnlyAndEveryOpeningIsAudited() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let base = "/participants/\(amira.uuidString.lowercased())"
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let profile = try await hanna.get(base)
            #expect(profile.body.contains("data-e2e=\"af-details-link\""))
            let mark = try await ParticipantFixture.lastSequence(app)
            let page = try await hanna.get(base + "/af-details")
            #expect(page.status == .ok && page.body.contains("data-e2e=\"af-details-form\""))
            let saved = try await hanna.post(base + "/af-details", form: ["_csrf": try #require(page.csrfToken),
                                                                           "adaptation_needs": "Hörselnedsättning: skriftliga instruktioner",
                                                                           "other_programmes": "Arbetsmarknadsutbildning våren 2026"])
            #expect(saved.location == base + "/af-details?details=saved")
            let again = try await hanna.get(base + "/af-details?details=saved")
            #expect(again.body.contains("Hörselnedsättning") && again.body.contains("Uppgifterna är sparade"))
            #expect(!(try await hanna.get(base).body.contains("Hörselnedsättning")), "never on the profile itself")
            let stored = try #require(try await ParticipantAFDetails.query(on: app.db).first())
            #expect(!String(decoding: stored.content, as: UTF8.self).contains("Hörsel"), "sealed")
            let queries = try await ParticipantFixture.events(after: mark, in: app).compactMap(\.query)
            #expect(queries.filter { $0 == "af_details" }.count == 2 && queries.contains("af_details: adaptation_needs,other_programmes"))

            // Unit manager, administrator and a colleague are refused, and the refusals are audited.
            for name in ["Eva Enhetschef", "Adam Administratör"] {
                let other = try await TestBrowser.signedIn(as: name, in: app)
                #expect(!(try await other.get(base).body.contains("af-details-link")))
                let before = try await ParticipantFixture.lastSequence(app)
                #expect(try await other.get(base + "/af-details").status == .forbidden, "\(name)")
                let refused = try await ParticipantFixture.events(after: before, in: app)
                #expect(refused.isEmpty, "\(name): refused by the route's capability, before any data is looked up")
            }
            let hugo = try await TestBrowser.signedIn(as: "Hugo Handledarsson", in: app)
            let hugoToken = try #require(try await hugo.get(base + "/access").csrfToken)
            let granted = try await hugo.post(base + "/access", form: ["_csrf": hugoToken, "reason": "covering_absence", "explanation": ""])
            #expect(granted.location == base)
            #expect(try await hugo.get(base).status == .ok)
            let before = try await ParticipantFixture.lastSequence(app)
            #expect(try await hugo.get(base + "/af-details").status == .forbidden, "a colleague's granted access does not reach AF's details")
            #expect(try await ParticipantFixture.events(after: before, in: app).map(\.query) == ["af_details refused=no_basis"])
            #expect(try await hugo.post(base + "/af-details", form: ["_csrf": hugoToken, "action_plan": "x"]).status == .forbidden)

            // Amira herself sees the details on her own page (right of access).
            let own = try await TestBrowser.signedInParticipant(amira, in: app)
            let ownPage = try await own.get("/me")
            #expect(ownPage.body.contains("data-e2e=\"own-af-details\"") && ownPage.body.contains("Hörselnedsättning"))
        }
    }
}
