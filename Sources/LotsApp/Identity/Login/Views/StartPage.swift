import Plot

/// Where staff land after signing in: who they are, where, and what each of their roles is for.
enum StartPage {
    struct Model: Sendable {
        var displayName: String
        var organisationName: String
        var roles: [(role: StaffRole, unit: String?)]
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(StartText.title), content: .group(
            .h1(.text(t(StartText.greeting, ["name": model.displayName]))),
            .p(.class("lead"), .text(t(StartText.organisation, ["organisation": model.organisationName]))),
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
