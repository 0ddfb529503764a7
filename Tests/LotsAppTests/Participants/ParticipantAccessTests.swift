import Fluent
import Foundation
import LotsCore
import SQLKit
import Testing
import VaporTesting
@testable import LotsApp

/// The audited access path as people use it: lists, profiles and searches each leave exactly one audit
/// event with the purpose, and each role sees only what the permission matrix allows.
@Suite struct ParticipantAccessTests {
    @Test func handledareListOpenAndSearchEachLeaveExactlyOneEvent() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)

            var before = try await ParticipantFixture.lastSequence(app)
            let list = try await hanna.get("/participants")
            #expect(list.status == .ok)
            #expect(list.body.contains("Amira Exempelsdotter") && list.body.contains("Dawit Demoberg"))
            #expect(!list.body.contains("Elif"), "Hugo's participant is not in Hanna's caseload")
            var events = try await ParticipantFixture.events(after: before, in: app)
            #expect(events.count == 1)
            #expect(events.first?.action == "view" && events.first?.purpose == "casework" && events.first?.result_count == 4)
            #expect(events.first?.subject?.contains(SubjectReference.participant(amira)) == true)

            before = try await ParticipantFixture.lastSequence(app)
            let profile = try await hanna.get("/participants/\(amira.uuidString.lowercased())")
            #expect(profile.status == .ok)
            #expect(profile.body.contains(DemoParticipants.identityNumber(0).formatted))
            #expect(profile.body.contains("Arabiska"))
            events = try await ParticipantFixture.events(after: before, in: app)
            #expect(events == [.init(action: "view", subject: SubjectReference.participant(amira), purpose: "casework", result_count: 1, query: "profile")])

            before = try await ParticipantFixture.lastSequence(app)
            let number = DemoParticipants.identityNumber(0)
            let search = try await hanna.get("/participants/search?q=\(number.formatted)&purpose=participant_contact")
            #expect(search.status == .ok)
            #expect(search.body.contains("Amira Exempelsdotter"))
            events = try await ParticipantFixture.events(after: before, in: app)
            #expect(events == [.init(action: "search", subject: SubjectReference.participant(amira), purpose: "participant_contact", result_count: 1,
                                     query: "kind=personal_number scope=caseload")])
        }
    }

    @Test func searchesNeedAPurposeAndAValidTermAndRecordNoPersonalData() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let before = try await ParticipantFixture.lastSequence(app)
            #expect(try await hanna.get("/participants/search?q=Amira").status == .unprocessableEntity)
            #expect(try await hanna.get("/participants/search?q=A&purpose=casework").status == .unprocessableEntity)
            #expect(try await ParticipantFixture.events(after: before, in: app).isEmpty, "refused searches read nothing")

            let byName = try await hanna.get("/participants/search?q=exempels&purpose=casework")
            #expect(byName.body.contains("Amira Exempelsdotter"))
            let colleaguesByName = try await hanna.get("/participants/search?q=Elif&purpose=casework")
            #expect(colleaguesByName.body.contains("Inga träffar"), "names are searched only in one's own scope")
            let caseNumber = try await hanna.get("/participants/search?q=\(DemoParticipants.caseNumber(1, placement: 0).lowercased())&purpose=casework")
            #expect(caseNumber.body.contains("Bertil Provsson"), "case numbers match regardless of case")

            let events = try await ParticipantFixture.events(after: before, in: app)
            #expect(events.map(\.query) == ["kind=name length=8 scope=caseload", "kind=name length=4 scope=caseload", "kind=case_number scope=caseload"])
            let stored = events.map { "\($0.subject ?? "") \($0.query ?? "")" }.joined().lowercased()
            #expect(!stored.contains("exempels") && !stored.contains("elif") && !stored.contains("demo-"))
        }
    }

    @Test func colleaguesParticipantOpensOnlyWithAStatedReasonForALimitedTime() async throws {
        try await withLotsApp { app in
            let clock = FixedClock(Date(timeIntervalSince1970: 1_800_000_000))
            app.clock = clock
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let elif = try await ParticipantFixture.id(of: "Elif", in: app)
            let path = "/participants/\(elif.uuidString.lowercased())"
            var hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)

            var before = try await ParticipantFixture.lastSequence(app)
            let refused = try await hanna.get(path)
            #expect(refused.status == .seeOther && refused.location == path + "/access")
            #expect(!refused.body.contains("Elif"))
            #expect(try await ParticipantFixture.events(after: before, in: app)
                .map { "\($0.action) \($0.purpose ?? "") \($0.result_count ?? -1)" } == ["view refused 0"])

            // Found by exact personnummer as a restricted hit: no name, only the way to ask.
            let hit = try await hanna.get("/participants/search?q=\(DemoParticipants.identityNumber(4).formatted)&purpose=participant_contact")
            #expect(hit.body.contains(path + "/access") && !hit.body.contains("Elif"))

            let form = try await hanna.get(path + "/access")
            let token = try #require(form.csrfToken)
            #expect(try await hanna.post(path + "/access", form: ["_csrf": token, "reason": "curiosity"]).status == .unprocessableEntity)
            #expect(try await hanna.get(path).status == .seeOther, "an invalid reason grants nothing")

            before = try await ParticipantFixture.lastSequence(app)
            let granted = try await hanna.post(path + "/access", form: ["_csrf": token, "reason": "covering_absence", "explanation": "Hugo är sjuk idag"])
            #expect(granted.status == .seeOther && granted.location == path)
            let opened = try await hanna.get(path)
            #expect(opened.status == .ok && opened.body.contains("Elif Fiktivsson"))
            let events = try await ParticipantFixture.events(after: before, in: app)
            #expect(events.map(\.action) == ["access_granted", "view"])
            #expect(events.allSatisfy { $0.purpose == "colleague_access:covering_absence" && $0.subject == SubjectReference.participant(elif) })
            let explanation = try #require(try await ParticipantAccessGrant.query(on: app.db).first()?.explanation)
            #expect(!String(decoding: explanation, as: UTF8.self).contains("sjuk"), "the explanation is stored encrypted")

            clock.advance(by: ParticipantRecords.grantDuration + 60)
            hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            #expect(try await hanna.get(path).status == .seeOther, "the grant has expired")
        }
    }

    @Test func unitManagerSeesTheirUnitAndAdministratorTheOrganisation() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let hamid = try await ParticipantFixture.id(of: "Hamid", in: app)
            let eva = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            let list = try await eva.get("/participants")
            #expect(list.body.contains("Amira") && list.body.contains("Elif") && !list.body.contains("Hamid"))
            let before = try await ParticipantFixture.lastSequence(app)
            #expect(try await eva.get("/participants/\(hamid.uuidString.lowercased())").status == .forbidden)
            #expect(try await ParticipantFixture.events(after: before, in: app).map(\.purpose) == ["refused"])

            let adam = try await TestBrowser.signedIn(as: "Adam Administratör", in: app)
            let all = try await adam.get("/participants")
            #expect(all.body.contains("Hamid") && all.body.contains("Kerstin"))
            let profile = try await adam.get("/participants/\(hamid.uuidString.lowercased())")
            #expect(profile.status == .ok)
            let events = try await ParticipantFixture.events(after: before, in: app)
            #expect(events.suffix(2).map(\.purpose) == ["placement_administration", "placement_administration"])
        }
    }

    @Test func rolesWithoutCaseworkAndOtherOrganisationsSeeNothing() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            for name in ["Saga Systemsson", "Doris Dataskydd"] {
                let browser = try await TestBrowser.signedIn(as: name, in: app)
                #expect(try await browser.get("/participants").status == .forbidden)
                #expect(try await browser.get("/participants/\(amira.uuidString.lowercased())").status == .forbidden)
            }
            // The partnership platform's administrator manages placements in their own organisation only.
            let aino = try await TestBrowser.signedIn(as: "Aino Ylläpitäjä", in: app)
            let list = try await aino.get("/participants")
            #expect(list.status == .ok && !list.body.contains("Amira"))
            #expect(try await aino.get("/participants/\(amira.uuidString.lowercased())").status == .notFound)
            let search = try await aino.get("/participants/search?q=\(DemoParticipants.identityNumber(0).formatted)&purpose=placement_administration")
            #expect(search.status == .ok && !search.body.contains("Amira") && !search.body.contains(amira.uuidString.lowercased()))
            #expect(try await TestBrowser(app).get("/participants").status == .seeOther)
        }
    }

    @Test func protectedIdentityHidesContactDetails() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let cecilia = try await ParticipantFixture.id(of: "Cecilia", in: app)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let profile = try await hanna.get("/participants/\(cecilia.uuidString.lowercased())")
            #expect(profile.status == .ok)
            #expect(profile.body.contains("skyddade personuppgifter"))
            #expect(!profile.body.contains("Exempelgatan") && !profile.body.contains(DemoParticipants.phone(2)))
        }
    }
}

