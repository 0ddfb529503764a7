import Fluent
import Foundation
import LotsCore
import SQLKit
import Testing
import VaporTesting
@testable import LotsApp

@Suite struct AuditCheckpointAppTests {
    @Test func checkpointsCatchARecomputedChain() async throws {
        try await withLotsApp { app in
            for index in 0..<12 {
                try await app.auditLog.record(AuditDraft(actorID: UUID(), action: .view, subject: "participant:\(index)", purpose: "dokumentation"))
            }
            let first = try #require(try await app.auditCheckpointer.checkpoint(on: app.db))
            #expect(first.fromSequence == 1 && first.toSequence == 12)
            #expect(try await app.auditCheckpointer.checkpoint(on: app.db) == nil, "nothing new, no checkpoint")
            try await app.auditLog.record(AuditDraft(action: .login, purpose: "sign_in"))
            let second = try #require(try await app.auditCheckpointer.checkpoint(on: app.db))
            #expect(second.fromSequence == 13 && second.toSequence == 13)
            #expect(try await app.auditCheckpointer.firstMismatch(on: app.db) == nil)

            // Someone with database access rewrites event 5 and recomputes every hash after it.
            try await AuditTrailTests().dropAppendOnlyTriggers(app.db)
            var entries = try await app.db.sql.raw("SELECT * FROM audit_events ORDER BY sequence").all().map(AuditVerifier.entry)
            entries[4].purpose = "nyfikenhet"
            entries = AuditChain.link(entries, after: AuditChain.genesis)
            for entry in entries {
                try await app.db.sql.update("audit_events").set("purpose", to: entry.purpose).set("previous_hash", to: entry.previousHash)
                    .set("hash", to: entry.hash).where("sequence", .equal, entry.sequence).run()
            }
            try await app.db.sql.update("audit_chain_head").set("hash", to: entries.last!.hash).where("id", .equal, 1).run()

            #expect(try await AuditVerifier.verify(on: app.db).intact, "the chain alone is fooled")
            let mismatch = try await app.auditCheckpointer.firstMismatch(on: app.db)
            #expect(mismatch == first, "the signed checkpoint is not")
        }
    }

    @Test func checkpointJobIsScheduled() async throws {
        try await withLotsApp { app in
            #expect(app.jobs.schedules.contains { $0.jobName == "audit.checkpoint" && $0.interval == 600 })
        }
    }
}
