import Foundation
import Vapor

/// Writing journal entries from the profile; drafts are saved by the form's button and, with JavaScript,
/// automatically while typing.
enum JournalController {
    struct Form: Content {
        var entryID: String?
        var kind: String
        var channel: String?
        var occurredAt: String?
        var durationMinutes: String?
        var body: String?
        var sensitive: String?
        var action: String?
    }

    struct Saved: Content { var entryID: UUID }

    @Sendable
    static func save(req: Request) async throws -> Response {
        guard let session = req.signedIn, let participantID = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        let back = SiteRoute.participant(.value(participantID)).path + "?journal="
        // The autosave script asks for JSON; a browser's form post (which also accepts "*/*") gets the page.
        let wantsJSON = LotsErrorMiddleware.wantsJSON(req)
        guard let form = try? req.content.decode(Form.self), let kind = JournalEntry.Kind(rawValue: form.kind) else {
            if wantsJSON { throw Abort(.unprocessableEntity) }
            return req.redirect(to: back + "problem_invalid")
        }
        let publish = form.action == "publish"
        let entry = Journal.Entry(
            kind: kind, channel: form.channel.flatMap(JournalEntry.Channel.init(rawValue:)),
            occurredAt: form.occurredAt.flatMap(AppointmentsController.parseLocal) ?? req.clock.now(),
            durationMinutes: form.durationMinutes.flatMap { Int($0) }, body: form.body ?? "", sensitive: form.sensitive == "yes")
        do {
            let id = try await req.application.journal.save(entry, entryID: form.entryID.flatMap(UUID.init(uuidString:)), publish: publish,
                                                            participantID: participantID, by: StaffActor(session), on: req.db)
            if wantsJSON { return try await Saved(entryID: id).encodeResponse(for: req) }
            return req.redirect(to: back + (publish ? "published" : "saved"))
        } catch let problem as Journal.Problem {
            switch problem {
            case .notFound: throw Abort(.notFound)
            case .noAccess: throw Abort(.forbidden)
            case .empty: return req.redirect(to: back + "problem_empty")
            case .tooLong: return req.redirect(to: back + "problem_too_long")
            case .contactDetails: return req.redirect(to: back + "problem_contact")
            }
        }
    }
}

enum JournalSection {
    static func render(_ profile: ParticipantProfile, outcome: String?, context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let message: (JournalText, Bool)? = switch outcome {
        case "saved": (.saved, true)
        case "published": (.published, true)
        case "problem_empty": (.problemEmpty, false)
        case "problem_too_long": (.problemTooLong, false)
        case "problem_contact": (.problemContact, false)
        case "problem_invalid": (.problemContact, false)
        default: nil
        }
        return .section(
            .class("card"), .data(named: "e2e", value: "journal"),
            .h2(.text(t(JournalText.heading))),
            .unwrap(message) { text, success in
                .p(.class(success ? "alert alert-success" : "alert alert-error"), .attribute(named: "role", value: success ? "status" : "alert"), .text(t(text)))
            },
            .if(profile.mayDocument, form(profile, context)),
            .if(profile.journal.isEmpty, .p(.class("muted"), .text(t(JournalText.none))), else: .ul(
                .class("plain-list journal"),
                .forEach(profile.journal) { entry in
                    .li(
                        .data(named: "entry", value: entry.id.uuidString.lowercased()),
                        .p(Components.time(entry.occurredAt),
                           .text(" – " + t(entry.kind == .note ? JournalText.kindNote : JournalText.kindContact)),
                           .unwrap(entry.channel) { .text(", " + t(channelText($0))) },
                           .unwrap(entry.durationMinutes) { .text(", " + t(AppointmentText.minutes, ["minutes": String($0)])) },
                           .text(" – "), .span(.attribute(named: "translate", value: "no"), .text(entry.author)),
                           .if(entry.sensitive, .span(.class("badge"), .text(" " + t(JournalText.sensitiveBadge))))),
                        .unwrap(entry.body, { .p(.attribute(named: "translate", value: "no"), .class("journal-body"), .text($0)) },
                                else: .p(.class("muted"), .text(t(JournalText.hidden))))
                    )
                }))
        )
    }

