import Fluent
import Foundation
import LotsCore
import Vapor

/// Group activities of a unit: creating them, enrolling participants (each gets the activity as an
/// appointment in their record), the printable participant list, and attendance registered on it.
struct GroupActivities: Sendable {
    var records: ParticipantRecords
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock

    enum Problem: Error, Equatable, Sendable {
        case notFound
        case noAccess
        case invalid
        /// The list is gone: attendance was registered, or the activity is more than seven days past.
        case listDeleted
        case notYetHeld
    }

    struct ListRow: Sendable, Equatable {
        var enrolmentID: UUID
        var firstName: String
        var caseNumber: String
    }

    /// The units the staff member works in; nil for the whole organisation.
    static func units(of staff: StaffActor) -> Set<UUID>? {
        let grants = staff.roles.filter { $0.role == .handledare || $0.role == .unitManager }
        if grants.contains(where: { $0.unitID == nil }) || grants.isEmpty { return nil }
        return Set(grants.compactMap(\.unitID))
    }

    func activity(_ id: UUID, for staff: StaffActor, on db: any Database) async throws -> GroupActivity {
        guard let activity = try await GroupActivity.find(id, on: db), activity.organisationID == staff.organisationID else { throw Problem.notFound }
        if let units = Self.units(of: staff), !units.contains(activity.unitID) { throw Problem.noAccess }
        return activity
    }

    func create(kind: GroupActivity.Kind, title: String, startsAt: Date, durationMinutes: Int, location: String?, unitID: UUID,
                by staff: StaffActor, on db: any Database) async throws -> UUID {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 200, (5...600).contains(durationMinutes), (location?.count ?? 0) <= 200 else { throw Problem.invalid }
        guard try await OrganisationUnit.query(on: db).filter(\.$id == unitID).filter(\.$organisation.$id == staff.organisationID).count() == 1,
              Self.units(of: staff).map({ $0.contains(unitID) }) ?? true else { throw Problem.noAccess }
        let activity = GroupActivity()
        activity.organisationID = staff.organisationID
        activity.unitID = unitID
        activity.createdBy = staff.accountID
        activity.kind = kind
        activity.title = title
        activity.startsAt = startsAt
        activity.durationMinutes = durationMinutes
        activity.location = location.flatMap { $0.isEmpty ? nil : $0 }
        try await activity.create(on: db)
        return try activity.requireID()
    }

    /// Enrols participants the staff member documents; each gets the activity in their own record.
    func enrol(_ participantIDs: [UUID], in activityID: UUID, by staff: StaffActor, on database: any Database) async throws {
        let activity = try await activity(activityID, for: staff, on: database)
        guard activity.listDeletedAt == nil else { throw Problem.listDeleted }
        let book = AppointmentBook(records: records, keyRing: keyRing, audit: audit, clock: clock)
        try await database.transaction { db in
            for participantID in Set(participantIDs) {
                guard try await GroupActivityEnrolment.query(on: db).filter(\.$activityID == activityID)
                    .filter(\.$participantID == participantID).count() == 0 else { continue }
                let appointmentID: UUID
                do {
                    appointmentID = try await book.book(.init(kind: .activity, mode: .physical, startsAt: activity.startsAt,
                                                              durationMinutes: activity.durationMinutes, title: activity.title),
                                                        participantID: participantID, by: staff, on: db)
                } catch AppointmentBook.Problem.noAccess, AppointmentBook.Problem.notFound {
                    throw Problem.noAccess
                }
                let enrolment = GroupActivityEnrolment()
                enrolment.organisationID = staff.organisationID
                enrolment.activityID = activityID
                enrolment.participantID = participantID
                enrolment.appointmentID = appointmentID
                try await enrolment.create(on: db)
            }
        }
    }

