import Foundation
import Plot

/// A member's own page: the data held about them and their organisation's current privacy notice.
enum MemberHomePage {
    struct Model: Sendable {
        var username: String
        var name: String
        var email: String
        var memberOrganisation: String?
        var organisation: String
        var notice: PrivacyNotices.Notice?
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(MemberText.homeTitle), content: .group(
            .h1(.text(t(MemberText.homeTitle))),
            .p(.class("lead"), .text(t(MemberText.homeLead, ["organisation": model.organisation]))),
            .section(
                .class("card"),
                .dl(
                    .class("facts"),
                    .dt(.text(t(MemberText.username))), .dd(.attribute(named: "translate", value: "no"), .text(model.username)),
                    .dt(.text(t(MemberText.givenName) + " / " + t(MemberText.familyName))), .dd(.attribute(named: "translate", value: "no"), .text(model.name)),
                    .dt(.text(t(MemberText.email))), .dd(.attribute(named: "translate", value: "no"), .text(model.email)),
                    .dt(.text(t(MemberText.memberOrganisation))), .dd(.attribute(named: "translate", value: "no"), .text(model.memberOrganisation ?? "–"))
                )
            ),
            .p(.a(.href(SiteRoute.memberTwoStep.path), .text(t(MemberText.twoStepLink)))),
            .unwrap(model.notice) { PrivacyNoticePage.notice($0, t) }
        ))
    }
}
