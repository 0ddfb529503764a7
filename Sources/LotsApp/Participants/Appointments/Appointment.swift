import Fluent
import Foundation
import LotsCore

/// A booked individual meeting or activity of one participant, and what happened: attended, absent (with
/// AF's reason code), or late / left early. The title, absence reason and note are sealed under the
/// participant's key (an absence reason such as illness is health data).
final class Appointment: Model, @unchecked Sendable {
    static let schema = "appointments"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "booked_by") var bookedBy: UUID
    @Enum(key: "kind") var kind: AppointmentKind
    @Enum(key: "mode") var mode: MeetingMode
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "duration_minutes") var durationMinutes: Int
    @OptionalField(key: "title") var title: Data?
    @Enum(key: "status") var status: AttendanceStatus
    @OptionalField(key: "absence_reason") var absenceReason: Data?
    /// Minutes missed by arriving late or leaving early.
    @OptionalField(key: "minutes_missed") var minutesMissed: Int?
    @OptionalField(key: "note") var note: Data?
    @OptionalField(key: "registered_by") var registeredBy: UUID?
    @OptionalField(key: "registered_at") var registeredAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

enum AppointmentKind: String, Codable, CaseIterable, Sendable {
    /// A meeting between the participant and their handledare: AF's cadence rules count these.
    case individualMeeting = "individual_meeting"
    case activity
}

enum MeetingMode: String, Codable, CaseIterable, Sendable {
    case physical, video, phone
}

enum AttendanceStatus: String, Codable, CaseIterable, Sendable {
    case planned, attended, absent
    /// Arrived late or left early (AF asks for a deviation report when it is more than 15 minutes).
    case partly
}

/// AF's reason codes for absence and deviations (the codes of AF's deviation report).
enum AbsenceReason: String, Codable, CaseIterable, Sendable {
    case sick = "15"
    case work = "16"
    case careOfChild = "26"
    case education = "27"
    case unknown = "17"
    case otherKnown = "18"
    case declinedActivity = "19"
    case declinedJob = "20"
}

struct CreateAppointments: AsyncMigration {
    var name: String { "028_create_appointments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Appointment.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("booked_by", .uuid, .required)
            .field("kind", .string, .required)
            .field("mode", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("duration_minutes", .int, .required)
            .field("title", .data)
            .field("status", .string, .required)
            .field("absence_reason", .data)
            .field("minutes_missed", .int)
            .field("note", .data)
            .field("registered_by", .uuid)
            .field("registered_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Appointment.schema).delete()
    }
}

/// AF's rules for how often a participant meets their handledare: an individual meeting at least every
/// 14 days, and a physical one at least every four weeks, counted from the placement's start.
enum MeetingCadence {
    static let individualEvery = 14
    static let physicalEvery = 28
    /// A late arrival or early departure longer than this is a deviation AF must be told about.
    static let deviationMinutes = 15

    enum Warning: Hashable, Sendable {
        /// Days since the last attended individual meeting (or the start).
        case individualMeetingDue(days: Int)
        case physicalMeetingDue(days: Int)
    }

    struct Meeting: Sendable {
        var kind: AppointmentKind
        var mode: MeetingMode
        var startsAt: Date
        var status: AttendanceStatus
    }

    static func warnings(_ meetings: [Meeting], placementStart: CivilDate, today: CivilDate) -> [Warning] {
        guard placementStart <= today else { return [] }
        let held = meetings.filter { $0.kind == .individualMeeting && ($0.status == .attended || $0.status == .partly) }
        func daysSince(_ meetings: [Meeting]) -> Int {
            let last = meetings.map { CivilDate($0.startsAt) }.filter { $0 <= today }.max()
            return today.days(since: max(last ?? placementStart, placementStart))
        }
        var warnings: [Warning] = []
        let sinceIndividual = daysSince(held)
        if sinceIndividual > individualEvery { warnings.append(.individualMeetingDue(days: sinceIndividual)) }
        let sincePhysical = daysSince(held.filter { $0.mode == .physical })
        if sincePhysical > physicalEvery { warnings.append(.physicalMeetingDue(days: sincePhysical)) }
        return warnings
    }
}
