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
            let (organisationID, unit) = try await Self.demoOrganisationAndUnit(app)
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

    /// More than a block (a thousand items are sealed while the block before is written): a person created in the
    /// first block gets a placement in the last, a case number of the first block comes again in the last, and
    /// every row written by plain SQL reads back through Fluent and opens with its person's key.
    @Test func aBatchOfSeveralBlocksKeepsItsOrderAcrossBlocks() async throws {
        try await withLotsApp { app in
            let (organisationID, unit) = try await Self.demoOrganisationAndUnit(app)
            let born = CivilDate(year: 1981, month: 3, day: 1)!
            @Sendable func person(_ n: Int, case caseNumber: String) -> ParticipantRegistry.NewParticipant {
                .init(personalNumber: SwedishIdentityNumber(birthDate: born.adding(days: n / 800), birthNumber: 100 + n % 800),
                      givenName: "Block\(n)", familyName: "Testsson", phone: n % 2 == 0 ? "070-000 \(n)" : nil,
                      placement: .init(unitID: unit, caseNumber: "M-\(n)", level: "B", startsOn: CivilDate(year: 2026, month: 11, day: 1)!,
                                       endsOn: CivilDate(year: 2027, month: 4, day: 30)!, participationRate: 50))
            }
            var items = (0..<2_500).map { person($0, case: "M-\($0)") }
            var extensionOfSeven = person(7, case: "")
            extensionOfSeven.placement.caseNumber = "M-EXTRA"
            var repeatOfThree = person(9, case: "")
            repeatOfThree.placement.caseNumber = "m-3"
            items += [extensionOfSeven, repeatOfThree]
            let participants = try await Participant.query(on: app.db).count()
            let placements = try await Placement.query(on: app.db).count()
            let before = try await ParticipantFixture.lastSequence(app)
            let actor = AuditDraft(organisationID: organisationID, action: .create, purpose: "test")
            let batch = items
            let outcomes = try await app.db.transaction { db in
                try await app.participantRegistry.registerAll(batch, organisationID: organisationID, by: actor, on: db)
            }
            guard case .created(let seven) = outcomes[7], case .created(let three) = outcomes[3], case .created(let last) = outcomes[2_499] else {
                Issue.record("\(outcomes.prefix(10))"); return
            }
            #expect(outcomes[2_500] == .extended(participantID: seven))
            #expect(outcomes[2_501] == .duplicate(participantID: three))
            #expect(try await Participant.query(on: app.db).count() == participants + 2_500)
            #expect(try await Placement.query(on: app.db).count() == placements + 2_501)
            #expect(try await Placement.query(on: app.db).filter(\.$participantID == seven).count() == 2)
            #expect(try await ParticipantFixture.events(after: before, in: app).count == 2_501)
            #expect(try await AuditVerifier.verify(on: app.db).intact)

            // The last block's rows read back through Fluent (ids, dates and flags as its driver stores them).
            let stored = try #require(try await Participant.find(last, on: app.db))
            #expect(stored.createdAt != nil && stored.protectedIdentity == false && stored.mailOptOut == false)
            let key = try await app.keyRing.subjectKey(last, organisationID: organisationID, on: app.db)
            let row = SealedRow(key: key, table: Participant.schema, rowID: last)
            #expect(try row.open(stored.givenName, "given_name") == "Block2499")
            #expect(try row.open(stored.personalNumber, "personal_number") == items[2_499].personalNumber.digits)
            #expect(stored.phone == nil, "an absent value is not stored")
            let placement = try #require(try await Placement.query(on: app.db).filter(\.$participantID == last).first())
            #expect(placement.participationRate == 50 && placement.level == "B" && placement.startsOn == "2026-11-01" && placement.endedOn == nil)
            let placementRow = SealedRow(key: key, table: Placement.schema, rowID: try placement.requireID())
            #expect(try placementRow.open(placement.implementationReference, "implementation_reference") == "M-2499")
            let sevenKey = try await app.keyRing.subjectKey(seven, organisationID: organisationID, on: app.db)
            let sevens = try await Placement.query(on: app.db).filter(\.$participantID == seven).all()
            let references = try sevens.map { try SealedRow(key: sevenKey, table: Placement.schema, rowID: $0.requireID())
                .open($0.implementationReference, "implementation_reference") }
            #expect(references.sorted() == ["M-7", "M-EXTRA"], "the placement of the last block belongs to the person of the first")
        }
    }

    /// The seeded demo organisation and one of its units.
    static func demoOrganisationAndUnit(_ app: Application) async throws -> (organisationID: UUID, unit: UUID) {
        try await app.demoSeeder.seedIfEmpty(on: app.db)
        let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$slug == DemoData.caseManagement.slug).first())
        let organisationID = try organisation.requireID()
        let unit = try #require(try await OrganisationUnit.query(on: app.db).filter(\.$organisation.$id == organisationID).first()?.requireID())
        return (organisationID, unit)
    }
}
