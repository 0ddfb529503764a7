import Fluent
import SQLKit

struct CreateJobs: AsyncMigration {
    var name: String { "005_create_jobs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .id()
            .field("name", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("run_at", .datetime, .required)
            .field("lease_expires_at", .datetime)
            .field("leased_by", .string)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.sql.create(index: "jobs_status_run_at").on("jobs").column("status").column("run_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("jobs").delete()
    }
}

struct CreateJobSchedules: AsyncMigration {
    var name: String { "006_create_job_schedules" }

    func prepare(on database: any Database) async throws {
        try await database.schema("job_schedules")
            .id()
            .field("name", .string, .required)
            .field("job_name", .string, .required)
            .field("interval_seconds", .int, .required)
            .field("next_run_at", .datetime, .required)
            .field("last_enqueued_at", .datetime)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_schedules").delete()
    }
}
