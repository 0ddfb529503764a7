import Foundation

enum PrivacyNoticePage {
    static func render(_ organisations: [OrganisationSummary], notices: [UUID: PrivacyNotices.Notice] = [:], context: PageContext) -> HTML {
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
                    ),
                    .unwrap(notices[organisation.id], { notice($0, t) }, else: .p(.class("muted"), .text(t(NoticeText.publicNone))))
                )
            },
            .h2(.text(t(PrivacyText.rightsHeading))),
            .p(.text(t(PrivacyText.rightsText)))
        ))
    }

    static func notice(_ notice: PrivacyNotices.Notice, _ t: Texts) -> Node<HTML.BodyContext> {
        .group(
            .h3(.text(t(NoticeText.processingHeading))),
            .p(.class("muted"), .text(t(NoticeText.publicVersion, ["version": String(notice.version)]) + " "), Components.time(notice.publishedAt)),
            .forEach(notice.introduction.components(separatedBy: "\n\n").filter { !$0.isEmpty }) {
                .p(.attribute(named: "translate", value: "no"), .text($0))
            },
            ActivityRecordPage.table(notice.rows, t, linkDetails: false)
        )
    }

    private static func fact(_ label: String, _ value: String) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(.attribute(named: "translate", value: "no"), .text(value)))
    }
}
