import Fluent
import Foundation
import LotsCore
import NIOConcurrencyHelpers
import Testing
import Vapor
@testable import LotsApp

/// `lots generate`: made-up participants through the real code paths, readable like real ones.
@Suite struct SyntheticDataTests {
    @Test func generatedParticipantsAreSealedAuditedAndShownLikeRealOnes() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$slug == DemoData.caseManagement.slug).first())
            let organisationID = try organisation.requireID()
            let before = try await Participant.query(on: app.db).filter(\.$organisationID == organisationID).count()
            let events = try await ParticipantFixture.lastSequence(app)
            let generator = SyntheticData(registry: app.participantRegistry, keyRing: app.keyRing, audit: app.auditLog, clock: app.clock)
            let reports = NIOLockedValueBox<[Int]>([])
            let summary = try await generator.generate(1100, organisationID: organisationID, seed: 7, on: app.db) { done in
                reports.withLockedValue { $0.append(done.participants) }
            }
            #expect(summary.participants == 1100 && reports.withLockedValue { $0 } == [1000, 1100])
            #expect(try await Participant.query(on: app.db).filter(\.$organisationID == organisationID).count() == before + 1100)
            #expect(summary.plans > 0 && summary.journalEntries > 0 && summary.appointments > 1100 && summary.documents > 0)
            #expect(try await ParticipantPlan.query(on: app.db).count() == summary.plans)
            #expect(try await Appointment.query(on: app.db).count() == summary.appointments)

            // Every handledare has at most sixty; the demo's Hanna was filled up to sixty.
            let loads = Dictionary(grouping: try await Placement.query(on: app.db).filter(\.$organisationID == organisationID).all(),
                                   by: \.handledareID).compactMapValues { $0.count }
            #expect(loads.filter { $0.key != nil }.values.allSatisfy { $0 <= 60 })
            let hanna = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Hanna Handledarsson").first())
            let hannaID = try hanna.requireID()
            #expect(loads[hannaID] == 60)

            // One audit event per registration and per generated record; nothing personal in them.
            let written = try await ParticipantFixture.events(after: events, in: app)
            #expect(written.filter { $0.query == "participant,placement" }.count == 1100)
            #expect(written.count == 1100 + summary.handledare + summary.plans + summary.journalEntries + summary.documents)

            // A generated participant of Hanna's opens on her profile page, decrypted.
            let browser = try await TestBrowser.signedIn(as: "Hanna Handledarsson", in: app)
            let list = try await browser.get("/participants")
            #expect(list.status == .ok && list.body.contains("GEN0000000"))
            let generated = try #require(try await Placement.query(on: app.db).filter(\.$handledareID == hannaID)
                .sort(\.$createdAt, .descending).first())
            let profile = try await browser.get("/participants/\(generated.participantID.uuidString.lowercased())")
            let person = try #require(try await Participant.find(generated.participantID, on: app.db))
            let showsAddress = profile.body.contains("Syntetgatan")
            #expect(profile.status == .ok && showsAddress == !person.protectedIdentity)

            // The same seed again adds new people (no identity-number or case-number collisions).
            let more = try await generator.generate(5, organisationID: organisationID, seed: 7, on: app.db) { _ in }
            #expect(more.participants == 5)
        }
    }
}
