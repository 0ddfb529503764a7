import Foundation

enum MemberLoginPage {
    struct Model: Sendable {
        var organisation: String
        var slug: String
        var username: String
        var outcome: MemberAccounts.SignIn?
        var deleted = false
        /// The sign-in services the organisation offers.
        var providers: [(id: String, name: String)] = []
        /// The outcome of a sign-in with a provider (`?oidc=…`).
        var oidcOutcome: String? = nil
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        let message: MemberText? = switch model.outcome {
        case .invalid: .loginInvalid
        case .locked: .loginLocked
        case .unverified: .loginUnverified
        case .signedIn, .needsCode, nil: nil
        }
        return Layout.page(context, title: t(MemberText.loginTitle), content: .group(
            .h1(.text(t(MemberText.loginTitle))),
            .p(.class("lead"), .span(.attribute(named: "translate", value: "no"), .text(model.organisation))),
            .unwrap(message ?? MemberText(oidcOutcome: model.oidcOutcome)) {
                .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t($0)))
            },
            .if(model.deleted, .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .text(t(MemberText.deleted)))),
            .form(
                .method(.post), .action(SiteRoute.memberLogin(.value(model.slug)).path), .class("account-form"),
                Components.csrfField(context.csrfToken),
                MemberRegisterPage.field("username", t(MemberText.username), value: model.username, autocomplete: "username"),
                MemberRegisterPage.field("password", t(MemberText.password), value: "", autocomplete: "current-password", type: .password),
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(MemberText.loginButton))))
            ),
            MemberOIDCRegisterPage.providerLinks(model.providers, slug: model.slug, context: context),
            .p(.a(.href(SiteRoute.memberRegister(.value(model.slug)).path), .text(t(MemberText.registerLink))))
        ))
    }
}