@Suite struct ParticipantAccessReviewTests {
    @Test func unitManagerSeesWhoOpenedAParticipantAndTheDPOFindsThemByPersonnummer() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            let hanna = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            _ = try await hanna.get("/participants/\(amira.uuidString.lowercased())")
            _ = try await hanna.get("/participants")

            let eva = try await TestBrowser.signedIn(as: "Eva Enhetschef", in: app)
            let profile = try await eva.get("/participants/\(amira.uuidString.lowercased())")
            let log = try #require(profile.body.range(of: "data-e2e=\"access-log\"").map { String(profile.body[$0.lowerBound...]) })
            #expect(log.contains("Hanna Handledarsson (handledare)") && log.contains("casework"))
            #expect(log.components(separatedBy: "<tr>").count >= 4, "the view, the list and the registration at least")

            let hanna2 = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            #expect(!(try await hanna2.get("/participants/\(amira.uuidString.lowercased())").body.contains("access-log")),
                    "a handledare does not see the access log")

            let dpo = try await TestBrowser.signedIn(as: "Doris Dataskydd", in: app)
            let byNumber = try await dpo.get("/privacy/audit?subject=\(DemoParticipants.identityNumber(0).formatted)")
            #expect(byNumber.status == .ok)
            #expect(byNumber.body.contains(SubjectReference.participant(amira)))
            #expect(byNumber.body.contains("casework") && byNumber.body.contains("unit_follow_up"))
            #expect(!byNumber.body.contains(DemoParticipants.identityNumber(0).digits))
            let unknown = try await dpo.get("/privacy/audit?subject=\(DemoData.identityNumber(99).formatted)")
            #expect(!unknown.body.contains("casework"), "an unknown personnummer matches nothing")
        }
    }
}
