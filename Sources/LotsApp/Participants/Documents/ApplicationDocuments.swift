import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// A participant's CV or cover letter: one version of it, its content and file name sealed under the
/// participant's key. A new upload of the same kind is the next version; earlier ones stay.
final class ApplicationDocument: Model, @unchecked Sendable {
    static let schema = "application_documents"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case cv
        case coverLetter = "cover_letter"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Enum(key: "kind") var kind: Kind
    @Field(key: "version") var version: Int
    @Field(key: "file_type") var fileType: String
    @Field(key: "size_bytes") var sizeBytes: Int
    @Field(key: "file_name") var fileName: Data
    @Field(key: "content") var content: Data
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A document shared with a potential employer: who received what, when, and that the participant agreed.
final class Disclosure: Model, @unchecked Sendable {
    static let schema = "disclosures"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "document_id") var documentID: UUID
    /// The employer (and contact) the document went to, sealed.
    @Field(key: "recipient") var recipient: Data
    /// When the participant gave their consent, as the handledare recorded it.
    @Field(key: "consented_on") var consentedOn: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct CreateApplicationDocuments: AsyncMigration {
    var name: String { "031_create_application_documents" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ApplicationDocument.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("file_type", .string, .required)
            .field("size_bytes", .int, .required)
            .field("file_name", .data, .required)
            .field("content", .data, .required)
            .field("uploaded_by", .uuid, .required)
            .field("created_at", .datetime)
            .unique(on: "participant_id", "kind", "version")
            .create()
        try await database.schema(Disclosure.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("document_id", .uuid, .required, .references(ApplicationDocument.schema, "id", onDelete: .cascade))
            .field("recipient", .data, .required)
            .field("consented_on", .string, .required)
            .field("recorded_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Disclosure.schema).delete()
        try await database.schema(ApplicationDocument.schema).delete()
    }
}

/// Uploading, reading and sharing application documents, each step audited.
struct ApplicationDocuments: Sendable {
    var records: ParticipantRecords
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock

    static let maxBytes = 10 * 1024 * 1024
    static let maxUpload: ByteCount = "11mb"

    enum Problem: Error, Equatable, Sendable {
        case notFound
        case noAccess
        case empty
        case tooLarge
        /// Not a PDF, DOCX or ODT by its content.
        case unsupportedType
        case recipientMissing
        case consentMissing
    }

    struct Row: Sendable, Equatable {
        var id: UUID
        var kind: ApplicationDocument.Kind
        var version: Int
        var fileName: String
        var fileType: String
        var sizeBytes: Int
        var uploadedAt: Date
        var disclosures: [(recipient: String, consentedOn: String, sharedAt: Date)]

        static func == (lhs: Row, rhs: Row) -> Bool { lhs.id == rhs.id && lhs.disclosures.count == rhs.disclosures.count }
    }

    func upload(_ data: Data, fileName: String, kind: ApplicationDocument.Kind, participantID: UUID, by staff: StaffActor,
                on database: any Database) async throws -> UUID {
        guard !data.isEmpty else { throw Problem.empty }
        guard data.count <= Self.maxBytes else { throw Problem.tooLarge }
        guard let type = DocumentType.detect(data) else { throw Problem.unsupportedType }
        let (_, basis) = try await records.documenting(participantID, by: staff, on: database, notFound: Problem.notFound, noAccess: Problem.noAccess)
        let name = Self.safeFileName(fileName, type: type)
        return try await database.transaction { db in
            let version = (try await ApplicationDocument.query(on: db).filter(\.$participantID == participantID).filter(\.$kind == kind)
                .max(\.$version) ?? 0) + 1
            let key = try await keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: db)
            let id = UUID()
            let location = FieldCipher.Location(table: ApplicationDocument.schema, column: "content", rowID: id.uuidString.lowercased())
            let document = ApplicationDocument()
            document.id = id
            document.organisationID = staff.organisationID
            document.participantID = participantID
            document.kind = kind
            document.version = version
            document.fileType = type.rawValue
            document.sizeBytes = data.count
            document.fileName = try SealedRow(key: key, table: ApplicationDocument.schema, rowID: id).seal(name, "file_name")
            document.content = try FieldCipher.seal(bytes: data, key: key, at: location)
            document.uploadedBy = staff.accountID
            try await document.create(on: db)
            try await audit.record(staff.draft(.create, subject: SubjectReference.participant(participantID), purpose: basis.purpose, resultCount: 1,
                                               query: "document \(kind.rawValue) v\(version)"), in: db)
            return id
        }
    }

    /// The document's bytes, name and type, for a download; the read is audited.
    func open(_ documentID: UUID, participantID: UUID, by staff: StaffActor, on db: any Database) async throws -> (Data, String, DocumentType) {
        let (_, basis) = try await records.documenting(participantID, by: staff, on: db, notFound: Problem.notFound, noAccess: Problem.noAccess)
        guard let document = try await ApplicationDocument.find(documentID, on: db), document.participantID == participantID,
              let type = DocumentType(rawValue: document.fileType) else { throw Problem.notFound }
        try await records.record(staff.draft(.view, subject: SubjectReference.participant(participantID), purpose: basis.purpose, resultCount: 1,
                                             query: "document \(document.kind.rawValue) v\(document.version)"))
        let key = try await keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: db)
        let data = try FieldCipher.open(bytes: document.content, key: key,
                                        at: .init(table: ApplicationDocument.schema, column: "content", rowID: documentID.uuidString.lowercased()))
        let name = try SealedRow(key: key, table: ApplicationDocument.schema, rowID: documentID).open(document.fileName, "file_name")
        return (data, name, type)
    }

    /// The participant's own download of one of their documents; audited with them as reader.
    func openOwn(_ documentID: UUID, participantID: UUID, organisationID: UUID, on db: any Database) async throws -> (Data, String, DocumentType) {
        guard let document = try await ApplicationDocument.find(documentID, on: db), document.participantID == participantID,
              document.organisationID == organisationID, let type = DocumentType(rawValue: document.fileType) else { throw Problem.notFound }
        try await records.record(AuditDraft(organisationID: organisationID, actorID: participantID, actorRole: "participant", action: .view,
                                            subject: SubjectReference.participant(participantID), purpose: AccessBasis.ownData.purpose, resultCount: 1,
                                            query: "document \(document.kind.rawValue) v\(document.version)"))
        let key = try await keyRing.subjectKey(participantID, organisationID: organisationID, on: db)
        let data = try FieldCipher.open(bytes: document.content, key: key,
                                        at: .init(table: ApplicationDocument.schema, column: "content", rowID: documentID.uuidString.lowercased()))
        let name = try SealedRow(key: key, table: ApplicationDocument.schema, rowID: documentID).open(document.fileName, "file_name")
        return (data, name, type)
    }

    /// Records that a document went to a potential employer with the participant's consent.
    func share(_ documentID: UUID, participantID: UUID, recipient: String, consentedOn: CivilDate?, by staff: StaffActor,
               on database: any Database) async throws {
        let recipient = recipient.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !recipient.isEmpty, recipient.count <= 300 else { throw Problem.recipientMissing }
        guard let consentedOn, consentedOn <= CivilDate(clock.now()) else { throw Problem.consentMissing }
        let (_, basis) = try await records.documenting(participantID, by: staff, on: database, notFound: Problem.notFound, noAccess: Problem.noAccess)
        guard let document = try await ApplicationDocument.find(documentID, on: database), document.participantID == participantID else {
            throw Problem.notFound
        }
        try await database.transaction { db in
            let key = try await keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: db)
            let disclosure = Disclosure()
            let id = UUID()
            disclosure.id = id
            disclosure.organisationID = staff.organisationID
            disclosure.participantID = participantID
            disclosure.documentID = try document.requireID()
            disclosure.recipient = try SealedRow(key: key, table: Disclosure.schema, rowID: id).seal(recipient, "recipient")
            disclosure.consentedOn = consentedOn.description
            disclosure.recordedBy = staff.accountID
            try await disclosure.create(on: db)
            try await audit.record(staff.draft(.disclose, subject: SubjectReference.participant(participantID), purpose: basis.purpose, resultCount: 1,
                                               query: "document \(document.kind.rawValue) v\(document.version) to employer"), in: db)
        }
    }

