import Fluent
import Foundation
import LotsCore

/// Tells the participants and members of an organisation, by e-mail, that a new version of its privacy notice is
/// published (the ROM2 notice's section 3). People already told about this version are skipped,
/// so the job can safely run again; each announcement is recorded per person.
struct NoticeAnnouncementJob: JobHandler {
    struct Payload: Codable, Sendable {
        var noticeVersionID: UUID
    }

    var name: String { "privacy_notice.announce" }

    /// A participant or a member to tell, with their encrypted e-mail address and first name.
    private struct Recipient {
        var id: UUID
        var table: String
        var email: Data
        var givenName: Data
    }

    func run(_ job: JobContext) async throws {
        let payload = try job.decodePayload(Payload.self)
        let db = job.database
        let app = job.application
        guard let notice = try await PrivacyNoticeVersion.find(payload.noticeVersionID, on: db),
              let organisation = try await Organisation.find(notice.organisationID, on: db) else {
            throw JobFailure.permanent("the notice version is gone")
        }
        let versionID = payload.noticeVersionID
        let toldParticipants = Set(try await PrivacyNoticeAnnouncement.query(on: db).filter(\.$noticeVersionID == versionID).all().map(\.participantID))
        let toldMembers = Set(try await MemberNoticeAnnouncement.query(on: db).filter(\.$noticeVersionID == versionID).all().map(\.memberID))
        var recipients: [Recipient] = try await Participant.query(on: db).filter(\.$organisationID == notice.organisationID).filter(\.$email != nil).all()
            .compactMap { person in
                guard let id = person.id, !toldParticipants.contains(id), let email = person.email else { return nil }
                return Recipient(id: id, table: Participant.schema, email: email, givenName: person.givenName)
            }
        recipients += try await Member.query(on: db).filter(\.$organisationID == notice.organisationID).filter(\.$active == true)
            .filter(\.$emailVerifiedAt != nil).all().compactMap { member in
                guard let id = member.id, !toldMembers.contains(id) else { return nil }
                return Recipient(id: id, table: Member.schema, email: member.email, givenName: member.givenName)
            }
        guard !recipients.isEmpty else { return }
        try await app.auditLog.record(AuditDraft(organisationID: notice.organisationID, action: .view, subject: "privacy_notice",
                                                 purpose: "notice_announcement", resultCount: recipients.count,
                                                 query: "announce version=\(notice.version)"))
        let keys = try await app.keyRing.subjectKeys(recipients.map(\.id), organisationID: notice.organisationID, on: db)
        let url = app.config.publicBaseURL + SiteRoute.privacy.path
        let languages: [UILanguage] = organisation.kind == .partnership ? [.fi, .sv, .en] : [.sv, .en]
        let texts = languages.map { Texts(language: $0, localizer: app.localizer) }
        for recipient in recipients {
            guard let key = keys[recipient.id] else { continue }
            let row = SealedRow(key: key, table: recipient.table, rowID: recipient.id)
            let arguments = ["name": try row.open(recipient.givenName, "given_name"), "organisation": organisation.name,
                             "version": String(notice.version), "url": url]
            let mail = OutgoingMail(recipient: try row.open(recipient.email, "email"), recipientName: nil,
                                    subject: texts.map { $0(NoticeText.mailSubject, arguments) }.joined(separator: " / "),
                                    textBody: texts.map { $0(NoticeText.mailBody, arguments) }.joined(separator: "\n\n---\n\n"), htmlBody: nil)
            try await db.transaction { tx in
                if recipient.table == Member.schema {
                    let announcement = MemberNoticeAnnouncement()
                    announcement.noticeVersionID = versionID
                    announcement.memberID = recipient.id
                    announcement.announcedAt = app.clock.now()
                    try await announcement.create(on: tx)
                } else {
                    let announcement = PrivacyNoticeAnnouncement()
                    announcement.noticeVersionID = versionID
                    announcement.participantID = recipient.id
                    announcement.announcedAt = app.clock.now()
                    try await announcement.create(on: tx)
                }
                try await app.outbox.enqueue(mail, purpose: "privacy_notice", organisationID: notice.organisationID, on: tx)
            }
        }
    }
}
