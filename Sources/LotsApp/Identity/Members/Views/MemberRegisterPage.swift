import Foundation

enum MemberRegisterPage {
    struct Model: Sendable {
        var organisation: String
        var slug: String
        var form: MemberController.RegistrationForm
        var problems: [MemberAccounts.Problem]
        var done: Bool
        var providers: [(id: String, name: String)] = []
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(MemberText.registerTitle), content: .group(
            .h1(.text(t(MemberText.registerTitle))),
            .p(.class("lead"), .text(t(MemberText.registerLead, ["organisation": model.organisation]))),
            .if(model.done, .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .text(t(MemberText.registered))),
                else: .group(
                    .if(!model.problems.isEmpty, .div(
                        .class("alert alert-error"), .attribute(named: "role", value: "alert"),
                        .h2(.text(t(MemberText.errorHeading))),
                        .ul(.forEach(model.problems) { .li(.text(t(MemberText($0)))) })
                    )),
                    form(model, context),
                    MemberOIDCRegisterPage.providerLinks(model.providers, slug: model.slug, context: context)
                )),
            .p(.a(.href(SiteRoute.memberLogin(.value(model.slug)).path), .text(t(MemberText.loginLink))))
        ))
    }

    private static func form(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let form = model.form
        return .form(
            .method(.post), .action(SiteRoute.memberRegister(.value(model.slug)).path), .class("account-form"),
            Components.csrfField(context.csrfToken),
            field("username", t(MemberText.username), value: form.username, autocomplete: "username", hint: t(MemberText.usernameHint)),
            field("givenName", t(MemberText.givenName), value: form.givenName, autocomplete: "given-name"),
            field("familyName", t(MemberText.familyName), value: form.familyName, autocomplete: "family-name"),
            field("email", t(MemberText.email), value: form.email, autocomplete: "email", type: .email),
            field("memberOrganisation", t(MemberText.memberOrganisation), value: form.memberOrganisation, autocomplete: "organization", required: false),
            field("password", t(MemberText.password), value: "", autocomplete: "new-password", type: .password, hint: t(MemberText.passwordHint)),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(MemberText.registerButton))))
        )
    }

    static func field(_ id: String, _ label: String, value: String, autocomplete: String, type: Markup.InputType = .text,
                      hint: String? = nil, required: Bool = true, name: String? = nil) -> Node<HTML.FormContext> {
        .group(
            .label(.for(id), .text(label), .unwrap(hint) { .span(.class("hint"), .id("\(id)-hint"), .text($0)) }),
            .input(.type(type), .id(id), .name(name ?? id), .value(value), .required(required), .attribute(named: "autocomplete", value: autocomplete),
                   .unwrap(hint) { _ in .attribute(named: "aria-describedby", value: "\(id)-hint") })
        )
    }
}
