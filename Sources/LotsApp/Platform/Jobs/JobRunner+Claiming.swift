import Fluent
import Foundation
import SQLKit
import Vapor

struct ClaimedJob: Sendable {
    var id: UUID
    var name: String
    var payload: String
    var attempts: Int
    var maxAttempts: Int
}

extension JobRunner {
    /// Marks the oldest due job (or a job whose lease expired) as running for this instance, atomically.
    func claim(on database: any Database, now: Date, only id: UUID?) async throws -> ClaimedJob? {
        let sql = database.sql
        var candidate = SQLQueryString("SELECT id FROM jobs WHERE ")
        if let id {
            candidate.appendInterpolation(unsafeRaw: "status = 'queued' AND id = ")
            candidate.appendInterpolation(bind: id)
        } else {
            candidate.appendInterpolation(unsafeRaw: "((status = 'queued' AND run_at <= ")
            candidate.appendInterpolation(bind: now)
            candidate.appendInterpolation(unsafeRaw: ") OR (status = 'running' AND lease_expires_at < ")
            candidate.appendInterpolation(bind: now)
            candidate.appendInterpolation(unsafeRaw: ")) ORDER BY run_at LIMIT 1")
        }
        // SQLite has one writer at a time, so the sub-select cannot race; PostgreSQL needs the row lock.
        if database.isPostgres { candidate.appendInterpolation(unsafeRaw: " FOR UPDATE SKIP LOCKED") }
        let query: SQLQueryString = """
            UPDATE jobs SET status = 'running', attempts = attempts + 1, leased_by = \(bind: instanceID), \
            lease_expires_at = \(bind: now.addingTimeInterval(leaseDuration)), updated_at = \(bind: now) \
            WHERE id = (\(candidate)) RETURNING id, name, payload, attempts, max_attempts
            """
        guard let row = try await sql.raw(query).first() else { return nil }
        return ClaimedJob(
            id: try row.decode(column: "id", as: UUID.self),
            name: try row.decode(column: "name", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            maxAttempts: try row.decode(column: "max_attempts", as: Int.self)
        )
    }

    func execute(_ job: ClaimedJob, on app: Application) async {
        var logger = app.logger
        logger[metadataKey: "job"] = .string(job.name)
        logger[metadataKey: "job_id"] = .string(job.id.uuidString)
        do {
            guard let handler = handler(named: job.name) else { throw JobFailure.unknownJob(job.name) }
            let context = JobContext(id: job.id, name: job.name, payload: job.payload, attempt: job.attempts, application: app, logger: logger)
            try await handler.run(context)
            try await finish(job, status: .succeeded, error: nil, runAt: nil, on: app)
            logger.debug("job succeeded")
        } catch {
            let description = ErrorDescription.safe(error)
            let permanent = (error is JobFailure) || ((error as? any TransienceClassifying)?.isTransient == false)
            if permanent || job.attempts >= job.maxAttempts {
                logger.error("job dead-lettered after attempt \(job.attempts): \(description)")
                try? await finish(job, status: .dead, error: description, runAt: nil, on: app)
            } else {
                let delay = retryPolicy.delay(afterAttempt: job.attempts, unit: Double.random(in: 0..<1))
                logger.warning("job attempt \(job.attempts) failed, retrying in \(Int(delay)) s: \(description)")
                try? await finish(job, status: .queued, error: description, runAt: app.clock.now().addingTimeInterval(delay), on: app)
            }
        }
    }

    private func finish(_ job: ClaimedJob, status: JobRecord.Status, error: String?, runAt: Date?, on app: Application) async throws {
        let now = app.clock.now()
        let finished: Date? = status == .queued ? nil : now
        // Only the lease holder may settle the job; a taken-over job is left to its new owner.
        try await app.db.sql.update("jobs")
            .set("status", to: status.rawValue)
            .set("last_error", to: error)
            .set("updated_at", to: now)
            .set("finished_at", to: finished)
            .set("run_at", to: runAt ?? now)
            .set("leased_by", to: SQLLiteral.null)
            .set("lease_expires_at", to: SQLLiteral.null)
            .where("id", .equal, job.id)
            .where("leased_by", .equal, instanceID)
            .run()
    }
}
