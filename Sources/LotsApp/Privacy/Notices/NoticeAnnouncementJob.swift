import Fluent
import Foundation
import LotsCore

/// Tells the participants of an organisation, by e-mail, that a new version of its privacy notice is
/// published (the ROM2 notice's section 3). Participants already told about this version are skipped,
/// so the job can safely run again; each announcement is recorded per person.
struct NoticeAnnouncementJob: JobHandler {
    struct Payload: Codable, Sendable {
        var noticeVersionID: UUID
    }

    var name: String { "privacy_notice.announce" }

    func run(_ job: JobContext) async throws {
        let payload = try job.decodePayload(Payload.self)
        let db = job.database
        let app = job.application
        guard let notice = try await PrivacyNoticeVersion.find(payload.noticeVersionID, on: db),
              let organisation = try await Organisation.find(notice.organisationID, on: db) else {
            throw JobFailure.permanent("the notice version is gone")
        }
        let told = Set(try await PrivacyNoticeAnnouncement.query(on: db).filter(\.$noticeVersionID == payload.noticeVersionID).all().map(\.participantID))
        let recipients = try await Participant.query(on: db).filter(\.$organisationID == notice.organisationID).filter(\.$email != nil).all()
            .filter { $0.id.map { !told.contains($0) } ?? false }
        guard !recipients.isEmpty else { return }
        try await app.auditLog.record(AuditDraft(organisationID: notice.organisationID, action: .view, subject: "privacy_notice",
                                                 purpose: "notice_announcement", resultCount: recipients.count,
                                                 query: "announce version=\(notice.version)"))
        let keys = try await app.keyRing.subjectKeys(recipients.compactMap(\.id), organisationID: notice.organisationID, on: db)
        let url = app.config.publicBaseURL + SiteRoute.privacy.path
        let languages: [UILanguage] = organisation.kind == .partnership ? [.fi, .sv, .en] : [.sv, .en]
        for participant in recipients {
            guard let id = participant.id, let key = keys[id] else { continue }
            let row = SealedRow(key: key, table: Participant.schema, rowID: id)
            guard let email = try row.open(participant.email, "email") else { continue }
            let name = try row.open(participant.givenName, "given_name")
            let arguments = ["name": name, "organisation": organisation.name, "version": String(notice.version), "url": url]
            let texts = languages.map { Texts(language: $0, localizer: app.localizer) }
            let mail = OutgoingMail(recipient: email, recipientName: nil,
                                    subject: texts.map { $0(NoticeText.mailSubject, arguments) }.joined(separator: " / "),
                                    textBody: texts.map { $0(NoticeText.mailBody, arguments) }.joined(separator: "\n\n---\n\n"), htmlBody: nil)
            try await db.transaction { tx in
                let announcement = PrivacyNoticeAnnouncement()
                announcement.noticeVersionID = payload.noticeVersionID
                announcement.participantID = id
                announcement.announcedAt = app.clock.now()
                try await announcement.create(on: tx)
                try await app.outbox.enqueue(mail, purpose: "privacy_notice", organisationID: notice.organisationID, on: tx)
            }
        }
    }
}
