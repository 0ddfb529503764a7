import Fluent
import Foundation
import LotsCore
import Vapor

/// A workshop, study visit or recruitment event of a unit, with enrolled participants. Its participant
/// list (first name and case number only) exists until attendance has been registered on it, and at the
/// latest seven days after the activity; each participant's record keeps the activity and its attendance.
final class GroupActivity: Model, @unchecked Sendable {
    static let schema = "group_activities"
    /// How long after the activity its participant list is kept at the latest.
    static let listKeptDays = 7

    enum Kind: String, Codable, CaseIterable, Sendable {
        case workshop
        case studyVisit = "study_visit"
        case recruitmentEvent = "recruitment_event"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "created_by") var createdBy: UUID
    @Enum(key: "kind") var kind: Kind
    @Field(key: "title") var title: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "duration_minutes") var durationMinutes: Int
    @OptionalField(key: "location") var location: String?
    @OptionalField(key: "attendance_registered_at") var attendanceRegisteredAt: Date?
    /// Set when the participant list was deleted (after attendance, or seven days after the activity).
    @OptionalField(key: "list_deleted_at") var listDeletedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A participant on an activity's list, and the appointment that stands for the activity in their record.
final class GroupActivityEnrolment: Model, @unchecked Sendable {
    static let schema = "group_activity_enrolments"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "activity_id") var activityID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "appointment_id") var appointmentID: UUID

    init() {}
}

struct CreateGroupActivities: AsyncMigration {
    var name: String { "029_create_group_activities" }

    func prepare(on database: any Database) async throws {
        try await database.schema(GroupActivity.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .restrict))
            .field("created_by", .uuid, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("duration_minutes", .int, .required)
            .field("location", .string)
            .field("attendance_registered_at", .datetime)
            .field("list_deleted_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(GroupActivityEnrolment.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("activity_id", .uuid, .required, .references(GroupActivity.schema, "id", onDelete: .cascade))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("appointment_id", .uuid, .required, .references(Appointment.schema, "id", onDelete: .cascade))
            .unique(on: "activity_id", "participant_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GroupActivityEnrolment.schema).delete()
        try await database.schema(GroupActivity.schema).delete()
    }
}

/// Deletes participant lists seven days after their activity (lists with registered attendance are
/// deleted at once, when it is registered).
struct ParticipantListPurgeJob: JobHandler {
    var name: String { "activities.purge_lists" }

    func run(_ job: JobContext) async throws {
        let cutoff = job.application.clock.now().addingTimeInterval(-Double(GroupActivity.listKeptDays) * 86_400)
        let stale = try await GroupActivity.query(on: job.database).filter(\.$listDeletedAt == nil).filter(\.$startsAt < cutoff).all()
        for activity in stale {
            try await GroupActivities.deleteList(activity, now: job.application.clock.now(), on: job.database)
        }
    }
}
