import Foundation

/// After BankID: a person with accounts in several organisations chooses which one to work in now.
enum OrganisationChoicePage {
    struct Choice: Sendable {
        var candidate: BankIDLogin.Candidate
        var organisation: String
    }

    struct Model: Sendable {
        var loginID: UUID
        var choices: [Choice]
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(LoginText.chooseTitle), content: .group(
            .h1(.text(t(LoginText.chooseTitle))),
            .p(.class("lead"), .text(t(LoginText.chooseLead))),
            .form(
                .method(.post), .action(SiteRoute.loginBankIDOrganisation(.value(model.loginID)).path),
                Components.csrfField(context.csrfToken),
                .fieldset(
                    .element(named: "legend", nodes: [.text(t(LoginText.chooseLegend))]),
                    .forEach(Array(model.choices.enumerated())) { index, choice in
                        let id = "organisation-\(index)"
                        return .element(named: "div", nodes: [
                            .class("choice"),
                            .input(.type(.radio), .id(id), .name("account"), .value(choice.candidate.description),
                                   .required(true), .checked(index == 0)),
                            .label(.for(id), .span(.attribute(named: "translate", value: "no"), .text(choice.organisation)),
                                   .text(" – " + t(choice.candidate.kind == .participant ? LoginText.asParticipant : LoginText.asStaff))),
                        ])
                    }
                ),
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .data(named: "e2e", value: "choose-organisation"),
                                                     .text(t(LoginText.chooseButton))))
            )
        ))
    }
}
