import Foundation

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
        var hasPassword = true
        /// Every sign-in service the organisation offers, and whether the member has connected it.
        var services: [(id: String, name: String, linked: Bool)] = []
        var oidcOutcome: String? = nil
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
            .unwrap(MemberText(oidcOutcome: model.oidcOutcome)) { message in
                message.isOIDCSuccess ? .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .text(t(message)))
                    : .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(message)))
            },
            .p(.a(.href(SiteRoute.memberTwoStep.path), .text(t(MemberText.twoStepLink)))),
            services(model, context),
            .unwrap(model.notice) { PrivacyNoticePage.notice($0, t) },
            deleteForm(model, context)
        ))
    }

    private static func services(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .if(!model.services.isEmpty, .section(
            .class("card"),
            .h2(.text(t(MemberText.oidcServicesHeading))),
            .p(.text(t(MemberText.oidcServicesLead))),
            .ul(.class("plain-list"), .forEach(model.services) { service in
                .li(
                    .span(.attribute(named: "translate", value: "no"), .text(service.name)),
                    .if(service.linked, .group(
                        .text(" – " + t(MemberText.oidcLinkedState) + " "),
                        .form(.method(.post), .action(SiteRoute.memberOIDCUnlink(.value(service.id)).path), .class("inline-form"),
                              Components.csrfField(context.csrfToken),
                              .button(.type(.submit), .class("button secondary"), .text(t(MemberText.oidcUnlinkButton, ["provider": service.name]))))
                    ), else: .group(
                        .text(" "),
                        .a(.class("button secondary"), .href(SiteRoute.memberOIDCLink(.value(service.id)).path),
                           .text(t(MemberText.oidcLinkButton, ["provider": service.name])))
                    ))
                )
            })
        ))
    }

    private static func deleteForm(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .section(
            .class("card"),
            .h2(.text(t(MemberText.deleteHeading))),
            .p(.text(t(model.hasPassword ? MemberText.deleteLead : MemberText.deleteLeadNoPassword))),
            .if(model.deleteRefused, .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(MemberText.deleteRefused)))),
            .form(
                .method(.post), .action(SiteRoute.memberDelete.path), .class("account-form"),
                Components.csrfField(context.csrfToken),
                .if(model.hasPassword,
                    MemberRegisterPage.field("delete-password", t(MemberText.password), value: "", autocomplete: "current-password", type: .password,
                                             name: "password"),
                    else: .div(.class("choice"),
                               .input(.type(.checkbox), .id("delete-confirm"), .name("confirm"), .value("yes"), .required(true)),
                               .label(.for("delete-confirm"), .text(t(MemberText.deleteConfirm))))),
                .div(.class("form-actions"), .button(.type(.submit), .class("button danger"), .text(t(MemberText.deleteButton))))
            )
        )
    }
}
