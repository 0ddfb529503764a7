import Foundation

/// The second step of a member's sign-in: the code from their authenticator app.
enum MemberCodePage {
    struct Model: Sendable {
        var slug: String
        var outcome: MemberTwoStep.Answer?

        var isWrong: Bool { if case .wrong = outcome { true } else { false } }
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(MemberText.codeTitle), content: .group(
            .h1(.text(t(MemberText.codeTitle))),
            .p(.class("lead"), .text(t(MemberText.codeLead))),
            .if(model.isWrong, .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(MemberText.codeWrong)))),
            .if(model.outcome == .expired, .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(MemberText.codeExpired)))),
            .if(model.outcome != .expired, .form(
                .method(.post), .action(SiteRoute.memberLoginCode(.value(model.slug)).path), .class("account-form"),
                Components.csrfField(context.csrfToken),
                MemberTwoStepPage.codeField(t)
            )),
            .p(.a(.href(SiteRoute.memberLogin(.value(model.slug)).path), .text(t(MemberText.loginLink))))
        ))
    }
}
