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
        var deleteRefused = false
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
            .unwrap(model.notice) { PrivacyNoticePage.notice($0, t) },
            deleteForm(model, context)
        ))
    }

    private static func deleteForm(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .section(
            .class("card"),
            .h2(.text(t(MemberText.deleteHeading))),
            .p(.text(t(MemberText.deleteLead))),
            .if(model.deleteRefused, .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(MemberText.deleteRefused)))),
            .form(
                .method(.post), .action(SiteRoute.memberDelete.path), .class("account-form"),
                Components.csrfField(context.csrfToken),
                MemberRegisterPage.field("delete-password", t(MemberText.password), value: "", autocomplete: "current-password", type: .password,
                                         name: "password"),
                .div(.class("form-actions"), .button(.type(.submit), .class("button danger"), .text(t(MemberText.deleteButton))))
            )
        )
    }
}
