import Fluent
import Foundation
import SQLKit
import Vapor

extension JobRunner {
    /// Makes sure every schedule declared in code has a row; the first run is one interval from now.
    func installSchedules(on app: Application) async throws {
        let now = app.clock.now()
        for schedule in schedules {
            if let existing = try await JobScheduleRecord.query(on: app.db).filter(\.$name == schedule.name).first() {
                if existing.intervalSeconds != Int(schedule.interval) {
                    existing.intervalSeconds = Int(schedule.interval)
                    try await existing.update(on: app.db)
                }
                continue
            }
            let record = JobScheduleRecord(name: schedule.name, jobName: schedule.jobName, intervalSeconds: Int(schedule.interval),
                                           nextRunAt: now.addingTimeInterval(schedule.interval))
            // Another instance may insert the same schedule at the same moment; the unique name keeps one.
            do { try await record.create(on: app.db) } catch let error as any DatabaseError where error.isConstraintFailure {}
        }
    }

    /// Enqueues each due schedule once, even when several instances tick at the same time: only the
    /// instance whose guarded update moves `next_run_at` forward enqueues.
    func enqueueDueSchedules(on app: Application) async throws {
        let now = app.clock.now()
        let due = try await JobScheduleRecord.query(on: app.db).filter(\.$nextRunAt <= now).all()
        for schedule in due {
            guard let handler = handler(named: schedule.jobName) else { continue }
            try await app.db.transaction { db in
                let next = now.addingTimeInterval(TimeInterval(schedule.intervalSeconds))
                let won = try await db.sql.raw("""
                    UPDATE job_schedules SET next_run_at = \(bind: next), last_enqueued_at = \(bind: now) \
                    WHERE name = \(bind: schedule.name) AND next_run_at <= \(bind: now) RETURNING name
                    """).first()
                if won != nil {
                    try await JobQueue(clock: app.clock).enqueue(name: handler.name, payloadJSON: "{}", maxAttempts: handler.maxAttempts, on: db)
                }
            }
        }
    }
}
