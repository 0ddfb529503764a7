import Foundation

/// Setting up or turning off two-step verification with an authenticator app.
enum MemberTwoStepPage {
    struct Setup: Sendable {
        var secret: String
        var qrSVG: String
    }

    struct Model: Sendable {
        var enabled: Bool
        var setup: Setup?
        var outcome: Bool?
    }

    static func codeField(_ t: Texts) -> Node<HTML.FormContext> {
        .group(
            .label(.for("code"), .text(t(MemberText.code))),
            .input(.type(.text), .id("code"), .name("code"), .required(true), .attribute(named: "autocomplete", value: "one-time-code"),
                   .attribute(named: "inputmode", value: "numeric"), .attribute(named: "pattern", value: "[0-9 ]{6,7}")),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(MemberText.codeButton))))
        )
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(MemberText.twoStepTitle), content: .group(
            .h1(.text(t(MemberText.twoStepTitle))),
            .if(model.outcome == true, .p(.class("alert alert-success"), .attribute(named: "role", value: "status"),
                                         .text(t(model.enabled ? MemberText.twoStepEnabled : MemberText.twoStepDisabled)))),
            .if(model.outcome == false, .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(MemberText.codeWrong)))),
            .if(model.enabled, .group(
                .p(.text(t(MemberText.twoStepOn))),
                form(action: "disable", t, context)
            ), else: .unwrap(model.setup) { setup in
                .group(
                    .p(.class("lead"), .text(t(MemberText.twoStepLead))),
                    .div(.class("qr"), .raw(setup.qrSVG)),
                    .p(.text(t(MemberText.twoStepSecret) + " "), .code(.attribute(named: "translate", value: "no"), .text(grouped(setup.secret)))),
                    form(action: "enable", t, context)
                )
            }),
            .p(.a(.href(SiteRoute.memberHome.path), .text(t(MemberText.homeTitle))))
        ))
    }

    private static func form(action: String, _ t: Texts, _ context: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteRoute.memberTwoStep.path), .class("account-form"),
            Components.csrfField(context.csrfToken),
            .input(.type(.hidden), .name("action"), .value(action)),
            codeField(t)
        )
    }

    private static func grouped(_ secret: String) -> String {
        stride(from: 0, to: secret.count, by: 4).map { start in
            let from = secret.index(secret.startIndex, offsetBy: start)
            return String(secret[from..<(secret.index(from, offsetBy: 4, limitedBy: secret.endIndex) ?? secret.endIndex)])
        }.joined(separator: " ")
    }
}
