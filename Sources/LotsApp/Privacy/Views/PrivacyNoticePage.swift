import Plot

enum PrivacyNoticePage {
    static func render(_ organisations: [OrganisationSummary], context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(PrivacyText.title), content: .group(
            .h1(.text(t(PrivacyText.title))),
            .p(.class("lead"), .text(t(PrivacyText.lead))),
            .if(organisations.isEmpty, .p(.text(t(PrivacyText.noOrganisations)))),
            .forEach(organisations) { organisation in
                .section(
                    .class("card"),
                    .h2(.attribute(named: "translate", value: "no"), .text(organisation.name)),
                    .h3(.text(t(PrivacyText.controllerHeading))),
                    .dl(
                        .class("facts"),
                        fact(t(PrivacyText.organisationNumber), organisation.organisationNumber),
                        fact(t(PrivacyText.address), organisation.postalAddress),
                        fact(t(PrivacyText.email), organisation.contactEmail),
                        fact(t(PrivacyText.phone), organisation.contactPhone),
                        fact(t(PrivacyText.dpo), organisation.dpoContact),
                        fact(t(PrivacyText.authority), organisation.supervisoryAuthority)
                    )
                )
            },
            .h2(.text(t(PrivacyText.rightsHeading))),
            .p(.text(t(PrivacyText.rightsText)))
        ))
    }

    private static func fact(_ label: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(.attribute(named: "translate", value: "no"), .text(value)))
    }
}
