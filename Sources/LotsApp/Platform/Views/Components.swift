import Foundation
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

extension Components {
    /// A moment as people here read it (2026-11-23 09:30, Swedish time, in every UI language), marked up
    /// with its machine-readable form.
    static func time<Context>(_ date: Date, seconds: Bool = false) -> Node<Context> {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "sv_SE")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm"
        return .element(named: "time", nodes: [.attribute(named: "datetime", value: date.formatted(.iso8601)), .text(formatter.string(from: date))])
    }

    /// An `<option>` with its text as content (Plot's own `option` takes attributes only). `isData` marks
    /// user data so it is not mistaken for untranslated UI text.
    static func option(_ value: String, _ label: String, selected: Bool, isData: Bool = false) -> Node<HTML.SelectContext> {
        var nodes: [Node<HTML.SelectContext>] = [.attribute(named: "value", value: value)]
        if selected { nodes.append(.attribute(named: "selected", value: "selected")) }
        if isData { nodes.append(.attribute(named: "translate", value: "no")) }
        nodes.append(.text(label))
        return .element(named: "option", nodes: nodes)
    }
}
