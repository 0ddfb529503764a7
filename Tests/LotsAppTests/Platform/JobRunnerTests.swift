import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import VaporTesting
@testable import LotsApp

/// A job whose behaviour each test decides; it records every run.
struct ScriptedJob: JobHandler {
    var name: String
    var maxAttempts: Int = 3
    var runs: NIOLockedValueBox<[UUID]> = .init([])
    var body: @Sendable (JobContext) async throws -> Void = { _ in }

    func run(_ job: JobContext) async throws {
        runs.withLockedValue { $0.append(job.id) }
        try await body(job)
    }
}

struct FlakyError: Error {}

@Suite struct JobRunnerTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func queuedJobRunsOnce() async throws {
        try await withLotsApp { app in
            let job = ScriptedJob(name: "test.ok")
            app.jobs.register(job)
            let id = try await app.jobQueue.enqueue(job, payload: NoPayload(), on: app.db)
            try await app.jobs.drain(on: app)
            let record = try #require(try await JobRecord.find(id, on: app.db))
            #expect(record.status == .succeeded)
            #expect(record.attempts == 1)
            #expect(record.finishedAt != nil)
            #expect(job.runs.withLockedValue { $0 } == [id])
        }
    }

    @Test func transientFailuresBackOffThenDeadLetter() async throws {
        try await withLotsApp { app in
            let clock = FixedClock(start)
            app.clock = clock
            let job = ScriptedJob(name: "test.flaky", maxAttempts: 3, body: { _ in throw FlakyError() })
            app.jobs.register(job)
            let id = try await app.jobQueue.enqueue(job, payload: NoPayload(), on: app.db)

            try await app.jobs.tick(on: app)
            var record = try #require(try await JobRecord.find(id, on: app.db))
            #expect(record.status == .queued)
            #expect(record.attempts == 1)
            let delay = record.runAt.timeIntervalSince(start)
            #expect((24...36).contains(delay), "first retry after 30 s ± 20 %, was \(delay)")
            #expect(record.lastError?.contains("FlakyError") == true)

            // Not due yet: nothing runs.
            #expect(try await app.jobs.tick(on: app) == 0)
            clock.advance(by: 40)
            try await app.jobs.tick(on: app)
            clock.advance(by: 100)
            try await app.jobs.tick(on: app)
            record = try #require(try await JobRecord.find(id, on: app.db))
            #expect(record.status == .dead)
            #expect(record.attempts == 3)
            #expect(job.runs.withLockedValue { $0.count } == 3)
            clock.advance(by: 10_000)
            #expect(try await app.jobs.tick(on: app) == 0, "a dead letter is never retried by itself")
        }
    }

    @Test func permanentFailureIsNotRetried() async throws {
        try await withLotsApp { app in
            let job = ScriptedJob(name: "test.permanent", maxAttempts: 5, body: { _ in throw JobFailure.permanent("bad payload") })
            app.jobs.register(job)
            let id = try await app.jobQueue.enqueue(job, payload: NoPayload(), on: app.db)
            try await app.jobs.drain(on: app)
            let record = try #require(try await JobRecord.find(id, on: app.db))
            #expect(record.status == .dead)
            #expect(record.attempts == 1)
            #expect(record.lastError == "permanent failure: bad payload")
        }
    }

    @Test func expiredLeaseIsTakenOverAndTheLateWorkerCannotSettleIt() async throws {
        try await withLotsApp { app in
            let clock = FixedClock(start)
            app.clock = clock
            let job = ScriptedJob(name: "test.lease")
            app.jobs.register(job)
            let id = try await app.jobQueue.enqueue(job, payload: NoPayload(), on: app.db)

            // Another instance claims the job and then dies.
            let crashed = JobRunner()
            crashed.register(job)
            let claimed = try #require(try await crashed.claim(on: app.db, now: clock.now(), only: nil))
            #expect(claimed.id == id)
            #expect(try await app.jobs.tick(on: app) == 0, "a leased job is not run twice")

            clock.advance(by: crashed.leaseDuration + 1)
            #expect(try await app.jobs.tick(on: app) == 1)
            let record = try #require(try await JobRecord.find(id, on: app.db))
            #expect(record.status == .succeeded)
            #expect(record.attempts == 2)

            // The crashed worker wakes up and reports failure: its lease is gone, so nothing changes.
            await crashed.execute(ClaimedJob(id: id, name: "test.missing-handler", payload: "{}", attempts: 1, maxAttempts: 1), on: app)
            #expect(try await JobRecord.find(id, on: app.db)?.status == .succeeded)
        }
    }

    @Test func concurrentRunnersRunEachJobExactlyOnce() async throws {
        try await withLotsApp { app in
            let job = ScriptedJob(name: "test.parallel", body: { _ in try await Task.sleep(for: .milliseconds(2)) })
            app.jobs.register(job)
            let other = JobRunner()
            other.register(job)
            var ids: [UUID] = []
            for _ in 0..<30 { ids.append(try await app.jobQueue.enqueue(job, payload: NoPayload(), on: app.db)) }
            async let first: Void = app.jobs.drain(on: app)
            async let second: Void = other.drain(on: app)
            _ = try await (first, second)
            let runs = job.runs.withLockedValue { $0 }
            #expect(runs.count == 30)
            #expect(Set(runs) == Set(ids))
            #expect(try await JobRecord.query(on: app.db).filter(\.$status == .succeeded).count() == 30)
        }
    }

    @Test func scheduleEnqueuesOncePerIntervalAcrossInstances() async throws {
        try await withLotsApp { app in
            let clock = FixedClock(start)
            app.clock = clock
            let job = ScriptedJob(name: "test.scheduled")
            let other = JobRunner()
            for runner in [app.jobs, other] {
                runner.register(job)
                runner.schedule(job, every: 3600)
                try await runner.installSchedules(on: app)
            }
            #expect(try await JobScheduleRecord.query(on: app.db).filter(\.$name == "test.scheduled").count() == 1)
            #expect(try await app.jobs.tick(on: app) == 0, "not due before its first interval")

            clock.advance(by: 3601)
            try await app.jobs.enqueueDueSchedules(on: app)
            try await other.enqueueDueSchedules(on: app)
            #expect(try await JobRecord.query(on: app.db).filter(\.$name == "test.scheduled").count() == 1)
            try await app.jobs.drain(on: app)
            #expect(job.runs.withLockedValue { $0.count } == 1)

            clock.advance(by: 3600)
            try await other.drain(on: app)
            #expect(job.runs.withLockedValue { $0.count } == 2)
        }
    }

    @Test func runNowRunsOneJobForTheCommandLine() async throws {
        try await withLotsApp { app in
            let job = ScriptedJob(name: "test.cli")
            app.jobs.register(job)
            let later = try await app.jobQueue.enqueue(job, payload: NoPayload(), runAt: Date().addingTimeInterval(86_400), on: app.db)
            #expect(try await app.jobs.runNow(later, on: app) == .succeeded)
            await #expect(throws: (any Error).self) { try await app.jobs.runNow(later, on: app) }
        }
    }
}
