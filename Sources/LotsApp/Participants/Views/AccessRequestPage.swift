import Foundation

/// A handledare asks to open a colleague's participant: they state why, and get access for a few hours.
/// The page itself shows nothing about the participant.
enum AccessRequestPage {
    struct Model: Sendable {
        var participantID: UUID
        var reason: AccessReason?
        var explanation: String
        var error: Bool
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(ParticipantText.accessTitle), content: .group(
            .h1(.text(t(ParticipantText.accessTitle))),
            .p(.class("lead"), .text(t(ParticipantText.accessLead, ["hours": String(Int(ParticipantRecords.grantDuration / 3600))]))),
            .if(model.error, .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(ParticipantText.accessError)))),
            .form(
                .method(.post), .action(SiteRoute.participantAccess(.value(model.participantID)).path), .class("account-form"),
                Components.csrfField(context.csrfToken),
                .element(named: "fieldset", nodes: [
                    .legend(.text(t(ParticipantText.accessReason))),
                    .forEach(AccessReason.allCases) { reason in
                        .div(
                            .class("choice"),
                            .input(.type(.radio), .id("reason-\(reason.rawValue)"), .name("reason"), .value(reason.rawValue),
                                   .required(true), .checked(model.reason == reason)),
                            .label(.for("reason-\(reason.rawValue)"), .text(t(ParticipantText(reason))))
                        )
                    },
                ]),
                .label(.for("explanation"), .text(t(ParticipantText.accessExplanation)),
                       .span(.class("hint"), .id("explanation-hint"), .text(t(ParticipantText.accessExplanationHint)))),
                .textarea(.id("explanation"), .name("explanation"), .attribute(named: "maxlength", value: "1000"),
                          .attribute(named: "aria-describedby", value: "explanation-hint"), .text(model.explanation)),
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(ParticipantText.accessSubmit))))
            )
        ))
    }
}
