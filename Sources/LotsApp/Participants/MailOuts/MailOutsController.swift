import Fluent
import Foundation
import Vapor

/// Writing a mail-out to chosen participants of one's caseload, and the participants' opt-out link.
enum MailOutsController {
    @Sendable
    static func index(req: Request) async throws -> HTML {
        let staff = try req.staffActor()
        let sent = try await MailOut.query(on: req.db).filter(\.$organisationID == staff.organisationID).filter(\.$sentBy == staff.accountID)
            .sort(\.$createdAt, .descending).range(0..<50).all()
        let counts = Dictionary(grouping: try await MailOutRecipient.query(on: req.db).filter(\.$mailOutID ~~ sent.map { $0.id! }).all(), by: \.mailOutID)
        let caseload = try await req.application.participantRecords.list(for: staff, page: 1, on: req.db).rows
        let outcome = req.queryValue("sent").flatMap { text -> MailOuts.Result? in
            let numbers = text.split(separator: "-").compactMap { Int($0) }
            guard numbers.count == 3 || numbers.count == 4 else { return nil }
            return .init(queued: numbers[0], optedOut: numbers[1], noAddress: numbers[2], protectedIdentity: numbers.count == 4 ? numbers[3] : 0)
        }
        return MailOutsPage.index(.init(sent: sent.map { ($0, counts[$0.id!]?.count ?? 0) }, caseload: caseload, outcome: outcome,
                                        problem: req.queryValue("problem") != nil), context: req.pageContext)
    }

    @Sendable
    static func send(req: Request) async throws -> Response {
        struct Form: Content {
            var subject: String
            var body: String
            var participant: [UUID]?
        }
        let staff = try req.staffActor()
        guard let form = try? req.content.decode(Form.self) else { return req.redirect(to: SiteRoute.mailOuts.path + "?problem=1") }
        do {
            let result = try await req.application.mailOuts.send(subject: form.subject, body: form.body, to: form.participant ?? [], by: staff,
                                                                 language: req.uiLanguage, on: req.db)
            return req.redirect(to: SiteRoute.mailOuts.path + "?sent=\(result.queued)-\(result.optedOut)-\(result.noAddress)-\(result.protectedIdentity)")
        } catch let problem as MailOuts.Problem {
            if problem == .noAccess { throw Abort(.forbidden) }
            return req.redirect(to: SiteRoute.mailOuts.path + "?problem=1")
        }
    }

    /// Opening the link shows a button; the POST opts out (mail scanners that fetch links change nothing).
    @Sendable
    static func optOutForm(req: Request) async throws -> HTML {
        MailOutsPage.optOut(token: req.parameters.get("token") ?? "", done: nil, context: req.pageContext)
    }

    @Sendable
    static func optOut(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let done = try await req.application.mailOuts.optOut(token: token, on: req.db)
        return try await MailOutsPage.optOut(token: token, done: done, context: req.pageContext).encodeResponse(status: done ? .ok : .notFound, for: req)
    }
}

enum MailOutsPage {
    struct Index: Sendable {
        var sent: [(MailOut, Int)]
        var caseload: [ParticipantSummary]
        var outcome: MailOuts.Result?
        var problem: Bool
    }

