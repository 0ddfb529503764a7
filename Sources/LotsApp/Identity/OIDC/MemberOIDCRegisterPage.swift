import Foundation

/// A newcomer who signed in with a provider chooses a username and checks what the provider said.
enum MemberOIDCRegisterPage {
    struct Model: Sendable {
        var organisation: String
        var provider: String
        var form: MemberOIDCController.RegistrationForm
        var problems: [MemberAccounts.Problem]
        var checkMail: Bool
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        let form = model.form
        return Layout.page(context, title: t(MemberText.oidcRegisterTitle), content: .group(
            .h1(.text(t(MemberText.oidcRegisterTitle))),
            .if(model.checkMail, .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .text(t(MemberText.oidcCheckMail))),
                else: .group(
                    .p(.class("lead"), .text(t(MemberText.oidcRegisterLead, ["provider": model.provider, "organisation": model.organisation]))),
                    .if(!model.problems.isEmpty, .div(
                        .class("alert alert-error"), .attribute(named: "role", value: "alert"),
                        .h2(.text(t(MemberText.errorHeading))),
                        .ul(.forEach(model.problems) { .li(.text(t(MemberText($0)))) })
                    )),
                    .form(
                        .method(.post), .action(SiteRoute.memberOIDCRegister.path), .class("account-form"),
                        Components.csrfField(context.csrfToken),
                        MemberRegisterPage.field("username", t(MemberText.username), value: form.username, autocomplete: "username",
                                                 hint: t(MemberText.usernameHint)),
                        MemberRegisterPage.field("givenName", t(MemberText.givenName), value: form.givenName, autocomplete: "given-name"),
                        MemberRegisterPage.field("familyName", t(MemberText.familyName), value: form.familyName, autocomplete: "family-name"),
                        MemberRegisterPage.field("email", t(MemberText.email), value: form.email, autocomplete: "email", type: .email),
                        MemberRegisterPage.field("memberOrganisation", t(MemberText.memberOrganisation), value: form.memberOrganisation,
                                                 autocomplete: "organization", required: false),
                        .p(.a(.href(SiteRoute.privacy.path), .text(t(MemberText.noticeLink)))),
                        .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(MemberText.oidcRegisterButton))))
                    )
                ))
        ))
    }

    /// "Sign in with …" links for the providers an organisation offers, for the login and registration pages.
    static func providerLinks(_ providers: [(id: String, name: String)], slug: String, context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .if(!providers.isEmpty, .section(
            .class("sign-in-services"),
            .p(.text(t(MemberText.oidcOr))),
            .ul(.class("button-list"), .forEach(providers) { provider in
                .li(.a(.class("button secondary"), .href(SiteRoute.memberOIDCStart(.value(slug), .value(provider.id)).path),
                       .data(named: "e2e", value: "oidc-" + provider.id),
                       .text(t(MemberText.oidcSignIn, ["provider": provider.name]))))
            })
        ))
    }
}
