
/// The test provider's sign-in page: pick a fictional person and approve, or deny.
enum OIDCTestProviderPage {
    struct Model: Sendable {
        /// Nil when the request names an unknown client or redirect address: nothing may be sent back then.
        var request: OIDCTestProviderController.AuthorizationRequest?
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(OIDCTestText.title), content: .group(
            .h1(.text(t(OIDCTestText.title))),
            .p(.class("lead"), .text(t(OIDCTestText.lead))),
            .unwrap(model.request, { form($0, context) },
                    else: .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(OIDCTestText.invalidRequest))))
        ))
    }

    private static func hidden(_ name: String, _ value: String?) -> Node<HTML.FormContext> {
        .unwrap(value) { .input(.type(.hidden), .name(name), .value($0)) }
    }

    private static func form(_ request: OIDCTestProviderController.AuthorizationRequest, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let identities = OIDCTestProvider.identities
        return .form(
            .method(.post), .action(SiteRoute.oidcTestProvider(.authorize).path),
            Components.csrfField(context.csrfToken),
            hidden("response_type", request.responseType), hidden("client_id", request.clientID), hidden("redirect_uri", request.redirectURI),
            hidden("scope", request.scope), hidden("state", request.state), hidden("nonce", request.nonce),
            hidden("code_challenge", request.codeChallenge), hidden("code_challenge_method", request.codeChallengeMethod),
            .fieldset(
                .element(named: "legend", nodes: [.text(t(OIDCTestText.chooseIdentity))]),
                .forEach(Array(identities.enumerated())) { index, identity in
                    let id = "identity-\(index)"
                    let verified = identity.emailVerified ? "" : " (" + t(OIDCTestText.unverified) + ")"
                    return .element(named: "div", nodes: [
                        .class("choice"),
                        .input(.type(.radio), .id(id), .name("identity"), .value(String(index)), .checked(index == 0)),
                        .label(.for(id), .attribute(named: "translate", value: "no"), .text("\(identity.name), \(identity.email)\(verified)")),
                    ])
                }
            ),
            .div(.class("form-actions"),
                 .button(.type(.submit), .name("decision"), .value("approve"), .class("button"), .data(named: "e2e", value: "oidc-approve"),
                         .text(t(OIDCTestText.approve))),
                 .button(.type(.submit), .name("decision"), .value("deny"), .class("button secondary"), .text(t(OIDCTestText.deny))))
        )
    }
}

enum OIDCTestText: String, TextKey {
    case title = "oidctest.title"
    case lead = "oidctest.lead"
    case chooseIdentity = "oidctest.choose_identity"
    case unverified = "oidctest.unverified"
    case approve = "oidctest.approve"
    case deny = "oidctest.deny"
    case invalidRequest = "oidctest.invalid_request"
}
