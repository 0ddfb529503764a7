
enum LoginPage {
    static func render(cancelled: Bool, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(LoginText.title), content: .group(
            .h1(.text(t(LoginText.title))),
            .if(cancelled, .p(.class("alert alert-info"), .attribute(named: "role", value: "status"), .text(t(BankIDText.cancelled)))),
            .p(.class("lead"), .text(t(LoginText.lead))),
            .form(
                .method(.post), .action(SiteRoute.loginBankIDStart.path),
                Components.csrfField(context.csrfToken),
                .button(.type(.submit), .class("button"), .data(named: "e2e", value: "bankid-start"), .text(t(LoginText.bankIDButton)))
            ),
            .p(.class("muted"), .text(t(LoginText.staffOnly)))
        ))
    }
}