    /// The profile's list: every version, newest first, with where each was shared.
    static func rows(participantID: UUID, key: SymmetricKey, on db: any Database) async throws -> [Row] {
        let documents = try await ApplicationDocument.rows(where: "participant_id = \(bind: participantID) ORDER BY created_at DESC", on: db)
        guard !documents.isEmpty else { return [] }
        let disclosures = Dictionary(grouping: try await Disclosure.query(on: db).filter(\.$participantID == participantID).all(), by: \.documentID)
        return try documents.map { document in
            let id = try document.requireID()
            return Row(id: id, kind: document.kind, version: document.version,
                       fileName: try SealedRow(key: key, table: ApplicationDocument.schema, rowID: id).open(document.fileName, "file_name"),
                       fileType: document.fileType, sizeBytes: document.sizeBytes, uploadedAt: document.createdAt ?? Date(),
                       disclosures: try (disclosures[id] ?? []).map { disclosure in
                           (try SealedRow(key: key, table: Disclosure.schema, rowID: try disclosure.requireID()).open(disclosure.recipient, "recipient"),
                            disclosure.consentedOn, disclosure.createdAt ?? Date())
                       })
        }
    }

    /// A file name safe for a download header: letters, digits, dot, dash and underscore, with the right extension.
    static func safeFileName(_ name: String, type: DocumentType) -> String {
        let base = ((name.replacingOccurrences(of: "\\", with: "/") as NSString).lastPathComponent as NSString).deletingPathExtension
        let cleaned = String(base.folding(options: .diacriticInsensitive, locale: nil)
            .map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) ? $0 : "_" }.prefix(80))
        return (cleaned.isEmpty ? "document" : cleaned) + "." + type.fileExtension
    }
}

extension Application {
    var applicationDocuments: ApplicationDocuments {
        ApplicationDocuments(records: participantRecords, keyRing: keyRing, audit: auditLog, clock: clock)
    }
}
