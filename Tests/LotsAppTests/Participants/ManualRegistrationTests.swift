import Fluent
import Foundation
import LotsCore
import Testing
import Vapor
@testable import LotsApp

/// Registering a participant by hand: the import's validation, the registry's encryption and audit.
@Suite struct ManualRegistrationTests {
    @Test func anAdministratorRegistersAParticipantByHand() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let adam = try await TestBrowser.signedIn(as: "Adam Administratör", in: app)
            let form = try await adam.get("/participants/new")
            #expect(form.status == .ok && form.body.contains("data-e2e=\"registration-form\""))
            let token = try #require(form.csrfToken)
            let unit = try #require(try await OrganisationUnit.query(on: app.db).filter(\.$name == DemoData.caseManagementUnits[0]).first()?.requireID())
            let hanna = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hanna Handledarsson").first()?.requireID())
            let count = try await Participant.query(on: app.db).count()
            let number = DemoData.identityNumber(150)
            var fields = ["_csrf": token, "personnummer": number.formatted, "fornamn": "Nora", "efternamn": "Nyregistrerad",
                          "telefon": "070-1740690", "genomforandereferens": "ROM-MAN-0001", "startdatum": "2026-11-23", "slutdatum": "2027-05-22",
                          "niva": "B", "unit": unit.uuidString, "handledare": hanna.uuidString, "protected_identity": "on"]

            // Broken input: every problem is listed, what was typed comes back, nothing is saved.
            var broken = fields
            broken["personnummer"] = String(number.formatted.dropLast()) + String((Int(String(number.formatted.last!))! + 1) % 10)
            broken["niva"] = "D"
            broken["slutdatum"] = "2026-01-01"
            broken["unit"] = UUID().uuidString
            let refused = try await adam.post("/participants/new", form: broken)
            #expect(refused.status == .unprocessableEntity && refused.body.contains("data-e2e=\"registration-problems\""))
            #expect(refused.body.contains("Nyregistrerad") && refused.body.contains("Välj en enhet"))
            #expect(refused.body.components(separatedBy: "<li>").count - 1 >= 4, "checksum, level, dates and unit")
            #expect(try await Participant.query(on: app.db).count() == count)

            let created = try await adam.post("/participants/new", form: fields)
            let location = try #require(created.location)
            #expect(location.hasSuffix("?registered=new"))
            let profile = try await adam.get(location)
            #expect(profile.body.contains("Nora Nyregistrerad") && profile.body.contains("data-e2e=\"registered\"") && profile.body.contains("ROM-MAN-0001"))
            #expect(profile.body.contains("data-e2e=\"protected-identity\"") && !profile.body.contains("070-1740690"))
            let participant = try #require(try await Participant.query(on: app.db).sort(\.$createdAt, .descending).first())
            #expect(participant.protectedIdentity && !String(decoding: participant.familyName, as: UTF8.self).contains("Nyregistrerad"))
            let placement = try #require(try await Placement.query(on: app.db).filter(\.$participantID == participant.requireID()).first())
            #expect(placement.handledareID == hanna && placement.unitID == unit && placement.level == "B")

            // The same genomförandereferens again changes nothing; a new one for the same person is an extension.
            let again = try await adam.post("/participants/new", form: fields)
            #expect(again.status == .unprocessableEntity && again.body.contains("redan registrerad"))
            fields["genomforandereferens"] = "ROM-MAN-0002"
            fields["startdatum"] = "2027-06-01"
            fields["slutdatum"] = "2027-12-01"
            let extended = try await adam.post("/participants/new", form: fields)
            let participantID = try participant.requireID()
            #expect(extended.location?.lowercased() == "/participants/\(participantID.uuidString.lowercased())?registered=extension")
            #expect(try await Placement.query(on: app.db).filter(\.$participantID == participant.requireID()).count() == 2)

            // Not for a handledare.
            let hannaBrowser = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            #expect(try await hannaBrowser.get("/participants/new").status == .forbidden)
            let hannaToken = try #require(try await hannaBrowser.get("/participants").csrfToken)
            fields["_csrf"] = hannaToken
            fields["genomforandereferens"] = "ROM-MAN-0003"
            #expect(try await hannaBrowser.post("/participants/new", form: fields).status == .forbidden)
        }
    }
}
