import Foundation

/// The profile's meetings and activities: cadence warnings, the list with attendance, forms to book and
/// to register attendance (for those who may document the participant).
enum AppointmentsSection {
    static func render(_ profile: ParticipantProfile, outcome: String?, context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let message: (AppointmentText, Bool)? = switch outcome {
        case "booked": (.booked, true)
        case "registered": (.registered, true)
        case "problem_duration": (.problemDuration, false)
        case "problem_too_long": (.problemTooLong, false)
        case "problem_reason": (.problemReason, false)
        case "problem_minutes": (.problemMinutes, false)
        case "problem_not_yet": (.problemNotYet, false)
        case "problem_invalid": (.problemInvalid, false)
        default: nil
        }
        return .section(
            .id("appointments"), .class("card"),
            .h2(.text(t(AppointmentText.heading))),
            .unwrap(message) { text, success in
                .p(.class(success ? "alert alert-success" : "alert alert-error"), .attribute(named: "role", value: success ? "status" : "alert"),
                   .text(t(text)))
            },
            .if(!profile.warnings.isEmpty, .ul(.class("alert alert-warning"), .data(named: "e2e", value: "cadence-warnings"),
                                               .forEach(profile.warnings) { .li(.text(warning($0, t))) })),
            .if(profile.appointments.isEmpty, .p(.class("muted"), .text(t(AppointmentText.none))), else: table(profile, context)),
            .if(profile.mayDocument, bookingForm(profile.id, context))
        )
    }

    static func warning(_ warning: MeetingCadence.Warning, _ t: Texts) -> String {
        switch warning {
        case .individualMeetingDue(let days): t(AppointmentText.warningIndividual, ["days": String(days)])
        case .physicalMeetingDue(let days): t(AppointmentText.warningPhysical, ["days": String(days)])
        }
    }

    static func kindText(_ kind: AppointmentKind) -> AppointmentText {
        switch kind {
        case .individualMeeting: .kindIndividual
        case .activity: .kindActivity
        }
    }

    static func modeText(_ mode: MeetingMode) -> AppointmentText {
        switch mode {
        case .physical: .modePhysical
        case .video: .modeVideo
        case .phone: .modePhone
        }
    }

    static func statusText(_ status: AttendanceStatus) -> AppointmentText {
        switch status {
        case .planned: .statusPlanned
        case .attended: .statusAttended
        case .absent: .statusAbsent
        case .partly: .statusPartly
        }
    }

    static func reasonText(_ reason: AbsenceReason) -> AppointmentText {
        switch reason {
        case .sick: .reasonSick
        case .work: .reasonWork
        case .careOfChild: .reasonCareOfChild
        case .education: .reasonEducation
        case .unknown: .reasonUnknown
        case .otherKnown: .reasonOtherKnown
        case .declinedActivity: .reasonDeclinedActivity
        case .declinedJob: .reasonDeclinedJob
        }
    }

