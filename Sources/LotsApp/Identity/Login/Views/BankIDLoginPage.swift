import Foundation

/// The page shown while BankID works: the animated QR code, the same-device link and the state.
enum BankIDLoginPage {
    struct Model: Sendable {
        var loginID: UUID
        var outcome: BankIDLoginService.Outcome
        var qrSVG: String?
        var autoStartURL: String
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        let failed: Bool = switch model.outcome {
        case .failed, .noAccount: true
        case .pending, .signedIn, .chooseOrganisation: false
        }
        return Layout.page(
            context, title: t(BankIDText.title),
            // Without JavaScript the page reloads itself; with it, the script refreshes code and state in place.
            head: failed ? [] : [
                .raw("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>"),
                .script(.src("/js/bankid-login.js"), .attribute(named: "defer")),
            ],
            content: .div(
                .class("bankid-login"),
                .data(named: "status-url", value: SiteRoute.loginBankIDStatus(.value(model.loginID)).path),
                .h1(.text(t(BankIDText.title))),
                .p(.id("bankid-message"), .class(failed ? "alert alert-error" : "alert alert-info"),
                   .attribute(named: "role", value: "status"), .attribute(named: "aria-live", value: "polite"),
                   .text(t(BankIDText.message(for: model.outcome)))),
                .if(failed,
                    .p(.a(.class("button"), .href(SiteRoute.login.path), .text(t(BankIDText.tryAgain)))),
                    else: .group(
                        .div(.id("bankid-qr"), .class("qr"), .raw(model.qrSVG ?? "")),
                        .p(.text(t(BankIDText.qrInstructions))),
                        .p(.a(.class("button"), .href(model.autoStartURL), .data(named: "e2e", value: "bankid-autostart"),
                              .text(t(BankIDText.sameDevice)))),
                        .noscript(.p(.a(.href(SiteRoute.loginBankID(.value(model.loginID)).path), .text(t(BankIDText.refresh))))),
                        Components.actionButton(SiteRoute.loginBankIDCancel(.value(model.loginID)).path, label: t(BankIDText.cancel),
                                                token: context.csrfToken)
                    ))
            )
        )
    }
}
