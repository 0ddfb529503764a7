import Foundation

enum MemberVerifyPage {
    struct Model: Sendable {
        var slug: String
        var token: String
        /// nil before the person confirms.
        var outcome: Bool?
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(MemberText.verifyTitle), content: .group(
            .h1(.text(t(MemberText.verifyTitle))),
            .unwrap(model.outcome, { verified in
                .group(
                    .p(.class(verified ? "alert alert-success" : "alert alert-error"), .attribute(named: "role", value: verified ? "status" : "alert"),
                       .text(t(verified ? MemberText.verified : MemberText.verifyFailed))),
                    .p(.a(.href(SiteRoute.memberLogin(.value(model.slug)).path), .text(t(MemberText.loginLink))))
                )
            }, else: .group(
                .p(.class("lead"), .text(t(MemberText.verifyLead))),
                .form(.method(.post), .action(SiteRoute.memberVerify(.value(model.slug), .value(model.token)).path),
                      Components.csrfField(context.csrfToken),
                      .button(.type(.submit), .class("button"), .text(t(MemberText.verifyButton))))
            ))
        ))
    }
}
