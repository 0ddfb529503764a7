import Foundation
import Plot

/// A participant's registration details and placements, with the ground on which the staff sees them.
enum ParticipantProfilePage {
    static func render(_ profile: ParticipantProfile, accessLog: [AuditReview.Row]? = nil, appointmentOutcome: String? = nil,
                       documentOutcome: String? = nil, journalOutcome: String? = nil, planOutcome: String? = nil, context: PageContext) -> HTML {
        let t = context.texts
        let name = profile.givenName + " " + profile.familyName
        let scripts: [Node<HTML.HeadContext>] = profile.mayDocument ? [.script(.src("/js/journal-autosave.js"), .attribute(named: "defer"))] : []
        return Layout.page(context, title: t(ParticipantText.profileHeading), head: scripts, content: .group(
            .h1(.span(.attribute(named: "translate", value: "no"), .text(name))),
            basis(profile.basis, context),
            .if(profile.protectedIdentity, .p(.class("alert alert-warning"), .text(t(ParticipantText.protectedIdentity)))),
            .section(
                .class("card"),
                .h2(.text(t(ParticipantText.profileHeading))),
                .dl(
                    .class("facts"),
                    fact(t(ParticipantText.personalNumber), profile.personalNumber, t),
                    .unwrap(profile.contact) { contact in
                        .group(fact(t(ParticipantText.phone), contact.phone, t), fact(t(ParticipantText.email), contact.email, t),
                               fact(t(ParticipantText.address), contact.address, t))
                    },
                    fact(t(ParticipantText.gender), profile.gender, t),
                    fact(t(ParticipantText.education), profile.education, t),
                    fact(t(ParticipantText.workExperience), profile.workExperience, t),
                    fact(t(ParticipantText.interpreterLanguage), profile.interpreterLanguage, t)
                )
            ),
            .h2(.text(t(ParticipantText.placementsHeading))),
            placements(profile.placements, t),
            PlanSection.render(profile, outcome: planOutcome, context: context),
            JournalSection.render(profile, outcome: journalOutcome, context: context),
            AppointmentsSection.render(profile, outcome: appointmentOutcome, context: context),
            DocumentsSection.render(profile, outcome: documentOutcome, context: context),
            MailOutsPage.log(profile, t),
            .unwrap(accessLog) { log(Array($0.prefix(100)), t) }
        ))
    }

    private static func log(_ rows: [AuditReview.Row], _ t: Texts) -> Node<HTML.BodyContext> {
        let headers: [ParticipantText] = [.accessLogTime, .accessLogWho, .accessLogAction, .accessLogPurpose]
        return .section(
            .h2(.text(t(ParticipantText.accessLogHeading))),
            .p(.class("muted"), .text(t(ParticipantText.accessLogLead))),
            .table(
                .class("table"), .data(named: "e2e", value: "access-log"),
                .caption(.text(t(ParticipantText.accessLogHeading))),
                .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text(t($0))) })),
                .tbody(.forEach(rows) { row in
                    .tr(
                        .td(Components.time(row.occurredAt)),
                        .td(.attribute(named: "translate", value: "no"), .text((row.actorName ?? "–") + (row.actorRole.map { " (\($0))" } ?? ""))),
                        .td(.attribute(named: "translate", value: "no"), .text(row.action)),
                        .td(.attribute(named: "translate", value: "no"), .text(row.purpose ?? "–"))
                    )
                })
            )
        )
    }

    private static func basis(_ basis: AccessBasis, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        switch basis {
        case .ownCaseload: return .p(.class("muted"), .text(t(ParticipantText.basisOwn)))
        case .unitFollowUp: return .p(.class("muted"), .text(t(ParticipantText.basisUnit)))
        case .placementAdministration: return .p(.class("muted"), .text(t(ParticipantText.basisAdministration)))
        case .ownData: return .empty
        case .colleagueGrant(let reason, let expiresAt):
            return .p(.class("alert alert-warning"), .attribute(named: "role", value: "status"),
                      .text(t(ParticipantText.basisColleague, ["reason": t(ParticipantText(reason))]) + " "), Components.time(expiresAt))
        }
    }

    static func placements(_ rows: [ParticipantProfile.PlacementRow], _ t: Texts) -> Node<HTML.BodyContext> {
        let headers: [ParticipantText] = [.columnCaseNumber, .referenceNumber, .level, .columnPeriod, .columnUnit, .columnHandledare]
        return .table(
            .class("table"),
            .caption(.text(t(ParticipantText.placementsHeading))),
            .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text(t($0))) })),
            .tbody(.forEach(rows) { row in
                .tr(
                    .th(.attribute(named: "scope", value: "row"), .attribute(named: "translate", value: "no"), .text(row.caseNumber)),
                    .td(.attribute(named: "translate", value: "no"), .text(row.referenceNumber ?? "–")),
                    .td(.attribute(named: "translate", value: "no"), .text(row.level)),
                    .td(.span(.attribute(named: "translate", value: "no"), .text("\(row.startsOn) – \(row.endsOn)")),
                        .unwrap(row.endedOn) { .span(.class("muted"), .text(" " + t(ParticipantText.ended, ["date": $0]))) }),
                    .td(.attribute(named: "translate", value: "no"), .text(row.unitName)),
                    .td(.attribute(named: "translate", value: "no"), .text(row.handledareName ?? "–"))
                )
            })
        )
    }

    static func fact(_ label: String, _ value: String?, _ t: Texts) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .unwrap(value, { .dd(.attribute(named: "translate", value: "no"), .text($0)) },
                                          else: .dd(.class("muted"), .text(t(ParticipantText.notRecorded)))))
    }
}
