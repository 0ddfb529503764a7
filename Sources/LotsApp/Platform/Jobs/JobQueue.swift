import Fluent
import Foundation

/// Puts work on the database-backed queue. Enqueue inside the caller's transaction so the job exists
/// exactly when the data it refers to does.
struct JobQueue: Sendable {
    var clock: any LotsClock

    @discardableResult
    func enqueue<Payload: Encodable>(
        _ handler: any JobHandler, payload: Payload, runAt: Date? = nil, on database: any Database
    ) async throws -> UUID {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(payload), as: UTF8.self)
        return try await enqueue(name: handler.name, payloadJSON: json, maxAttempts: handler.maxAttempts, runAt: runAt, on: database)
    }

    @discardableResult
    func enqueue(name: String, payloadJSON: String, maxAttempts: Int, runAt: Date? = nil, on database: any Database) async throws -> UUID {
        let now = clock.now()
        let record = JobRecord(name: name, payload: payloadJSON, maxAttempts: maxAttempts, runAt: runAt ?? now, now: now)
        try await record.create(on: database)
        return try record.requireID()
    }
}

/// An empty payload for jobs that need none.
struct NoPayload: Codable, Sendable {}
