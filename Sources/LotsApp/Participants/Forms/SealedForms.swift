import Crypto
import Fluent
import Foundation
import LotsCore
import SQLKit

/// A participant's form kept as one sealed JSON object of named texts: the plan, the CV, AF's details.
/// One row per participant, sealed under the participant's key, so it is erased with them.
protocol SealedParticipantForm: Model where IDValue == UUID {
    /// The form's field names, in the order they are shown.
    static var fields: [String] { get }
    /// The longest text a field may hold.
    static var maxField: Int { get }
    /// How a write is named in the audit log ("plan", "cv", ...): the changed fields follow it, never their text.
    static var auditName: String { get }
    var organisationID: UUID { get set }
    var participantID: UUID { get set }
    var content: Data { get set }
    var updatedBy: UUID { get set }
    init()
}

enum SealedForms {
    enum Failure: Error, Equatable {
        /// A field is longer than the form allows: nothing was saved.
        case tooLong
    }

    static func load<Form: SealedParticipantForm>(_ form: Form.Type, participantID: UUID, key: SymmetricKey,
                                                  on db: any Database) async throws -> [String: String] {
        guard let row = try await Form.query(on: db).filter("participant_id", .equal, participantID).first() else { return [:] }
        let json = try SealedRow(key: key, table: Form.schema, rowID: try row.requireID()).open(row.content, "content")
        return try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }

    /// Several forms of one participant in one query, by table name.
    static func load(_ forms: [any SealedParticipantForm.Type], participantID: UUID, key: SymmetricKey,
                     on db: any Database) async throws -> [String: [String: String]] {
        let query = forms.map { form -> SQLQueryString in
            "SELECT \(literal: form.schema) AS form, id, content FROM \(ident: form.schema) WHERE participant_id = \(bind: participantID)"
        }.joined(separator: " UNION ALL ")
        var loaded: [String: [String: String]] = [:]
        for row in try await db.sql.raw(query).all() {
            let table: String = try row.value("form")
            let json = try SealedRow(key: key, table: table, rowID: try row.value("id")).open(try row.value("content", as: Data.self), "content")
            loaded[table] = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        }
        return loaded
    }

    /// Keeps the form's own fields, trimmed, without the empty ones.
    static func cleaned<Form: SealedParticipantForm>(_ values: [String: String], for form: Form.Type) throws(Failure) -> [String: String] {
        let cleaned = values.filter { Form.fields.contains($0.key) }.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.value.isEmpty }
        guard cleaned.values.allSatisfy({ $0.count <= Form.maxField }) else { throw .tooLong }
        return cleaned
    }

    /// Replaces the participant's form in one transaction with its audit event, which names the changed fields.
    static func save<Form: SealedParticipantForm>(_ form: Form.Type, _ values: [String: String], participantID: UUID, purpose: String,
                                                  by staff: StaffActor, keyRing: KeyRing, audit: AuditLog, on database: any Database) async throws {
        let cleaned = try cleaned(values, for: form)
        try await database.transaction { db in
            let key = try await keyRing.subjectKey(participantID, organisationID: staff.organisationID, on: db)
            let existing = try await Form.query(on: db).filter("participant_id", .equal, participantID).first()
            let before = try await load(form, participantID: participantID, key: key, on: db)
            let row = existing ?? Form()
            if existing == nil {
                row.id = UUID()
                row.organisationID = staff.organisationID
                row.participantID = participantID
            }
            let json = String(decoding: try JSONEncoder().encode(cleaned), as: UTF8.self)
            row.content = try SealedRow(key: key, table: Form.schema, rowID: try row.requireID()).seal(json, "content")
            row.updatedBy = staff.accountID
            if existing == nil { try await row.create(on: db) } else { try await row.update(on: db) }
            let changed = Form.fields.filter { before[$0] != cleaned[$0] }
            try await audit.record(staff.draft(.update, subject: SubjectReference.participant(participantID), purpose: purpose, resultCount: 1,
                                               query: Form.auditName + ": " + changed.joined(separator: ",")), in: db)
        }
    }
}

/// The table every sealed participant form is kept in: one row per participant.
struct SealedFormTable {
    var schema: String

    func create(on database: any Database) async throws {
        try await database.schema(schema)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("content", .data, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime)
            .unique(on: "participant_id")
            .create()
    }
}
