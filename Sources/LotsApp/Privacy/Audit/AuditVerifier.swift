import Fluent
import Foundation
import LotsCore
import SQLKit

/// Recomputes the whole chain from the database, in batches.
enum AuditVerifier {
    struct Report: Sendable, Equatable {
        var verified: Int64
        var firstBreak: AuditChain.Break?
        /// The head row does not match the last event (events were removed from the end).
        var headMismatch: Bool
        var intact: Bool { firstBreak == nil && !headMismatch }
    }

    static func verify(on database: any Database, batchSize: Int = 1000) async throws -> Report {
        let sql = database.sql
        var previousHash = AuditChain.genesis
        var previousSequence: Int64 = 0
        while true {
            let rows = try await sql.raw("""
                SELECT * FROM audit_events WHERE sequence > \(bind: previousSequence) ORDER BY sequence LIMIT \(unsafeRaw: String(batchSize))
                """).all()
            if rows.isEmpty { break }
            let entries = try rows.map(entry)
            if let broken = AuditChain.verify(entries, after: previousHash, previousSequence: previousSequence) {
                return Report(verified: broken.sequence - 1, firstBreak: broken, headMismatch: false)
            }
            previousHash = entries.last!.hash
            previousSequence = entries.last!.sequence
        }
        let head = try await sql.raw("SELECT sequence, hash FROM audit_chain_head WHERE id = 1").first()
        let headSequence = try head?.decode(column: "sequence", as: Int64.self)
        let headHash = try head?.decode(column: "hash", as: String.self)
        return Report(verified: previousSequence, firstBreak: nil, headMismatch: headSequence != previousSequence || headHash != previousHash)
    }

    static func entry(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            occurredAtMilliseconds: try row.decode(column: "occurred_at_ms", as: Int64.self),
            organisationID: try row.decode(column: "organisation_id", as: UUID?.self),
            actorID: try row.decode(column: "actor_id", as: UUID?.self),
            actorRole: try row.decode(column: "actor_role", as: String?.self),
            action: try row.decode(column: "action", as: String.self),
            subject: try row.decode(column: "subject", as: String?.self),
            purpose: try row.decode(column: "purpose", as: String?.self),
            resultCount: try row.decode(column: "result_count", as: Int?.self),
            query: try row.decode(column: "query", as: String?.self),
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }
}
