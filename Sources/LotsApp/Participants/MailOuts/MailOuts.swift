import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// A message about activities sent by a handledare to chosen participants of their caseload. Each
/// participant gets their own mail (nobody sees other recipients), with a link to stop mail-outs.
final class MailOut: Model, @unchecked Sendable {
    static let schema = "mail_outs"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "sent_by") var sentBy: UUID
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One participant's line in a mail-out's sent log.
final class MailOutRecipient: Model, @unchecked Sendable {
    static let schema = "mail_out_recipients"

    enum Status: String, Codable, Sendable {
        case queued
        /// The participant asked not to get mail-outs.
        case optedOut = "opted_out"
        /// No e-mail address is registered.
        case noAddress = "no_address"
        /// Skyddade personuppgifter: the address is not used for mail-outs; the handledare tells them in person.
        case protectedIdentity = "protected_identity"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "mail_out_id") var mailOutID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Enum(key: "status") var status: Status
    @OptionalField(key: "outbox_id") var outboxID: UUID?
    /// SHA-256 of the token in this participant's opt-out link.
    @OptionalField(key: "opt_out_token_hash") var optOutTokenHash: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct CreateMailOuts: AsyncMigration {
    var name: String { "030_create_mail_outs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("participants").field("mail_opt_out", .bool, .required, .sql(.default(false))).update()
        try await database.schema(MailOut.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("sent_by", .uuid, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(MailOutRecipient.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("mail_out_id", .uuid, .required, .references(MailOut.schema, "id", onDelete: .cascade))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("outbox_id", .uuid)
            .field("opt_out_token_hash", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MailOutRecipient.schema).delete()
        try await database.schema(MailOut.schema).delete()
        try await database.schema("participants").deleteField("mail_opt_out").update()
    }
}

/// Sending mail-outs and honouring opt-outs.
struct MailOuts: Sendable {
    var records: ParticipantRecords
    var keyRing: KeyRing
    var audit: AuditLog
    var outbox: Outbox
    var publicBaseURL: String
    var localizer: Localizer

    enum Problem: Error, Equatable, Sendable {
        case invalid
        case noRecipients
        case noAccess
    }

    struct Result: Sendable, Equatable {
        var queued: Int
        var optedOut: Int
        var noAddress: Int
        var protectedIdentity = 0
    }

    static let maxSubject = 200
    static let maxBody = 5000

    func send(subject: String, body: String, to participantIDs: [UUID], by staff: StaffActor, language: UILanguage,
              on database: any Database) async throws -> Result {
        let subject = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty, subject.count <= Self.maxSubject, !body.isEmpty, body.count <= Self.maxBody,
              !subject.contains(where: \.isNewline) else { throw Problem.invalid }
        guard !participantIDs.isEmpty else { throw Problem.noRecipients }
        let texts = Texts(language: language, localizer: localizer)
        return try await database.transaction { db in
            // Only participants the sender documents (their own caseload, or granted access).
            var allowed: [Participant] = []
            for participantID in Set(participantIDs) {
                let (participant, _) = try await records.documenting(participantID, by: staff, on: db,
                                                                     notFound: Problem.noAccess, noAccess: Problem.noAccess)
                allowed.append(participant)
            }
            let mailOut = MailOut()
            mailOut.organisationID = staff.organisationID
            mailOut.sentBy = staff.accountID
            mailOut.subject = subject
            mailOut.body = body
            try await mailOut.create(on: db)
            let keys = try await keyRing.subjectKeys(allowed.map { $0.id! }, organisationID: staff.organisationID, on: db)
            var result = Result(queued: 0, optedOut: 0, noAddress: 0)
            for participant in allowed {
                let participantID = try participant.requireID()
                let recipient = MailOutRecipient()
                recipient.organisationID = staff.organisationID
                recipient.mailOutID = try mailOut.requireID()
                recipient.participantID = participantID
                // A protected identity's address is not even decrypted for a mail-out.
                let email = participant.protectedIdentity ? nil
                    : try keys[participantID].flatMap { try SealedRow(key: $0, table: Participant.schema, rowID: participantID).open(participant.email, "email") }
                if participant.protectedIdentity {
                    recipient.status = .protectedIdentity
                    result.protectedIdentity += 1
                } else if participant.mailOptOut {
                    recipient.status = .optedOut
                    result.optedOut += 1
                } else if let email, !email.isEmpty {
                    let token = SessionStore.randomToken()
                    recipient.optOutTokenHash = SessionStore.hash(token)
                    let link = publicBaseURL + SiteRoute.mailOptOut(.value(token)).path
                    let text = body + "\n\n-- \n" + texts(MailOutText.footer, ["link": link])
                    recipient.outboxID = try await outbox.enqueue(OutgoingMail(recipient: email, recipientName: nil, subject: subject, textBody: text,
                                                                               htmlBody: nil),
                                                                  purpose: "mail_out", organisationID: staff.organisationID, on: db)
                    recipient.status = .queued
                    result.queued += 1
                } else {
                    recipient.status = .noAddress
                    result.noAddress += 1
                }
                try await recipient.create(on: db)
                try await audit.record(staff.draft(.create, subject: SubjectReference.participant(participantID), purpose: "mail_out", resultCount: 1,
                                                   query: "mail_out \(recipient.status.rawValue)"), in: db)
            }
            return result
        }
    }

    /// The participant's own "no more mail-outs" link; true when it was valid.
    func optOut(token: String, on database: any Database) async throws -> Bool {
        try await database.transaction { db in
            guard let recipient = try await MailOutRecipient.query(on: db).filter(\.$optOutTokenHash == SessionStore.hash(token)).first(),
                  let participant = try await Participant.find(recipient.participantID, on: db) else { return false }
            if !participant.mailOptOut {
                participant.mailOptOut = true
                try await participant.update(on: db)
                try await audit.record(AuditDraft(organisationID: participant.organisationID, actorID: recipient.participantID, actorRole: "participant",
                                                  action: .update, subject: SubjectReference.participant(recipient.participantID), purpose: "mail_out",
                                                  query: "opt_out"), in: db)
            }
            return true
        }
    }
}

extension Application {
    var mailOuts: MailOuts {
        MailOuts(records: participantRecords, keyRing: keyRing, audit: auditLog, outbox: outbox, publicBaseURL: config.publicBaseURL, localizer: localizer)
    }
}
