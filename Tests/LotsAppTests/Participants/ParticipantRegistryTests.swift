import Fluent
import Foundation
import LotsCore
import Testing
import Vapor
@testable import LotsApp

/// Registering many participants at once decides each one as if they came one after the other.
@Suite struct ParticipantRegistryTests {
    @Test func aBatchDecidesEachItemInOrderAndWritesNothingOnAForeignUnit() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$slug == DemoData.caseManagement.slug).first())
            let organisationID = try organisation.requireID()
            let unit = try #require(try await OrganisationUnit.query(on: app.db).filter(\.$organisation.$id == organisationID).first()?.requireID())
            @Sendable func person(_ n: Int, case caseNumber: String) -> ParticipantRegistry.NewParticipant {
                .init(personalNumber: DemoData.identityNumber(300 + n), givenName: "Batch\(n)", familyName: "Testsson", email: "batch\(n)@deltagare.example",
                      placement: .init(unitID: unit, caseNumber: caseNumber, level: "A", startsOn: CivilDate(year: 2026, month: 11, day: 1)!,
                                       endsOn: CivilDate(year: 2027, month: 4, day: 30)!))
            }
            let amiraCase = DemoParticipants.caseNumber(0, placement: 0)
            let items = [person(1, case: "B-1"), person(2, case: "B-2"), person(1, case: "B-3"), person(3, case: " b-1 "), person(4, case: amiraCase)]
            let participants = try await Participant.query(on: app.db).count()
            let before = try await ParticipantFixture.lastSequence(app)
            let actor = AuditDraft(organisationID: organisationID, action: .create, purpose: "test")
            let outcomes = try await app.db.transaction { db in
                try await app.participantRegistry.registerAll(items, organisationID: organisationID, by: actor, on: db)
            }
            let amira = try await ParticipantFixture.id(of: "Amira", in: app)
            guard case .created(let first) = outcomes[0], case .created = outcomes[1] else { Issue.record("\(outcomes)"); return }
            #expect(outcomes[2] == .extended(participantID: first), "the same person later in the list gets a new placement")
            #expect(outcomes[3] == .duplicate(participantID: first), "a case number earlier in the list, written differently")
            #expect(outcomes[4] == .duplicate(participantID: amira), "a case number already registered")
            #expect(try await Participant.query(on: app.db).count() == participants + 2)
            #expect(try await Placement.query(on: app.db).filter(\.$participantID == first).count() == 2)
            let events = try await ParticipantFixture.events(after: before, in: app)
            #expect(events.map(\.query) == ["participant,placement", "participant,placement", "placement"])

            // Each new person's data opens with their own key, and the e-mail blind index finds them.
            let stored = try #require(try await Participant.find(first, on: app.db))
            let key = try await app.keyRing.subjectKey(first, organisationID: organisationID, on: app.db)
            #expect(try SealedRow(key: key, table: Participant.schema, rowID: first).open(stored.givenName, "given_name") == "Batch1")
            #expect(stored.emailIndex == (try await app.keyRing.blindIndex("batch1@deltagare.example", field: Participant.emailField,
                                                                            organisationID: organisationID, on: app.db)))

            // A unit of another organisation refuses the whole list.
            var foreignUnit = person(5, case: "B-5")
            foreignUnit.placement.unitID = UUID()
            let foreign = foreignUnit
            await #expect(throws: ParticipantRegistry.Failure.foreignReference) {
                try await app.db.transaction { db in
                    try await app.participantRegistry.registerAll([person(6, case: "B-6"), foreign], organisationID: organisationID, by: actor, on: db)
                }
            }
            #expect(try await Participant.query(on: app.db).count() == participants + 2)
        }
    }
}
