import Crypto
import Fluent
import Foundation
import LotsCore
import Vapor

/// A journal entry: a progress note, or a contact (e-mail, video call, phone, SMS, physical meeting) with
/// when, how long and a summary. The text is sealed under the participant's key. An entry marked
/// sensitive (health, ethnic origin…) is shown only to those who document the participant. A draft is
/// its author's until published, so a long note is never lost.
final class JournalEntry: Model, @unchecked Sendable {
    static let schema = "journal_entries"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case note
        case contact
    }

    enum Channel: String, Codable, CaseIterable, Sendable {
        case email, video, phone, sms, physical
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "author_id") var authorID: UUID
    @Enum(key: "kind") var kind: Kind
    @OptionalEnum(key: "channel") var channel: Channel?
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalField(key: "duration_minutes") var durationMinutes: Int?
    @Field(key: "body") var body: Data
    @Field(key: "sensitive") var sensitive: Bool
    @Field(key: "draft") var draft: Bool
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

struct CreateJournalEntries: AsyncMigration {
    var name: String { "032_create_journal_entries" }

    func prepare(on database: any Database) async throws {
        try await database.schema(JournalEntry.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("author_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("channel", .string)
            .field("occurred_at", .datetime, .required)
            .field("duration_minutes", .int)
            .field("body", .data, .required)
            .field("sensitive", .bool, .required)
            .field("draft", .bool, .required)
            .field("published_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JournalEntry.schema).delete()
    }
}

/// Writing journal entries: drafts saved as often as the author likes, then published; audited.
struct Journal: Sendable {
    var records: ParticipantRecords
    var keyRing: KeyRing
    var audit: AuditLog
    var clock: any LotsClock

    static let maxBody = 20_000

    struct Entry: Sendable {
        var kind: JournalEntry.Kind
        var channel: JournalEntry.Channel?
        var occurredAt: Date
        var durationMinutes: Int?
        var body: String
        var sensitive: Bool
    }

    enum Problem: Error, Equatable, Sendable {
        case notFound
        case noAccess
        case empty
        case tooLong
        /// A contact needs its channel; a duration is 1–600 minutes.
        case contactDetails
    }

    /// Saves the author's draft (new, or the one given) or publishes it. Returns the entry's id.
    func save(_ entry: Entry, entryID: UUID?, publish: Bool, participantID: UUID, by staff: StaffActor, on database: any Database) async throws -> UUID {
        let body = entry.body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.count <= Self.maxBody else { throw Problem.tooLong }
        if publish, body.isEmpty { throw Problem.empty }
        if publish, entry.kind == .contact, entry.channel == nil { throw Problem.contactDetails }
        if let minutes = entry.durationMinutes, !(1...600).contains(minutes) { throw Problem.contactDetails }
        let (participant, basis) = try await records.documenting(participantID, by: staff, on: database,
                                                                 notFound: Problem.notFound, noAccess: Problem.noAccess)
        return try await database.transaction { db in
            let record: JournalEntry
            if let entryID {
                guard let existing = try await JournalEntry.find(entryID, on: db), existing.participantID == participantID,
                      existing.authorID == staff.accountID, existing.draft else { throw Problem.notFound }
                record = existing
            } else {
                record = JournalEntry()
                record.id = UUID()
                record.organisationID = staff.organisationID
                record.participantID = try participant.requireID()
                record.authorID = staff.accountID
            }
            let key = try await keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: db)
            record.kind = entry.kind
            record.channel = entry.kind == .contact ? entry.channel : nil
            record.occurredAt = entry.occurredAt
            record.durationMinutes = entry.kind == .contact ? entry.durationMinutes : nil
            record.body = try SealedRow(key: key, table: JournalEntry.schema, rowID: try record.requireID()).seal(body, "body")
            record.sensitive = entry.sensitive
            record.draft = !publish
            record.publishedAt = publish ? clock.now() : nil
            if entryID == nil { try await record.create(on: db) } else { try await record.update(on: db) }
            // Drafts are the author's own work in progress; publishing is the documentation, and audited.
            if publish {
                try await audit.record(staff.draft(.create, subject: SubjectReference.participant(participantID), purpose: basis.purpose,
                                                   resultCount: 1, query: "journal \(entry.kind.rawValue)\(entry.sensitive ? " sensitive" : "")"), in: db)
            }
            return try record.requireID()
        }
    }

    /// The profile's journal: published entries, newest first (sensitive ones only for those who document
    /// the participant), and the reader's own draft.
    static func rows(participantID: UUID, key: SymmetricKey, reader: UUID?, mayDocument: Bool, on db: any Database) async throws
        -> (entries: [JournalRow], draft: JournalRow?) {
        let all = try await JournalEntry.rows(where: "participant_id = \(bind: participantID) ORDER BY occurred_at DESC LIMIT 200", on: db)
        let authors = try await Names.load(units: [], staff: all.map(\.authorID), on: db).staffNames
        func row(_ entry: JournalEntry) throws -> JournalRow {
            let visible = mayDocument || !entry.sensitive
            return JournalRow(
                id: try entry.requireID(), kind: entry.kind, channel: entry.channel, occurredAt: entry.occurredAt, durationMinutes: entry.durationMinutes,
                body: visible ? try SealedRow(key: key, table: JournalEntry.schema, rowID: try entry.requireID()).open(entry.body, "body") : nil,
                sensitive: entry.sensitive, author: authors[entry.authorID] ?? "")
        }
        let published = try all.filter { !$0.draft }.map(row)
        let draft = try all.first { $0.draft && $0.authorID == reader }.map(row)
        return (published, draft)
    }
}

struct JournalRow: Sendable, Equatable {
    var id: UUID
    var kind: JournalEntry.Kind
    var channel: JournalEntry.Channel?
    var occurredAt: Date
    var durationMinutes: Int?
    /// Nil when the entry is sensitive and the reader does not document the participant.
    var body: String?
    var sensitive: Bool
    var author: String
}

extension Application {
    var journal: Journal { Journal(records: participantRecords, keyRing: keyRing, audit: auditLog, clock: clock) }
}
