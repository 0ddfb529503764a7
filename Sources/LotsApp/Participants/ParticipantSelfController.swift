import Fluent
import Foundation
import Vapor

/// A participant's own page (signed in with BankID): the data held about them, their periods and
/// handledare, and the organisation's current privacy notice.
enum ParticipantSelfController {
    @Sendable
    static func show(req: Request) async throws -> HTML {
        guard let session = req.signedIn, session.kind == .participant else { throw Abort(.forbidden) }
        let profile = try await req.application.participantRecords.ownData(session.accountID, organisationID: session.organisationID, on: req.db)
        let notice = try await PrivacyNotices.notice(organisationID: session.organisationID, language: req.uiLanguage.rawValue, on: req.db)
        return ParticipantSelfPage.render(.init(profile: profile, organisation: session.organisationName, notice: notice, now: req.clock.now()),
                                          context: req.pageContext)
    }
}

enum ParticipantSelfText: String, TextKey {
    case nav = "self.nav"
    case title = "self.title"
    case lead = "self.lead"
    case profile = "self.profile"
    case placements = "self.placements"
    case handledare = "self.handledare"
    case noHandledare = "self.no_handledare"
    case upcoming = "self.upcoming"
    case documents = "self.documents"
    case noUpcoming = "self.no_upcoming"
}

enum ParticipantSelfPage {
    struct Model: Sendable {
        var profile: ParticipantProfile
        var organisation: String
        var notice: PrivacyNotices.Notice?
        var now: Date
    }

    private static func upcoming(_ rows: [AppointmentRow], _ t: Texts) -> Node<HTML.BodyContext> {
        .if(rows.isEmpty, .p(.class("muted"), .text(t(ParticipantSelfText.noUpcoming))), else: .ul(
            .class("plain-list"), .data(named: "e2e", value: "upcoming"),
            .forEach(rows) { row in
                .li(Components.time(row.startsAt),
                    .text(" – " + t(AppointmentsSection.kindText(row.kind)) + ", " + t(AppointmentsSection.modeText(row.mode))),
                    .unwrap(row.title) { .span(.attribute(named: "translate", value: "no"), .text(" – " + $0)) })
            }))
    }

    static func render(_ model: Model, context: PageContext) -> HTML {
        let t = context.texts
        let profile = model.profile
        let handledare = profile.placements.first { $0.endedOn == nil }?.handledareName
        return Layout.page(context, title: t(ParticipantSelfText.title), content: .group(
            .h1(.text(t(ParticipantSelfText.title))),
            .p(.class("lead"), .text(t(ParticipantSelfText.lead, ["organisation": model.organisation]))),
            .section(
                .class("card"),
                .h2(.text(t(ParticipantSelfText.profile))),
                .dl(
                    .class("facts"),
                    ParticipantProfilePage.fact(t(MemberText.givenName) + " / " + t(MemberText.familyName), profile.givenName + " " + profile.familyName, t),
                    ParticipantProfilePage.fact(t(ParticipantText.personalNumber), profile.personalNumber, t),
                    .unwrap(profile.contact) { contact in
                        .group(ParticipantProfilePage.fact(t(ParticipantText.phone), contact.phone, t),
                               ParticipantProfilePage.fact(t(ParticipantText.email), contact.email, t),
                               ParticipantProfilePage.fact(t(ParticipantText.address), contact.address, t))
                    },
                    ParticipantProfilePage.fact(t(ParticipantText.gender), profile.gender, t),
                    ParticipantProfilePage.fact(t(ParticipantText.education), profile.education, t),
                    ParticipantProfilePage.fact(t(ParticipantText.workExperience), profile.workExperience, t),
                    ParticipantProfilePage.fact(t(ParticipantText.interpreterLanguage), profile.interpreterLanguage, t),
                    ParticipantProfilePage.fact(t(ParticipantSelfText.handledare), handledare ?? t(ParticipantSelfText.noHandledare), t)
                )
            ),
            .h2(.text(t(ParticipantSelfText.upcoming))),
            upcoming(model.profile.appointments.filter { $0.startsAt >= model.now }.sorted { $0.startsAt < $1.startsAt }, t),
            PlanSection.render(profile, outcome: nil, context: context),
            .if(!profile.cv.isEmpty, .p(.a(.href(SiteRoute.participantSelfCV.path), .data(named: "e2e", value: "own-cv"), .text(t(FormText.cvPrint))))),
            .unwrap(profile.afDetails) { $0.isEmpty ? .empty : AFDetailsPage.own($0, t) },
            .h2(.text(t(ParticipantSelfText.documents))),
            .if(profile.documents.isEmpty, .p(.class("muted"), .text(t(DocumentText.none))), else: .ul(
                .class("plain-list"), .data(named: "e2e", value: "own-documents"),
                .forEach(profile.documents) { document in
                    .li(.text(t(DocumentsSection.kindText(document.kind)) + " " + t(DocumentText.version, ["version": String(document.version)]) + ": "),
                        .a(.href(SiteRoute.participantSelfDocument(.value(document.id)).path), .attribute(named: "translate", value: "no"),
                           .text(document.fileName)),
                        .text(" "), Components.time(document.uploadedAt))
                })),
            .h2(.text(t(ParticipantSelfText.placements))),
            ParticipantProfilePage.placements(profile.placements, t),
            .unwrap(model.notice) { PrivacyNoticePage.notice($0, t) }
        ))
    }
}
