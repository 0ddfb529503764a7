import Foundation

enum DevMailboxPage {
    struct Summary: Sendable {
        var id: UUID
        var sender: String
        var recipient: String
        var subject: String
        var textBody: String
        var receivedAt: Date

        init(_ message: DevMailboxMessage) {
            id = message.id ?? UUID()
            sender = message.sender
            recipient = message.recipient
            subject = message.subject
            textBody = message.textBody
            receivedAt = message.receivedAt
        }
    }

    static func index(_ messages: [Summary], context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(MailboxText.title), content: .group(
            .h1(.text(t(MailboxText.title))),
            .p(.text(t(MailboxText.lead))),
            .if(messages.isEmpty, .p(.class("muted"), .text(t(MailboxText.empty))), else: .table(
                .class("table"),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), .text(t(MailboxText.columnReceived))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(MailboxText.columnRecipient))),
                    .th(.attribute(named: "scope", value: "col"), .text(t(MailboxText.columnSubject)))
                )),
                .tbody(.forEach(messages) { message in
                    .tr(
                        .td(Components.time(message.receivedAt)),
                        .td(.attribute(named: "translate", value: "no"), .text(message.recipient)),
                        .td(.attribute(named: "translate", value: "no"),
                            .a(.href(SiteRoute.devMailboxMessage(.value(message.id)).path), .text(message.subject)))
                    )
                })
            ))
        ))
    }

    static func message(_ message: Summary, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(MailboxText.title), content: .group(
            .p(.a(.href(SiteRoute.devMailbox.path), .text(t(MailboxText.back)))),
            .h1(.attribute(named: "translate", value: "no"), .text(message.subject)),
            .dl(
                .class("facts"),
                .dt(.text(t(MailboxText.from))), .dd(.attribute(named: "translate", value: "no"), .text(message.sender)),
                .dt(.text(t(MailboxText.to))), .dd(.attribute(named: "translate", value: "no"), .text(message.recipient)),
                .dt(.text(t(MailboxText.received))), .dd(Components.time(message.receivedAt))
            ),
            .pre(.class("mail-body"), .attribute(named: "translate", value: "no"), .text(message.textBody))
        ))
    }

}
