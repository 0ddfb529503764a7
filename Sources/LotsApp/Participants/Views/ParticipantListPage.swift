import Foundation

/// The participants a staff member may see: a handledare's caseload, a unit manager's units, or the
/// whole organisation for an administrator.
enum ParticipantListPage {
    struct Model: Sendable {
        var rows: [ParticipantSummary]
        var page: Int
        var hasMore: Bool
        var scope: ParticipantScope
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        let lead: ParticipantText = switch model.scope {
        case .caseload, .none: .leadCaseload
        case .units: .leadUnits
        case .organisation: .leadOrganisation
        }
        return Layout.page(context, title: t(ParticipantText.listTitle), content: .group(
            .h1(.text(t(ParticipantText.listTitle))),
            .p(.class("lead"), .text(t(lead))),
            .p(.a(.href(SiteRoute.participantSearch.path), .text(t(ParticipantText.searchLink))),
               .if(model.scope == .organisation, .group(.text(" · "), .a(.href(SiteRoute.participantNew.path), .data(named: "e2e", value: "register-link"),
                                                                        .text(t(RegistrationText.link)))))),
            .if(model.rows.isEmpty, .p(.class("muted"), .text(t(ParticipantText.empty))), else: ParticipantTable.render(model.rows, context)),
            .nav(
                .class("pager"), .attribute(named: "aria-label", value: t(ParticipantText.listTitle)),
                .if(model.page > 1, .a(.href(SiteRoute.participants.path + "?page=\(model.page - 1)"), .text(t(ParticipantText.previousPage)))),
                .if(model.hasMore, .a(.href(SiteRoute.participants.path + "?page=\(model.page + 1)"), .text(t(ParticipantText.nextPage))))
            )
        ))
    }
}

enum ParticipantTable {
    static func render(_ rows: [ParticipantSummary], _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let headers: [ParticipantText] = [.columnName, .columnCaseNumber, .columnPeriod, .columnUnit, .columnHandledare, .columnToDo]
        return .table(
            .class("table"),
            .caption(.text(t(ParticipantText.listTitle))),
            .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text(t($0))) })),
            .tbody(.forEach(rows) { row in
                .tr(
                    .data(named: "participant", value: row.id.uuidString.lowercased()),
                    .th(.attribute(named: "scope", value: "row"),
                        .a(.href(SiteRoute.participant(.value(row.id)).path), .attribute(named: "translate", value: "no"), .text(row.name)),
                        .if(row.protectedIdentity, .span(.class("badge"), .text(" " + t(ParticipantText.protectedMark))))),
                    .td(.attribute(named: "translate", value: "no"), .text(row.caseNumber)),
                    .td(.attribute(named: "translate", value: "no"), .text("\(row.startsOn) – \(row.endsOn)")),
                    .td(.attribute(named: "translate", value: "no"), .text(row.unitName)),
                    .td(.attribute(named: "translate", value: "no"), .text(row.handledareName ?? "–")),
                    .td(.if(row.warnings.isEmpty, .text("–"), else: .ul(.class("plain-list"), .data(named: "e2e", value: "cadence"),
                                                                       .forEach(row.warnings) { .li(.text(AppointmentsSection.warning($0, t))) })))
                )
            })
        )
    }
}