    static func channelText(_ channel: JournalEntry.Channel) -> JournalText {
        switch channel {
        case .email: .channelEmail
        case .video: .channelVideo
        case .phone: .channelPhone
        case .sms: .channelSMS
        case .physical: .channelPhysical
        }
    }

    private static func form(_ profile: ParticipantProfile, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let draft = profile.journalDraft
        return .form(
            .method(.post), .action(SiteRoute.participantJournal(.value(profile.id)).path), .class("account-form"),
            .data(named: "e2e", value: "journal-form"), .data(named: "autosave", value: "true"),
            .data(named: "saved-text", value: t(JournalText.autosaved)),
            Components.csrfField(context.csrfToken),
            .input(.type(.hidden), .name("entryID"), .value(draft?.id.uuidString.lowercased() ?? "")),
            .if(draft != nil, .p(.class("alert alert-info"), .text(t(JournalText.draftRestored)))),
            .label(.for("journal-kind"), .text(t(JournalText.kind))),
            .select(.id("journal-kind"), .attribute(named: "name", value: "kind"),
                    .forEach(JournalEntry.Kind.allCases) { kind in
                        Components.option(kind.rawValue, t(kind == .note ? JournalText.kindNote : JournalText.kindContact),
                                          selected: kind == (draft?.kind ?? .note))
                    }),
            .label(.for("journal-channel"), .text(t(JournalText.channel)), .span(.class("hint"), .text(t(JournalText.channelHint)))),
            .select(.id("journal-channel"), .attribute(named: "name", value: "channel"),
                    Components.option("", "–", selected: draft?.channel == nil),
                    .forEach(JournalEntry.Channel.allCases) { Components.option($0.rawValue, t(channelText($0)), selected: $0 == draft?.channel) }),
            .label(.for("journal-when"), .text(t(AppointmentText.startsAt))),
            .input(.type(.datetimeLocal), .id("journal-when"), .name("occurredAt")),
            .label(.for("journal-minutes"), .text(t(AppointmentText.duration))),
            .input(.type(.number), .id("journal-minutes"), .name("durationMinutes"), .attribute(named: "min", value: "1"),
                   .attribute(named: "max", value: "600"), .value(draft?.durationMinutes.map(String.init) ?? "")),
            .label(.for("journal-body"), .text(t(JournalText.body))),
            .textarea(.id("journal-body"), .name("body"), .attribute(named: "rows", value: "8"),
                      .attribute(named: "maxlength", value: String(Journal.maxBody)), .text(draft?.body ?? "")),
            .div(.class("choice"),
                 .input(.type(.checkbox), .id("journal-sensitive"), .name("sensitive"), .value("yes"), .checked(draft?.sensitive ?? false)),
                 .label(.for("journal-sensitive"), .text(t(JournalText.sensitive)))),
            .p(.class("muted"), .id("journal-autosave-status"), .attribute(named: "aria-live", value: "polite")),
            .div(.class("form-actions"),
                 .button(.type(.submit), .name("action"), .value("draft"), .class("button secondary"), .text(t(JournalText.saveDraft))),
                 .button(.type(.submit), .name("action"), .value("publish"), .class("button"), .data(named: "e2e", value: "journal-publish"),
                         .text(t(JournalText.publish))))
        )
    }
}

enum JournalText: String, TextKey {
    case heading = "journal.heading"
    case none = "journal.none"
    case saved = "journal.saved"
    case published = "journal.published"
    case problemEmpty = "journal.problem_empty"
    case problemTooLong = "journal.problem_too_long"
    case problemContact = "journal.problem_contact"
    case kind = "journal.kind"
    case kindNote = "journal.kind_note"
    case kindContact = "journal.kind_contact"
    case channel = "journal.channel"
    case channelHint = "journal.channel_hint"
    case channelEmail = "journal.channel_email"
    case channelVideo = "journal.channel_video"
    case channelPhone = "journal.channel_phone"
    case channelSMS = "journal.channel_sms"
    case channelPhysical = "journal.channel_physical"
    case body = "journal.body"
    case sensitive = "journal.sensitive"
    case sensitiveBadge = "journal.sensitive_badge"
    case hidden = "journal.hidden"
    case saveDraft = "journal.save_draft"
    case publish = "journal.publish"
    case draftRestored = "journal.draft_restored"
    case autosaved = "journal.autosaved"
}
