
/// Where staff land after signing in: who they are, where, and what each of their roles is for.
enum StartPage {
    struct Model: Sendable {
        var displayName: String
        var organisationName: String
        var roles: [(role: StaffRole, unit: String?)]
        var agenda: Agenda? = nil
    }

    private static func agenda(_ agenda: Agenda, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        func list(_ items: [Agenda.Item], _ name: String) -> Node<HTML.BodyContext> {
            .ul(.class("plain-list"), .data(named: "e2e", value: name), .forEach(items) { item in
                .li(Components.time(item.startsAt), .text(" "),
                    .a(.href(SiteRoute.participant(.value(item.participantID)).path + "#appointments"), .attribute(named: "translate", value: "no"),
                       .text(item.name)),
                    .text(" – " + t(AppointmentsSection.kindText(item.kind)) + ", " + t(AppointmentsSection.modeText(item.mode))),
                    .unwrap(item.title) { .span(.attribute(named: "translate", value: "no"), .text(" – " + $0)) })
            })
        }
        return .div(
            .class("cards"),
            .section(.class("card"), .h2(.text(t(StartText.todayHeading))),
                     .if(agenda.today.isEmpty, .p(.class("muted"), .text(t(StartText.todayNone))), else: list(agenda.today, "agenda-today"))),
            .section(.class("card"), .h2(.text(t(StartText.overdueHeading))),
                     .if(agenda.overdue.isEmpty, .p(.class("muted"), .text(t(StartText.overdueNone))), else: list(agenda.overdue, "agenda-overdue")))
        )
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(StartText.title), content: .group(
            .h1(.text(t(StartText.greeting, ["name": model.displayName]))),
            .p(.class("lead"), .text(t(StartText.organisation, ["organisation": model.organisationName]))),
            .unwrap(model.agenda) { agenda($0, context) },
            .h2(.text(t(StartText.yourRoles))),
            .div(
                .class("cards"),
                .forEach(Array(model.roles.enumerated())) { _, grant in
                    .section(
                        .class("card"), .data(named: "role", value: grant.role.rawValue),
                        .h3(.text(t(RoleText(grant.role)) + " ("), .unwrap(grant.unit, { .span(.attribute(named: "translate", value: "no"), .text($0)) },
                                                                          else: .text(t(StartText.wholeOrganisation))), .text(")")),
                        .p(.text(t(StartText(describing: grant.role))))
                    )
                }
            ),
            .p(.class("muted"), .text(t(StartText.sessionInfo))),
            Components.actionButton(SiteRoute.logoutEverywhere.path, label: t(LoginText.logoutEverywhere), token: context.csrfToken)
        ))
    }
}
