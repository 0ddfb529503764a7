import Foundation

/// A participant's registration details and placements, with the ground on which the staff sees them.
enum ParticipantProfilePage {
    /// What the page shows besides the profile: the outcome of the last change (`?plan=saved`...), the access
    /// log for a unit manager, the protection section for an administrator, and the opening of protected details.
    struct Extras: Sendable {
        /// Section name → outcome, from the query string of the redirect after a change.
        var outcomes: [String: String] = [:]
        var accessLog: [AuditReview.Row]? = nil
        var protection: ProtectedIdentity.Administration? = nil
        /// The reader is named for this protected participant and may open the contact details with a reason.
        var mayOpenContact = false
        /// The last opening was refused for want of a reason.
        var contactReasonMissing = false

        static let sections = ["appointment", "document", "journal", "plan", "cv", "protection", "registered"]
    }

    static func render(_ profile: ParticipantProfile, extras: Extras = .init(), context: PageContext) -> HTML {
        let t = context.texts
        let name = profile.givenName + " " + profile.familyName
        let scripts: [Node<HTML.HeadContext>] = profile.mayDocument ? [.script(.src("/js/journal-autosave.js"), .attribute(named: "defer"))] : []
        return Layout.page(context, title: t(ParticipantText.profileHeading), head: scripts, content: .group(
            .h1(.span(.attribute(named: "translate", value: "no"), .text(name))),
            basis(profile.basis, context),
            .unwrap(extras.outcomes["registered"].flatMap { ["new": RegistrationText.registeredNew, "extension": .registeredExtension][$0] }) {
                .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .data(named: "e2e", value: "registered"), .text(t($0)))
            },
            ProtectionSection.notice(profile, extras: extras, context: context),
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
            .if(AFDetailsLink.shown(profile), .p(.a(.href(SiteRoute.participantAFDetails(.value(profile.id)).path), .data(named: "e2e", value: "af-details-link"),
                                                    .text(t(FormText.afLink))))),
            PlanSection.render(profile, outcome: extras.outcomes["plan"], context: context),
            JournalSection.render(profile, outcome: extras.outcomes["journal"], context: context),
            AppointmentsSection.render(profile, outcome: extras.outcomes["appointment"], context: context),
            DocumentsSection.render(profile, outcome: extras.outcomes["document"], context: context),
            CVPage.section(profile, outcome: extras.outcomes["cv"], context: context),
            MailOutsPage.log(profile, t),
            .unwrap(extras.protection) { ProtectionSection.administration(profile, $0, outcome: extras.outcomes["protection"], context: context) },
            .unwrap(extras.accessLog) { log(Array($0.prefix(100)), t) }
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
