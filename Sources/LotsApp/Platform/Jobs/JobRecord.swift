import Fluent
import Foundation

/// One unit of background work in the database-backed queue.
final class JobRecord: Model, @unchecked Sendable {
    static let schema = "jobs"

    enum Status: String, Codable, Sendable {
        case queued, running, succeeded
        /// Gave up after the last attempt or a permanent failure; kept for inspection and manual retry.
        case dead
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "payload") var payload: String
    @Enum(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "max_attempts") var maxAttempts: Int
    @Field(key: "run_at") var runAt: Date
    @OptionalField(key: "lease_expires_at") var leaseExpiresAt: Date?
    @OptionalField(key: "leased_by") var leasedBy: String?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    init(id: UUID = UUID(), name: String, payload: String, maxAttempts: Int, runAt: Date, now: Date) {
        self.id = id
        self.name = name
        self.payload = payload
        self.status = .queued
        self.attempts = 0
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.createdAt = now
        self.updatedAt = now
    }
}

/// A recurring job: the runner enqueues `jobName` every `intervalSeconds`.
final class JobScheduleRecord: Model, @unchecked Sendable {
    static let schema = "job_schedules"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "job_name") var jobName: String
    @Field(key: "interval_seconds") var intervalSeconds: Int
    @Field(key: "next_run_at") var nextRunAt: Date
    @OptionalField(key: "last_enqueued_at") var lastEnqueuedAt: Date?

    init() {}

    init(name: String, jobName: String, intervalSeconds: Int, nextRunAt: Date) {
        self.id = UUID()
        self.name = name
        self.jobName = jobName
        self.intervalSeconds = intervalSeconds
        self.nextRunAt = nextRunAt
    }
}