    private static func table(_ profile: ParticipantProfile, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let headers: [AppointmentText] = [.columnWhen, .columnKind, .columnTitle, .columnAttendance]
        return .table(
            .class("table"),
            .caption(.text(t(AppointmentText.heading))),
            .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text(t($0))) })),
            .tbody(.forEach(profile.appointments) { row in
                .tr(
                    .data(named: "appointment", value: row.id.uuidString.lowercased()),
                    .th(.attribute(named: "scope", value: "row"), Components.time(row.startsAt),
                        .text(" (" + t(AppointmentText.minutes, ["minutes": String(row.durationMinutes)]) + ")")),
                    .td(.text(t(kindText(row.kind)) + ", " + t(modeText(row.mode)))),
                    .td(.attribute(named: "translate", value: "no"), .text(row.title ?? "–")),
                    .td(
                        .text(t(statusText(row.status))),
                        .unwrap(row.reason) { .text(" – " + t(reasonText($0))) },
                        .unwrap(row.minutesMissed) { .text(" (" + t(AppointmentText.minutesMissed, ["minutes": String($0)]) + ")") },
                        .if(row.isDeviation, .span(.class("badge"), .data(named: "e2e", value: "deviation"), .text(" " + t(AppointmentText.deviation)))),
                        .unwrap(row.note) { .p(.class("muted"), .attribute(named: "translate", value: "no"), .text($0)) },
                        .if(row.awaitingAttendance && profile.mayDocument, attendanceForm(profile.id, row, context))
                    )
                )
            })
        )
    }

    private static func attendanceForm(_ participantID: UUID, _ row: AppointmentRow, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let suffix = row.id.uuidString.prefix(8).lowercased()
        return .form(
            .method(.post), .action(SiteRoute.participantAttendance(.value(participantID), .value(row.id)).path), .class("stacked-form"),
            .data(named: "e2e", value: "attendance-form"),
            Components.csrfField(context.csrfToken),
            .label(.for("status-\(suffix)"), .text(t(AppointmentText.columnAttendance))),
            .select(.id("status-\(suffix)"), .attribute(named: "name", value: "status"),
                    .forEach([AttendanceStatus.attended, .absent, .partly]) { Components.option($0.rawValue, t(statusText($0)), selected: $0 == .attended) }),
            .label(.for("reason-\(suffix)"), .text(t(AppointmentText.reason)), .span(.class("hint"), .text(t(AppointmentText.reasonHint)))),
            .select(.id("reason-\(suffix)"), .attribute(named: "name", value: "reason"),
                    Components.option("", "–", selected: true),
                    .forEach(AbsenceReason.allCases) { Components.option($0.rawValue, t(reasonText($0)), selected: false) }),
            .label(.for("minutes-\(suffix)"), .text(t(AppointmentText.minutesMissedLabel))),
            .input(.type(.number), .id("minutes-\(suffix)"), .name("minutesMissed"), .attribute(named: "min", value: "1"),
                   .attribute(named: "max", value: String(row.durationMinutes))),
            .label(.for("note-\(suffix)"), .text(t(AppointmentText.note))),
            .input(.type(.text), .id("note-\(suffix)"), .name("note"), .attribute(named: "maxlength", value: String(AppointmentBook.maxNote))),
            .button(.type(.submit), .class("button"), .text(t(AppointmentText.registerButton)))
        )
    }

    private static func bookingForm(_ participantID: UUID, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .form(
            .method(.post), .action(SiteRoute.participantAppointments(.value(participantID)).path), .class("account-form"),
            .data(named: "e2e", value: "booking-form"),
            Components.csrfField(context.csrfToken),
            .h3(.text(t(AppointmentText.bookHeading))),
            .label(.for("kind"), .text(t(AppointmentText.columnKind))),
            .select(.id("kind"), .attribute(named: "name", value: "kind"),
                    .forEach(AppointmentKind.allCases) { Components.option($0.rawValue, t(kindText($0)), selected: $0 == .individualMeeting) }),
            .label(.for("mode"), .text(t(AppointmentText.mode))),
            .select(.id("mode"), .attribute(named: "name", value: "mode"),
                    .forEach(MeetingMode.allCases) { Components.option($0.rawValue, t(modeText($0)), selected: $0 == .physical) }),
            .label(.for("startsAt"), .text(t(AppointmentText.startsAt))),
            .input(.type(.datetimeLocal), .id("startsAt"), .name("startsAt"), .required(true)),
            .label(.for("durationMinutes"), .text(t(AppointmentText.duration))),
            .input(.type(.number), .id("durationMinutes"), .name("durationMinutes"), .value("60"), .attribute(named: "min", value: "5"),
                   .attribute(named: "max", value: "600"), .required(true)),
            .label(.for("title"), .text(t(AppointmentText.columnTitle))),
            .input(.type(.text), .id("title"), .name("title"), .attribute(named: "maxlength", value: String(AppointmentBook.maxTitle))),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(AppointmentText.bookButton))))
        )
    }
}

enum AppointmentText: String, TextKey {
    case heading = "appointments.heading"
    case none = "appointments.none"
    case booked = "appointments.booked"
    case registered = "appointments.registered"
    case problemDuration = "appointments.problem_duration"
    case problemTooLong = "appointments.problem_too_long"
    case problemReason = "appointments.problem_reason"
    case problemMinutes = "appointments.problem_minutes"
    case problemNotYet = "appointments.problem_not_yet"
    case problemInvalid = "appointments.problem_invalid"
    case warningIndividual = "appointments.warning_individual"
    case warningPhysical = "appointments.warning_physical"
    case kindIndividual = "appointments.kind_individual"
    case kindActivity = "appointments.kind_activity"
    case modePhysical = "appointments.mode_physical"
    case modeVideo = "appointments.mode_video"
    case modePhone = "appointments.mode_phone"
    case statusPlanned = "appointments.status_planned"
    case statusAttended = "appointments.status_attended"
    case statusAbsent = "appointments.status_absent"
    case statusPartly = "appointments.status_partly"
    case reasonSick = "appointments.reason_sick"
    case reasonWork = "appointments.reason_work"
    case reasonCareOfChild = "appointments.reason_care_of_child"
    case reasonEducation = "appointments.reason_education"
    case reasonUnknown = "appointments.reason_unknown"
    case reasonOtherKnown = "appointments.reason_other_known"
    case reasonDeclinedActivity = "appointments.reason_declined_activity"
    case reasonDeclinedJob = "appointments.reason_declined_job"
    case columnWhen = "appointments.column_when"
    case columnKind = "appointments.column_kind"
    case columnTitle = "appointments.column_title"
    case columnAttendance = "appointments.column_attendance"
    case minutes = "appointments.minutes"
    case minutesMissed = "appointments.minutes_missed"
    case minutesMissedLabel = "appointments.minutes_missed_label"
    case deviation = "appointments.deviation"
    case reason = "appointments.reason"
    case reasonHint = "appointments.reason_hint"
    case note = "appointments.note"
    case registerButton = "appointments.register_button"
    case bookHeading = "appointments.book_heading"
    case mode = "appointments.mode"
    case startsAt = "appointments.starts_at"
    case duration = "appointments.duration"
    case bookButton = "appointments.book_button"
}
