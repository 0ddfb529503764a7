import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// Booking a participant's meetings and activities and registering attendance: only by a handledare
/// whose caseload holds the participant (or who was granted access with a reason), each change audited.
struct AppointmentBook: Sendable {
    var records: ParticipantRecords
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock

    static let maxTitle = 200
    static let maxNote = 2000

    struct Booking: Sendable {
        var kind: AppointmentKind
        var mode: MeetingMode
        var startsAt: Date
        var durationMinutes: Int
        var title: String?
    }

    struct Attendance: Sendable {
        var status: AttendanceStatus
        var reason: AbsenceReason?
        var minutesMissed: Int?
        var note: String?
    }

    enum Problem: Error, Equatable, Sendable {
        case noAccess
        case notFound
        case invalidDuration
        case tooLong
        /// Absence and partial attendance need AF's reason code.
        case reasonMissing
        /// Partial attendance needs the minutes missed (1 to the meeting's length).
        case minutesInvalid
        /// Attendance is registered when the meeting has started, not before.
        case notYetHeld
    }

    func book(_ booking: Booking, participantID: UUID, by staff: StaffActor, on database: any Database) async throws -> UUID {
        guard (5...600).contains(booking.durationMinutes) else { throw Problem.invalidDuration }
        let title = booking.title?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (title?.count ?? 0) <= Self.maxTitle else { throw Problem.tooLong }
        let (_, basis) = try await records.documenting(participantID, by: staff, on: database, notFound: Problem.notFound, noAccess: Problem.noAccess)
        return try await database.transaction { db in
            let key = try await keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: db)
            let appointment = Appointment()
            let id = UUID()
            appointment.id = id
            appointment.organisationID = staff.organisationID
            appointment.participantID = participantID
            appointment.bookedBy = staff.accountID
            appointment.kind = booking.kind
            appointment.mode = booking.mode
            appointment.startsAt = booking.startsAt
            appointment.durationMinutes = booking.durationMinutes
            appointment.title = try SealedRow(key: key, table: Appointment.schema, rowID: id).seal(title.flatMap { $0.isEmpty ? nil : $0 }, "title")
            appointment.status = .planned
            try await appointment.create(on: db)
            try await audit.record(staff.draft(.create, subject: SubjectReference.participant(participantID), purpose: basis.purpose, resultCount: 1,
                                               query: "appointment \(booking.kind.rawValue)"), in: db)
            return id
        }
    }

    func register(_ attendance: Attendance, appointmentID: UUID, participantID: UUID, by staff: StaffActor, on database: any Database) async throws {
        let (_, basis) = try await records.documenting(participantID, by: staff, on: database, notFound: Problem.notFound, noAccess: Problem.noAccess)
        guard let appointment = try await Appointment.find(appointmentID, on: database), appointment.participantID == participantID else {
            throw Problem.notFound
        }
        guard appointment.startsAt <= clock.now() else { throw Problem.notYetHeld }
        let note = attendance.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (note?.count ?? 0) <= Self.maxNote else { throw Problem.tooLong }
        switch attendance.status {
        case .planned: throw Problem.reasonMissing
        case .attended: break
        case .absent: guard attendance.reason != nil else { throw Problem.reasonMissing }
        case .partly:
            guard attendance.reason != nil else { throw Problem.reasonMissing }
            guard let minutes = attendance.minutesMissed, (1...appointment.durationMinutes).contains(minutes) else { throw Problem.minutesInvalid }
        }
        try await database.transaction { db in
            let key = try await keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: db)
            let row = SealedRow(key: key, table: Appointment.schema, rowID: appointmentID)
            appointment.status = attendance.status
            appointment.absenceReason = try row.seal(attendance.status == .attended ? nil : attendance.reason?.rawValue, "absence_reason")
            appointment.minutesMissed = attendance.status == .partly ? attendance.minutesMissed : nil
            appointment.note = try row.seal(note.flatMap { $0.isEmpty ? nil : $0 }, "note")
            appointment.registeredBy = staff.accountID
            appointment.registeredAt = clock.now()
            try await appointment.update(on: db)
            // The status is recorded; the reason is not (it may be health data).
            try await audit.record(staff.draft(.update, subject: SubjectReference.participant(participantID), purpose: basis.purpose, resultCount: 1,
                                               query: "attendance \(attendance.status.rawValue)"), in: db)
        }
    }

    /// A participant's appointments for their profile, newest first, opened with their key.
    static func rows(_ appointments: [Appointment], key: SymmetricKey, now: Date) throws -> [AppointmentRow] {
        try appointments.sorted { $0.startsAt > $1.startsAt }.map { appointment in
            let row = SealedRow(key: key, table: Appointment.schema, rowID: try appointment.requireID())
            let reason = try row.open(appointment.absenceReason, "absence_reason").flatMap(AbsenceReason.init(rawValue:))
            return AppointmentRow(
                id: try appointment.requireID(), kind: appointment.kind, mode: appointment.mode, startsAt: appointment.startsAt,
                durationMinutes: appointment.durationMinutes, title: try row.open(appointment.title, "title"), status: appointment.status,
                reason: reason, minutesMissed: appointment.minutesMissed, note: try row.open(appointment.note, "note"),
                awaitingAttendance: appointment.status == .planned && appointment.startsAt <= now)
        }
    }
}

/// One appointment as the profile shows it.
struct AppointmentRow: Sendable, Equatable {
    var id: UUID
    var kind: AppointmentKind
    var mode: MeetingMode
    var startsAt: Date
    var durationMinutes: Int
    var title: String?
    var status: AttendanceStatus
    var reason: AbsenceReason?
    var minutesMissed: Int?
    var note: String?
    /// Held (or started) but no attendance registered yet.
    var awaitingAttendance: Bool

    /// AF wants a deviation report: absent, or late / early by more than 15 minutes.
    var isDeviation: Bool {
        status == .absent || (status == .partly && (minutesMissed ?? 0) > MeetingCadence.deviationMinutes)
    }
}

extension Application {
    var appointmentBook: AppointmentBook {
        AppointmentBook(records: participantRecords, keyRing: keyRing, audit: auditLog, clock: clock)
    }
}
