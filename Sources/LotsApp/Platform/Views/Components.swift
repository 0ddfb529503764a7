import Plot

/// Small pieces many pages share.
enum Components {
    /// The hidden form field `CSRFMiddleware` checks on every state-changing request.
    static func csrfField(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(token))
    }

    /// A one-button form for an action (POST), e.g. sign out or cancel.
    static func actionButton(_ path: String, label: String, token: String, style: String = "button secondary") -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(path), csrfField(token), .button(.type(.submit), .class(style), .text(label)))
    }
}
