import Fluent
import Foundation
import LotsCore
import SQLKit
import SQLiteNIO

/// Appends audit events. Events from concurrent requests are written together in one transaction
/// (group commit); each caller still waits until its own event is committed, so nothing is shown or
/// changed on the strength of an event that was not written.
actor AuditLog {
    private let database: @Sendable () -> any Database
    private let clock: any LotsClock
    private var pending: [(draft: AuditDraft, at: Int64, continuation: CheckedContinuation<Int64, any Error>)] = []
    private var flushing = false

    init(clock: any LotsClock, database: @escaping @Sendable () -> any Database) {
        self.clock = clock
        self.database = database
    }

    /// Records one event and returns its sequence number once it is committed.
    @discardableResult
    func record(_ draft: AuditDraft) async throws -> Int64 {
        let at = Int64((clock.now().timeIntervalSince1970 * 1000).rounded())
        return try await withCheckedThrowingContinuation { continuation in
            pending.append((draft, at, continuation))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    /// Records an event inside the caller's transaction, so a change and its audit event commit (or fail)
    /// together. The chain head's lock keeps the order with events written by `record(_:)`.
    @discardableResult
    func record(_ draft: AuditDraft, in transaction: any Database) async throws -> Int64 {
        let at = Int64((clock.now().timeIntervalSince1970 * 1000).rounded())
        return try await write([(draft, at)], on: transaction)[0]
    }

    /// Records many events inside the caller's transaction (an import, generated data), written a thousand
    /// rows per statement; returns their sequence numbers in order.
    @discardableResult
    func record(_ drafts: [AuditDraft], in transaction: any Database) async throws -> [Int64] {
        let at = Int64((clock.now().timeIntervalSince1970 * 1000).rounded())
        var sequences: [Int64] = []
        sequences.reserveCapacity(drafts.count)
        for chunk in drafts.chunked(1000) {
            sequences += try await write(chunk.map { ($0, at) }, on: transaction)
        }
        return sequences
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = pending
            pending.removeAll()
            do {
                let drafts = batch.map { ($0.draft, $0.at) }
                let sequences = try await Self.retryingConflicts { try await self.database().transaction { db in try await self.write(drafts, on: db) } }
                for (waiting, sequence) in zip(batch, sequences) { waiting.continuation.resume(returning: sequence) }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }

    private func write(_ drafts: [(AuditDraft, Int64)], on db: any Database) async throws -> [Int64] {
        do {
            let sql = db.sql
            // The head row serialises writers across instances on PostgreSQL.
            let lock = db.isPostgres ? " FOR UPDATE" : ""
            guard let head = try await sql.raw("SELECT sequence, hash FROM audit_chain_head WHERE id = 1\(unsafeRaw: lock)").first() else {
                throw AuditError.headMissing
            }
            let lastSequence = try head.decode(column: "sequence", as: Int64.self)
            let entries = AuditChain.link(drafts.enumerated().map { offset, item in
                let (draft, at) = item
                return AuditEntry(sequence: lastSequence + Int64(offset) + 1, occurredAtMilliseconds: at, organisationID: draft.organisationID,
                                  actorID: draft.actorID, actorRole: draft.actorRole, action: draft.action.rawValue, subject: draft.subject,
                                  purpose: draft.purpose, resultCount: draft.resultCount, query: draft.query, previousHash: "")
            }, after: try head.decode(column: "hash", as: String.self))
            var insert = sql.insert(into: "audit_events").columns(
                "sequence", "occurred_at_ms", "organisation_id", "actor_id", "actor_role", "action", "subject", "purpose",
                "result_count", "query", "previous_hash", "hash")
            for entry in entries {
                insert = insert.values(
                    SQLBind(entry.sequence), SQLBind(entry.occurredAtMilliseconds), SQLBind(entry.organisationID), SQLBind(entry.actorID),
                    SQLBind(entry.actorRole), SQLBind(entry.action), SQLBind(entry.subject), SQLBind(entry.purpose),
                    SQLBind(entry.resultCount), SQLBind(entry.query), SQLBind(entry.previousHash), SQLBind(entry.hash))
            }
            try await insert.run()
            guard let last = entries.last else { return [] }
            try await sql.update("audit_chain_head").set("sequence", to: last.sequence).set("hash", to: last.hash).where("id", .equal, 1).run()
            return entries.map(\.sequence)
        }
    }
}

extension AuditLog {
    /// SQLite answers a write that lost a race with another connection's commit with "busy" at once (its
    /// busy timeout does not apply to a transaction whose snapshot went stale), so the batch is retried a
    /// few times with a short pause. PostgreSQL waits on the chain head's row lock instead.
    static func retryingConflicts<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do { return try await body() } catch let error as SQLiteError where attempt < 8
                && [.busy, .locked, .busyInSnapshot, .busyTimeout, .busyInRecovery].contains(error.reason) {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(attempt) * 15_000_000)
            }
        }
    }
}

enum AuditError: Error, SafelyDescribable {
    case headMissing

    var safeDescription: String { "the audit chain head is missing; run lots migrate" }
}