    /// The printable list: first names and case numbers only. Reading it is audited.
    func list(_ activityID: UUID, by staff: StaffActor, on db: any Database) async throws -> (GroupActivity, [ListRow]) {
        let activity = try await activity(activityID, for: staff, on: db)
        guard activity.listDeletedAt == nil else { return (activity, []) }
        let enrolments = try await GroupActivityEnrolment.query(on: db).filter(\.$activityID == activityID).all()
        let ids = enrolments.map(\.participantID)
        guard !ids.isEmpty else { return (activity, []) }
        try await records.record(staff.draft(.view, subject: records.refs(ids), purpose: "participant_list", resultCount: ids.count,
                                             query: "activity list"))
        let participants = Dictionary(uniqueKeysWithValues: try await Participant.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
        let placements = Dictionary(grouping: try await Placement.query(on: db).filter(\.$participantID ~~ ids).all(), by: \.participantID)
        let keys = try await keyRing.subjectKeys(ids, organisationID: staff.organisationID, on: db)
        let rows = try enrolments.compactMap { enrolment -> ListRow? in
            guard let participant = participants[enrolment.participantID], let key = keys[enrolment.participantID],
                  let placement = placements[enrolment.participantID]?.max(by: { $0.startsOn < $1.startsOn }) else { return nil }
            let firstName = try SealedRow(key: key, table: Participant.schema, rowID: enrolment.participantID).open(participant.givenName, "given_name")
            let caseNumber = try SealedRow(key: key, table: Placement.schema, rowID: try placement.requireID())
                .open(placement.implementationReference, "implementation_reference")
            return ListRow(enrolmentID: try enrolment.requireID(), firstName: firstName, caseNumber: caseNumber)
        }
        return (activity, rows.sorted { ($0.firstName, $0.caseNumber) < ($1.firstName, $1.caseNumber) })
    }

    /// Attendance registered on the list goes into each participant's record; then the list is deleted.
    func registerAttendance(_ statuses: [UUID: (AttendanceStatus, AbsenceReason?)], for activityID: UUID, by staff: StaffActor,
                            on database: any Database) async throws {
        let activity = try await activity(activityID, for: staff, on: database)
        guard activity.listDeletedAt == nil else { throw Problem.listDeleted }
        guard activity.startsAt <= clock.now() else { throw Problem.notYetHeld }
        let enrolments = try await GroupActivityEnrolment.query(on: database).filter(\.$activityID == activityID).all()
        guard enrolments.allSatisfy({ statuses[$0.id!] != nil }),
              statuses.values.allSatisfy({ [.attended, .absent].contains($0.0) && ($0.0 == .attended || $0.1 != nil) }) else { throw Problem.invalid }
        try await database.transaction { db in
            for enrolment in enrolments {
                guard let (status, reason) = statuses[try enrolment.requireID()],
                      let appointment = try await Appointment.find(enrolment.appointmentID, on: db) else { continue }
                let key = try await keyRing.subjectKey(enrolment.participantID, organisationID: staff.organisationID, on: db)
                appointment.status = status
                appointment.absenceReason = try SealedRow(key: key, table: Appointment.schema, rowID: enrolment.appointmentID)
                    .seal(status == .absent ? reason?.rawValue : nil, "absence_reason")
                appointment.registeredBy = staff.accountID
                appointment.registeredAt = clock.now()
                try await appointment.update(on: db)
                try await audit.record(staff.draft(.update, subject: SubjectReference.participant(enrolment.participantID), purpose: "participant_list",
                                                   resultCount: 1, query: "attendance \(status.rawValue)"), in: db)
            }
            activity.attendanceRegisteredAt = clock.now()
            try await Self.deleteList(activity, now: clock.now(), on: db)
        }
    }

    /// Deletes the list (its enrolments); the appointments in the participants' records stay.
    static func deleteList(_ activity: GroupActivity, now: Date, on db: any Database) async throws {
        try await GroupActivityEnrolment.query(on: db).filter(\.$activityID == activity.requireID()).delete()
        activity.listDeletedAt = now
        try await activity.update(on: db)
    }

    /// The unit's activities from a month back, soonest first.
    func activities(for staff: StaffActor, on db: any Database) async throws -> [GroupActivity] {
        var query = GroupActivity.query(on: db).filter(\.$organisationID == staff.organisationID)
            .filter(\.$startsAt > clock.now().addingTimeInterval(-30 * 86_400))
        if let units = Self.units(of: staff) { query = query.filter(\.$unitID ~~ Array(units)) }
        return try await query.sort(\.$startsAt).range(0..<200).all()
    }
}

extension Application {
    var groupActivities: GroupActivities {
        GroupActivities(records: participantRecords, keyRing: keyRing, audit: auditLog, clock: clock)
    }
}
