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
    /// On SQLite, the chain head as this log's last batch left it. The next batch is then written as one INSERT
    /// linked to it (a trigger moves the head row along), instead of a transaction that reads the head first:
    /// one statement instead of five, on a path every audited read waits for. If anyone else appended in the
    /// meantime, the batch's first sequence number is already taken and the primary key refuses the INSERT;
    /// the batch is then written the careful way, reading the head inside a transaction.
    private var knownHead: (sequence: Int64, hash: String)?

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
        return try await write([(draft, at)], on: transaction)[0].sequence
    }

    /// Records many events inside the caller's transaction (an import, generated data), written a thousand
    /// rows per statement; returns their sequence numbers in order.
    @discardableResult
    func record(_ drafts: [AuditDraft], in transaction: any Database) async throws -> [Int64] {
        let at = Int64((clock.now().timeIntervalSince1970 * 1000).rounded())
        return try await write(drafts.map { ($0, at) }, on: transaction).map(\.sequence)
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = pending
            pending.removeAll()
            do {
                let sequences = try await append(batch.map { ($0.draft, $0.at) })
                for (waiting, sequence) in zip(batch, sequences) { waiting.continuation.resume(returning: sequence) }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }

    /// Commits one batch: on SQLite as a single INSERT after the known head when there is one, otherwise (and
    /// when that INSERT finds the head has moved) in a transaction that reads the head.
    private func append(_ drafts: [(AuditDraft, Int64)]) async throws -> [Int64] {
        let db = database()
        if !db.isPostgres, let head = knownHead {
            let entries = Self.link(drafts, afterSequence: head.sequence, hash: head.hash)
            do {
                try await insert(entries, on: db)
                knownHead = entries.last.map { ($0.sequence, $0.hash) } ?? head
                return entries.map(\.sequence)
            } catch let error as SQLiteError where Self.sequenceTaken.contains(error.reason) {
                knownHead = nil
            }
        }
        let entries = try await Self.retryingConflicts { try await db.transaction { tx in try await self.write(drafts, on: tx) } }
        if !db.isPostgres, let last = entries.last { knownHead = (last.sequence, last.hash) }
        return entries.map(\.sequence)
    }

    /// What SQLite answers when an event's sequence number (the primary key) is already in the table.
    private static let sequenceTaken: Set<SQLiteError.Reason> = [.constraint, .constraintPrimaryKeyFailed, .constraintUniqueFailed,
                                                                  .constraintUniqueRowIDFailed]

    private func write(_ drafts: [(AuditDraft, Int64)], on db: any Database) async throws -> [AuditEntry] {
        let sql = db.sql
        // The head row serialises writers across instances on PostgreSQL.
        let lock = db.isPostgres ? " FOR UPDATE" : ""
        guard let head = try await sql.raw("SELECT sequence, hash FROM audit_chain_head WHERE id = 1\(unsafeRaw: lock)").first() else {
            throw AuditError.headMissing
        }
        let entries = try await linkAndInsert(drafts, afterSequence: try head.decode(column: "sequence", as: Int64.self),
                                              hash: try head.decode(column: "hash", as: String.self), on: db)
        // On SQLite a trigger moves the head with every inserted event (see AuditHeadFollowsEvents).
        if db.isPostgres, let last = entries.last {
            try await sql.update("audit_chain_head").set("sequence", to: last.sequence).set("hash", to: last.hash).where("id", .equal, 1).run()
        }
        return entries
    }

    private static func link(_ drafts: [(AuditDraft, Int64)], afterSequence lastSequence: Int64, hash: String) -> [AuditEntry] {
        AuditChain.link(drafts.enumerated().map { offset, item in
            let (draft, at) = item
            return AuditEntry(sequence: lastSequence + Int64(offset) + 1, occurredAtMilliseconds: at, organisationID: draft.organisationID,
                              actorID: draft.actorID, actorRole: draft.actorRole, action: draft.action.rawValue, subject: draft.subject,
                              purpose: draft.purpose, resultCount: draft.resultCount, query: draft.query, previousHash: "")
        }, after: hash)
    }

    /// Links and inserts a thousand events at a time. A large batch (an import's) is hashed on a worker thread a
    /// chunk ahead of the one being inserted: the chain needs only the previous chunk's last hash, not its row.
    private func linkAndInsert(_ drafts: [(AuditDraft, Int64)], afterSequence sequence: Int64, hash: String,
                               on db: any Database) async throws -> [AuditEntry] {
        guard drafts.count > 1000 else {
            let entries = Self.link(drafts, afterSequence: sequence, hash: hash)
            try await insert(entries, on: db)
            return entries
        }
        let chunks = drafts.chunked(1000)
        @Sendable func linking(_ index: Int, after sequence: Int64, _ hash: String) -> Task<[AuditEntry], any Error> {
            Task { try await Background.compute { Self.link(chunks[index], afterSequence: sequence, hash: hash) } }
        }
        var all: [AuditEntry] = []
        all.reserveCapacity(drafts.count)
        var next = linking(0, after: sequence, hash)
        for index in chunks.indices {
            let entries = try await next.value
            if index + 1 < chunks.count, let last = entries.last { next = linking(index + 1, after: last.sequence, last.hash) }
            try await insert(entries, on: db)
            all += entries
        }
        return all
    }

    static let columns = ["sequence", "occurred_at_ms", "organisation_id", "actor_id", "actor_role", "action", "subject", "purpose",
                          "result_count", "query", "previous_hash", "hash"]

    private func insert(_ entries: [AuditEntry], on db: any Database) async throws {
        try await BulkInsert.run(into: "audit_events", columns: Self.columns, rows: entries.map { entry in
            [.integer(Int(entry.sequence)), .integer(Int(entry.occurredAtMilliseconds)), .uuid(entry.organisationID), .uuid(entry.actorID),
             .text(entry.actorRole), .text(entry.action), .text(entry.subject), .text(entry.purpose), .integer(entry.resultCount),
             .text(entry.query), .text(entry.previousHash), .text(entry.hash)]
        }, on: db)
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
