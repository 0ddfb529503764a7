
enum BankIDTestAppPage {
    enum Notice: Sendable { case notFound, approved, cancelled }

    struct Model: Sendable {
        var orderRef: String?
        var identities: [BankIDTestOrders.Identity]
        var notice: Notice?
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(BankIDAppText.title), content: .group(
            .h1(.text(t(BankIDAppText.title))),
            .p(.class("lead"), .text(t(BankIDAppText.lead))),
            .unwrap(model.notice) { notice in
                switch notice {
                case .notFound: .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(BankIDAppText.notFound)))
                case .approved: .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .text(t(BankIDAppText.approved)))
                case .cancelled: .p(.class("alert alert-info"), .attribute(named: "role", value: "status"), .text(t(BankIDAppText.cancelled)))
                }
            },
            .unwrap(model.orderRef, { orderRef in chooser(orderRef, model.identities, context) }, else: scanForm(context))
        ))
    }

    private static func scanForm(_ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .form(
            .method(.post), .action(SiteRoute.bankIDTestAppAction(.scan).path),
            Components.csrfField(context.csrfToken),
            .label(.for("qr"), .text(t(BankIDAppText.scanLabel)), .span(.class("hint"), .id("qr-hint"), .text(t(BankIDAppText.scanHint)))),
            .input(.type(.text), .id("qr"), .name("qr"), .required(true), .autocomplete(false),
                   .attribute(named: "aria-describedby", value: "qr-hint")),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(BankIDAppText.scanButton))))
        )
    }

    private static func choice(_ index: Int, _ identity: BankIDTestOrders.Identity) -> Node<HTML.FormContext> {
        let id = "identity-\(index)"
        let number = "\(identity.personalNumber.prefix(8))-\(identity.personalNumber.suffix(4))"
        let radio: Node<HTML.FormContext> = .input(.type(.radio), .id(id), .name("identity"), .value(String(index)), .required(true),
                                                   .checked(index == 0))
        let label: Node<HTML.FormContext> = .label(.for(id), .attribute(named: "translate", value: "no"), .text("\(identity.name), \(number)"))
        return .element(named: "div", nodes: [.class("choice"), radio, label])
    }

    private static func chooser(_ orderRef: String, _ identities: [BankIDTestOrders.Identity], _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .group(
            .form(
                .method(.post), .action(SiteRoute.bankIDTestAppAction(.approve).path),
                Components.csrfField(context.csrfToken),
                .input(.type(.hidden), .name("orderRef"), .value(orderRef)),
                .fieldset(
                    .element(named: "legend", nodes: [.text(t(BankIDAppText.chooseIdentity))]),
                    .forEach(Array(identities.enumerated())) { index, identity in choice(index, identity) }
                ),
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .data(named: "e2e", value: "bankid-approve"),
                                                     .text(t(BankIDAppText.approve))))
            ),
            .form(
                .method(.post), .action(SiteRoute.bankIDTestAppAction(.cancel).path),
                Components.csrfField(context.csrfToken),
                .input(.type(.hidden), .name("orderRef"), .value(orderRef)),
                .button(.type(.submit), .class("button secondary"), .text(t(BankIDAppText.cancel)))
            )
        )
    }
}
