
enum HomePage {
    struct Model: Sendable {
        var demoOrganisations: [DemoDirectory.Organisation]
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(HomeText.title), content: .group(
            .h1(.text(t(HomeText.title))),
            .p(.class("lead"), .text(t(HomeText.lead))),
            .div(
                .class("cards"),
                card(t(HomeText.caseManagementHeading), t(HomeText.caseManagementText)),
                card(t(HomeText.partnershipHeading), t(HomeText.partnershipText)),
                card(t(HomeText.privacyHeading), t(HomeText.privacyText))
            ),
            .if(!model.demoOrganisations.isEmpty, demoSection(model.demoOrganisations, t))
        ))
    }

    private static func card(_ heading: String, _ text: String) -> Node<HTML.BodyContext> {
        .section(.class("card"), .h2(.text(heading)), .p(.text(text)))
    }

    private static func demoSection(_ organisations: [DemoDirectory.Organisation], _ t: Texts) -> Node<HTML.BodyContext> {
        .section(
            .class("demo-directory"),
            .h2(.text(t(HomeText.demoHeading))),
            .p(.text(t(HomeText.demoText))),
            .forEach(organisations) { organisation in
                .table(
                    .class("table"),
                    .caption(.text(t(HomeText.demoStaffCaption, ["organisation": organisation.name]))),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(t(HomeText.columnName))),
                               .th(.attribute(named: "scope", value: "col"), .text(t(HomeText.columnRoles))))),
                    .tbody(.forEach(organisation.staff) { member in
                        .tr(
                            .td(.attribute(named: "translate", value: "no"), .text(member.name)),
                            .td(.forEach(Array(member.roles.enumerated())) { index, role in
                                .group(
                                    .if(index > 0, .text(", ")),
                                    .text(t(RoleText(role.role)) + " ("),
                                    .unwrap(role.unit, { .span(.attribute(named: "translate", value: "no"), .text($0)) },
                                            else: .text(t(HomeText.wholeOrganisation))),
                                    .text(")")
                                )
                            })
                        )
                    })
                )
            }
        )
    }
}
