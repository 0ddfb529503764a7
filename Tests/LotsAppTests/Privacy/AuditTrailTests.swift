import Fluent
import Foundation
import LotsCore
import SQLKit
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct AuditTrailTests {
    func draft(_ index: Int) -> AuditDraft {
        AuditDraft(organisationID: nil, actorID: UUID(), actorRole: "handledare", action: .view, subject: "participant:\(index)",
                   purpose: "dokumentation", resultCount: 1)
    }

    /// Lets a test edit the trail directly, as someone with database access could.
    func dropAppendOnlyTriggers(_ db: any Database) async throws {
        if db.isPostgres {
            try await db.sql.raw("DROP TRIGGER audit_events_append_only ON audit_events").run()
        } else {
            try await db.sql.raw("DROP TRIGGER audit_events_no_update").run()
            try await db.sql.raw("DROP TRIGGER audit_events_no_delete").run()
        }
    }

    @Test func concurrentEventsFormOneUnbrokenChain() async throws {
        try await withLotsApp { app in
            let sequences = try await withThrowingTaskGroup(of: Int64.self) { group in
                for index in 0..<200 { group.addTask { try await app.auditLog.record(draft(index)) } }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
            #expect(sequences.sorted() == Array(1...200))
            let report = try await AuditVerifier.verify(on: app.db, batchSize: 37)
            #expect(report.intact)
            #expect(report.verified == 200)
        }
    }

    @Test func eventsCannotBeChangedOrDeleted() async throws {
        try await withLotsApp { app in
            try await app.auditLog.record(draft(1))
            await #expect(throws: (any Error).self) { try await app.db.sql.raw("UPDATE audit_events SET purpose = 'x'").run() }
            await #expect(throws: (any Error).self) { try await app.db.sql.raw("DELETE FROM audit_events").run() }
            let count = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()?.decode(column: "n", as: Int.self)
            #expect(count == 1)
        }
    }

    @Test func directEditsArePinpointed() async throws {
        try await withLotsApp { app in
            for index in 0..<10 { try await app.auditLog.record(draft(index)) }
            try await dropAppendOnlyTriggers(app.db)
            try await app.db.sql.raw("UPDATE audit_events SET purpose = 'nyfikenhet' WHERE sequence = 6").run()
            let report = try await AuditVerifier.verify(on: app.db)
            #expect(report.firstBreak == .contentChanged(sequence: 6))
            #expect(report.verified == 5)
        }
        try await withLotsApp { app in
            for index in 0..<10 { try await app.auditLog.record(draft(index)) }
            try await dropAppendOnlyTriggers(app.db)
            try await app.db.sql.raw("DELETE FROM audit_events WHERE sequence = 10").run()
            let report = try await AuditVerifier.verify(on: app.db)
            #expect(report.firstBreak == nil)
            #expect(report.headMismatch, "removing the newest event is caught by the chain head")
        }
    }

    @Test func eventRecordedInARolledBackTransactionLeavesNoTrace() async throws {
        try await withLotsApp { app in
            try await app.auditLog.record(draft(1))
            struct Abandon: Error {}
            await #expect(throws: Abandon.self) {
                try await app.db.transaction { db in
                    try await app.auditLog.record(draft(2), in: db)
                    throw Abandon()
                }
            }
            try await app.auditLog.record(draft(3))
            let report = try await AuditVerifier.verify(on: app.db)
            #expect(report.intact)
            #expect(report.verified == 2)
        }
    }

    @Test func accountChangesAreAuditedWithoutPersonalData() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let seeded = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()?.decode(column: "n", as: Int.self)
            let placements = DemoParticipants.seeds.map(\.startedDaysAgo.count).reduce(0, +) + 2 // and the two notices
            #expect(seeded == DemoData.caseManagementStaff.count + DemoData.partnershipStaff.count + placements,
                    "one event per staff account and one per registered placement")

            let admin = try await TestBrowser.signedIn(as: "Saga Systemsson", in: app)
            let token = try #require(try await admin.get("/admin/accounts").csrfToken)
            let person = DemoData.identityNumber(77)
            _ = try await admin.post("/admin/accounts", form: ["_csrf": token, "name": "Nils Nyman", "personalNumber": person.formatted,
                                                                "role": "unit_manager", "unit": ""])
            let created = try #require(try await StaffAccount.query(on: app.db).filter(\.$displayName == "Nils Nyman").first())
            let rows = try await app.db.sql.raw("SELECT * FROM audit_events WHERE subject = \(bind: "staff:\(try created.requireID().uuidString.lowercased())")").all()
            let events = try rows.map(AuditVerifier.entry)
            #expect(events.count == 1)
            #expect(events.first?.action == "admin_change")
            #expect(events.first?.query == "create role=unit_manager")
            #expect(events.first?.actorRole == "system_administrator")

            let everything = try await app.db.sql.raw("SELECT * FROM audit_events").all().map(AuditVerifier.entry)
            let text = everything.map { "\($0.subject ?? "") \($0.purpose ?? "") \($0.query ?? "")" }.joined(separator: "\n")
            #expect(!text.contains(person.digits) && !text.contains(String(person.digits.dropFirst(2))))
            #expect(!text.contains("Nils"))
            #expect(try await AuditVerifier.verify(on: app.db).intact)
        }
    }
}
