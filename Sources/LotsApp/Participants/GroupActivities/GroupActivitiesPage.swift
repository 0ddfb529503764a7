import Foundation

enum GroupActivitiesPage {
    struct Index: Sendable {
        var activities: [GroupActivity]
        var units: [(id: UUID, name: String)]
    }

    struct Show: Sendable {
        var activity: GroupActivity
        var rows: [GroupActivities.ListRow]
        var candidates: [ParticipantSummary]
        var now: Date
    }

    static func kindText(_ kind: GroupActivity.Kind) -> GroupActivityText {
        switch kind {
        case .workshop: .kindWorkshop
        case .studyVisit: .kindStudyVisit
        case .recruitmentEvent: .kindRecruitmentEvent
        }
    }

    static func index(_ model: Index, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(GroupActivityText.title), content: .group(
            .h1(.text(t(GroupActivityText.title))),
            .p(.class("lead"), .text(t(GroupActivityText.lead))),
            .if(model.activities.isEmpty, .p(.class("muted"), .text(t(GroupActivityText.none))), else: .ul(
                .class("plain-list"), .data(named: "e2e", value: "activities"),
                .forEach(model.activities) { activity in
                    .li(Components.time(activity.startsAt), .text(" "),
                        .a(.href(SiteRoute.groupActivity(.value(activity.id!)).path), .attribute(named: "translate", value: "no"), .text(activity.title)),
                        .text(" – " + t(kindText(activity.kind))))
                })),
            .form(
                .method(.post), .action(SiteRoute.groupActivities.path), .class("account-form"), .data(named: "e2e", value: "activity-form"),
                Components.csrfField(context.csrfToken),
                .h2(.text(t(GroupActivityText.createHeading))),
                .label(.for("kind"), .text(t(GroupActivityText.kind))),
                .select(.id("kind"), .attribute(named: "name", value: "kind"),
                        .forEach(GroupActivity.Kind.allCases) { Components.option($0.rawValue, t(kindText($0)), selected: $0 == .workshop) }),
                .label(.for("title"), .text(t(GroupActivityText.activityTitle))),
                .input(.type(.text), .id("title"), .name("title"), .required(true), .attribute(named: "maxlength", value: "200")),
                .label(.for("unit"), .text(t(ImportText.unit))),
                .select(.id("unit"), .attribute(named: "name", value: "unit"),
                        .forEach(Array(model.units.enumerated())) { index, unit in
                            Components.option(unit.id.uuidString.lowercased(), unit.name, selected: index == 0, isData: true)
                        }),
                .label(.for("startsAt"), .text(t(AppointmentText.startsAt))),
                .input(.type(.datetimeLocal), .id("startsAt"), .name("startsAt"), .required(true)),
                .label(.for("durationMinutes"), .text(t(AppointmentText.duration))),
                .input(.type(.number), .id("durationMinutes"), .name("durationMinutes"), .value("120"), .attribute(named: "min", value: "5"),
                       .attribute(named: "max", value: "600"), .required(true)),
                .label(.for("location"), .text(t(GroupActivityText.location))),
                .input(.type(.text), .id("location"), .name("location"), .attribute(named: "maxlength", value: "200")),
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(GroupActivityText.createButton))))
            )
        ))
    }

    static func show(_ model: Show, context: PageContext) -> HTML {
        let t = context.texts
        let activity = model.activity
        let id = activity.id!
        return Layout.page(context, title: activity.title, content: .group(
            .h1(.span(.attribute(named: "translate", value: "no"), .text(activity.title))),
            .p(.class("lead"), .text(t(kindText(activity.kind)) + " – "), Components.time(activity.startsAt),
               .unwrap(activity.location) { .span(.attribute(named: "translate", value: "no"), .text(" – " + $0)) }),
            .if(activity.listDeletedAt != nil, .p(.class("alert alert-info"), .attribute(named: "role", value: "status"),
                                                  .data(named: "e2e", value: "list-deleted"), .text(t(GroupActivityText.listDeleted))),
                else: .group(
                    .p(.text(t(GroupActivityText.listLead, ["days": String(GroupActivity.listKeptDays)]))),
                    .p(.a(.href(SiteRoute.groupActivityList(.value(id)).path), .data(named: "e2e", value: "printable"),
                          .text(t(GroupActivityText.printable)))),
                    attendanceForm(model, context),
                    enrolForm(model, context)
                )),
            .p(.a(.href(SiteRoute.groupActivities.path), .text(t(GroupActivityText.back))))
        ))
    }

    private static func attendanceForm(_ model: Show, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        guard !model.rows.isEmpty else { return .p(.class("muted"), .text(t(GroupActivityText.nobody))) }
        let held = model.activity.startsAt <= model.now
        return .form(
            .method(.post), .action(SiteRoute.groupActivityAttendance(.value(model.activity.id!)).path), .data(named: "e2e", value: "list-attendance"),
            Components.csrfField(context.csrfToken),
            .table(
                .class("table"),
                .caption(.text(t(GroupActivityText.listCaption))),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), .text(t(GroupActivityText.firstName))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(ParticipantText.columnCaseNumber))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(AppointmentText.columnAttendance))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(AppointmentText.reason)))
                )),
                .tbody(.forEach(model.rows) { row in
                    let key = row.enrolmentID.uuidString.lowercased()
                    return .tr(
                        .th(.attribute(named: "scope", value: "row"), .attribute(named: "translate", value: "no"), .text(row.firstName)),
                        .td(.attribute(named: "translate", value: "no"), .text(row.caseNumber)),
                        .td(.select(.attribute(named: "name", value: "status-" + key), .attribute(named: "aria-label", value: t(AppointmentText.columnAttendance) + " " + row.firstName),
                                    .forEach([AttendanceStatus.attended, .absent]) { Components.option($0.rawValue, t(AppointmentsSection.statusText($0)), selected: $0 == .attended) })),
                        .td(.select(.attribute(named: "name", value: "reason-" + key), .attribute(named: "aria-label", value: t(AppointmentText.reason) + " " + row.firstName),
                                    Components.option("", "–", selected: true),
                                    .forEach(AbsenceReason.allCases) { Components.option($0.rawValue, t(AppointmentsSection.reasonText($0)), selected: false) }))
                    )
                })
            ),
            .if(held, .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(GroupActivityText.registerButton)))),
                else: .p(.class("muted"), .text(t(AppointmentText.problemNotYet))))
        )
    }

    private static func enrolForm(_ model: Show, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        guard !model.candidates.isEmpty else { return .empty }
        return .form(
            .method(.post), .action(SiteRoute.groupActivityEnrolments(.value(model.activity.id!)).path), .class("account-form"),
            .data(named: "e2e", value: "enrol-form"),
            Components.csrfField(context.csrfToken),
            .fieldset(
                .element(named: "legend", nodes: [.text(t(GroupActivityText.enrolLegend))]),
                .forEach(model.candidates) { candidate in
                    let id = "enrol-" + candidate.id.uuidString.lowercased()
                    return .element(named: "div", nodes: [
                        .class("choice"),
                        .input(.type(.checkbox), .id(id), .name("participant[]"), .value(candidate.id.uuidString.lowercased())),
                        .label(.for(id), .attribute(named: "translate", value: "no"), .text(candidate.name)),
                    ])
                }
            ),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(GroupActivityText.enrolButton))))
        )
    }

    /// The printable list: first name and case number, nothing else.
    static func printable(_ activity: GroupActivity, rows: [GroupActivities.ListRow], context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: activity.title, content: .group(
            .h1(.span(.attribute(named: "translate", value: "no"), .text(activity.title)), .text(" – " + t(GroupActivityText.listCaption))),
            .p(Components.time(activity.startsAt), .unwrap(activity.location) { .span(.attribute(named: "translate", value: "no"), .text(" – " + $0)) }),
            .if(activity.listDeletedAt != nil, .p(.class("alert alert-info"), .text(t(GroupActivityText.listDeleted))), else: .table(
                .class("table print-list"),
                .caption(.text(t(GroupActivityText.listCaption))),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), .text(t(GroupActivityText.firstName))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(ParticipantText.columnCaseNumber))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(GroupActivityText.signature)))
                )),
                .tbody(.forEach(rows) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"), .attribute(named: "translate", value: "no"), .text(row.firstName)),
                        .td(.attribute(named: "translate", value: "no"), .text(row.caseNumber)),
                        .td(.text("")))
                })
            ))
        ))
    }
}

enum GroupActivityText: String, TextKey {
    case nav = "nav.group_activities"
    case title = "groupactivities.title"
    case lead = "groupactivities.lead"
    case none = "groupactivities.none"
    case createHeading = "groupactivities.create_heading"
    case kind = "groupactivities.kind"
    case kindWorkshop = "groupactivities.kind_workshop"
    case kindStudyVisit = "groupactivities.kind_study_visit"
    case kindRecruitmentEvent = "groupactivities.kind_recruitment_event"
    case activityTitle = "groupactivities.activity_title"
    case location = "groupactivities.location"
    case createButton = "groupactivities.create_button"
    case listDeleted = "groupactivities.list_deleted"
    case listLead = "groupactivities.list_lead"
    case printable = "groupactivities.printable"
    case nobody = "groupactivities.nobody"
    case listCaption = "groupactivities.list_caption"
    case firstName = "groupactivities.first_name"
    case registerButton = "groupactivities.register_button"
    case enrolLegend = "groupactivities.enrol_legend"
    case enrolButton = "groupactivities.enrol_button"
    case signature = "groupactivities.signature"
    case back = "groupactivities.back"
}