    static func index(_ model: Index, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(MailOutText.title), content: .group(
            .h1(.text(t(MailOutText.title))),
            .p(.class("lead"), .text(t(MailOutText.lead))),
            .unwrap(model.outcome) { result in
                .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .data(named: "e2e", value: "mailout-sent"),
                   .text(t(MailOutText.sent, ["queued": String(result.queued), "opted_out": String(result.optedOut), "no_address": String(result.noAddress)])
                         + (result.protectedIdentity > 0 ? " " + t(MailOutText.protectedSkipped, ["count": String(result.protectedIdentity)]) : "")))
            },
            .if(model.problem, .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(MailOutText.problem)))),
            .form(
                .method(.post), .action(SiteRoute.mailOuts.path), .class("account-form"), .data(named: "e2e", value: "mailout-form"),
                Components.csrfField(context.csrfToken),
                .label(.for("subject"), .text(t(MailOutText.subject))),
                .input(.type(.text), .id("subject"), .name("subject"), .required(true), .attribute(named: "maxlength", value: String(MailOuts.maxSubject))),
                .label(.for("body"), .text(t(MailOutText.body)), .span(.class("hint"), .id("body-hint"), .text(t(MailOutText.bodyHint)))),
                .textarea(.id("body"), .name("body"), .required(true), .attribute(named: "rows", value: "8"),
                          .attribute(named: "maxlength", value: String(MailOuts.maxBody)), .attribute(named: "aria-describedby", value: "body-hint")),
                .fieldset(
                    .element(named: "legend", nodes: [.text(t(MailOutText.recipients))]),
                    .forEach(model.caseload) { candidate in
                        let id = "to-" + candidate.id.uuidString.lowercased()
                        return .element(named: "div", nodes: [
                            .class("choice"),
                            .input(.type(.checkbox), .id(id), .name("participant[]"), .value(candidate.id.uuidString.lowercased())),
                            .label(.for(id), .span(.attribute(named: "translate", value: "no"), .text(candidate.name)),
                                   .if(candidate.protectedIdentity, .span(.class("muted"), .text(" – " + t(MailOutText.protectedNotSent))))),
                        ])
                    }
                ),
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(MailOutText.send))))
            ),
            .h2(.text(t(MailOutText.history))),
            .if(model.sent.isEmpty, .p(.class("muted"), .text(t(MailOutText.none))), else: .ul(.class("plain-list"), .forEach(model.sent) { mailOut, count in
                .li(Components.time(mailOut.createdAt ?? Date()), .text(" "), .span(.attribute(named: "translate", value: "no"), .text(mailOut.subject)),
                    .text(" – " + t(MailOutText.recipientCount, ["count": String(count)])))
            }))
        ))
    }

    static func optOut(token: String, done: Bool?, context: PageContext) -> HTML {
        let t = context.texts
        return Layout.page(context, title: t(MailOutText.optOutTitle), content: .group(
            .h1(.text(t(MailOutText.optOutTitle))),
            .unwrap(done, { done in
                done ? .p(.class("alert alert-success"), .attribute(named: "role", value: "status"), .text(t(MailOutText.optedOut)))
                    : .p(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text(t(MailOutText.optOutInvalid)))
            }, else: .form(
                .method(.post), .action(SiteRoute.mailOptOut(.value(token)).path),
                Components.csrfField(context.csrfToken),
                .p(.text(t(MailOutText.optOutLead))),
                .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(MailOutText.optOutButton))))
            ))
        ))
    }

    static func statusText(_ status: MailOutRecipient.Status) -> MailOutText {
        switch status {
        case .queued: .statusQueued
        case .optedOut: .statusOptedOut
        case .noAddress: .statusNoAddress
        case .protectedIdentity: .statusProtected
        }
    }

    /// The profile's sent log.
    static func log(_ profile: ParticipantProfile, _ t: Texts) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .data(named: "e2e", value: "mailout-log"),
            .h2(.text(t(MailOutText.logHeading))),
            .if(profile.mailOptOut, .p(.class("alert alert-info"), .text(t(MailOutText.participantOptedOut)))),
            .if(profile.mailOuts.isEmpty, .p(.class("muted"), .text(t(MailOutText.none))), else: .ul(.class("plain-list"), .forEach(profile.mailOuts) { row in
                .li(Components.time(row.sentAt), .text(" "), .span(.attribute(named: "translate", value: "no"), .text(row.subject)),
                    .text(" – " + t(statusText(row.status))))
            }))
        )
    }
}

enum MailOutText: String, TextKey {
    case nav = "nav.mail_outs"
    case title = "mailouts.title"
    case lead = "mailouts.lead"
    case sent = "mailouts.sent"
    case problem = "mailouts.problem"
    case subject = "mailouts.subject"
    case body = "mailouts.body"
    case bodyHint = "mailouts.body_hint"
    case recipients = "mailouts.recipients"
    case send = "mailouts.send"
    case history = "mailouts.history"
    case none = "mailouts.none"
    case recipientCount = "mailouts.recipient_count"
    case footer = "mailouts.footer"
    case optOutTitle = "mailouts.opt_out_title"
    case optOutLead = "mailouts.opt_out_lead"
    case optOutButton = "mailouts.opt_out_button"
    case optedOut = "mailouts.opted_out"
    case optOutInvalid = "mailouts.opt_out_invalid"
    case statusQueued = "mailouts.status_queued"
    case statusOptedOut = "mailouts.status_opted_out"
    case statusNoAddress = "mailouts.status_no_address"
    case statusProtected = "mailouts.status_protected"
    case protectedSkipped = "mailouts.protected_skipped"
    case protectedNotSent = "mailouts.protected_not_sent"
    case logHeading = "mailouts.log_heading"
    case participantOptedOut = "mailouts.participant_opted_out"
}
