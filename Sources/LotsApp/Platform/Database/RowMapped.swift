import Fluent
import Foundation
import LotsCore
import NIOCore
import PostgresNIO
import SQLKit
import SQLiteNIO

/// Hot read paths (profile, caseload, search) load rows with plain SQL and fill their models by hand.
/// Fluent's own query building and decoding walk every model's properties by reflection, which measured as
/// about a third of a profile page's time. Models filled this way are marked as stored, like Fluent's.
protocol RowMapped: Model {
    /// The columns `map` reads, in the SELECT list.
    static var columns: [String] { get }
    static func map(_ row: any SQLRow) throws -> Self
}

extension RowMapped {
    /// `SELECT columns FROM schema WHERE condition` (the condition may carry ORDER BY and LIMIT).
    static func rows(where condition: SQLQueryString, on db: any Database) async throws -> [Self] {
        let head = SQLQueryString("SELECT " + columns.joined(separator: ", ") + " FROM " + schema + " WHERE ")
        return try await db.sql.raw(head + condition).all().map(map)
    }

    static func first(where condition: SQLQueryString, on db: any Database) async throws -> Self? {
        try await rows(where: condition + " LIMIT 1", on: db).first
    }
}

extension SQLRow {
    /// An optional column: nil when the value is NULL.
    func optional<Value: Decodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value? {
        try decodeNil(column: column) ? nil : value(column, as: Value.self)
    }

    func value<Value: Decodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        // UUIDs are read as text and parsed here: the generic decoder goes through Foundation's parser.
        if Value.self == UUID.self, let text = try? decode(column: column, as: String.self), let id = UUIDText.parse(text) {
            return id as! Value
        }
        return try decode(column: column, as: Value.self)
    }
}

/// `IN (…)` with one bind per value.
func sqlList(_ values: [some Encodable & Sendable]) -> SQLQueryString {
    values.isEmpty ? "NULL" : SQLQueryString(SQLList(values.map { SQLBind($0) }))
}

extension SQLQueryString {
    init(_ expression: some SQLExpression) {
        self.init("")
        self.appendInterpolation(expression)
    }
}

extension Participant: RowMapped {
    static let columns = ["id", "organisation_id", "personal_number_index", "email_index", "given_name", "family_name", "personal_number", "phone",
                          "email", "address", "gender", "education", "work_experience", "interpreter_language", "protected_identity", "mail_opt_out"]

    static func map(_ row: any SQLRow) throws -> Participant {
        let participant = Participant()
        participant.id = try row.value("id")
        participant.$id.exists = true
        participant.organisationID = try row.value("organisation_id")
        participant.personalNumberIndex = try row.value("personal_number_index")
        participant.emailIndex = try row.optional("email_index")
        participant.givenName = try row.value("given_name")
        participant.familyName = try row.value("family_name")
        participant.personalNumber = try row.value("personal_number")
        participant.phone = try row.optional("phone")
        participant.email = try row.optional("email")
        participant.address = try row.optional("address")
        participant.gender = try row.optional("gender")
        participant.education = try row.optional("education")
        participant.workExperience = try row.optional("work_experience")
        participant.interpreterLanguage = try row.optional("interpreter_language")
        participant.protectedIdentity = try row.value("protected_identity")
        participant.mailOptOut = try row.value("mail_opt_out")
        return participant
    }
}

extension Placement: RowMapped {
    static let columns = ["id", "organisation_id", "participant_id", "unit_id", "handledare_id", "implementation_reference_index",
                          "implementation_reference", "reference_number", "level", "starts_on", "ends_on", "ended_on", "order_number",
                          "participation_rate", "case_officer"]

    static func map(_ row: any SQLRow) throws -> Placement {
        let placement = Placement()
        placement.id = try row.value("id")
        placement.$id.exists = true
        placement.organisationID = try row.value("organisation_id")
        placement.participantID = try row.value("participant_id")
        placement.unitID = try row.value("unit_id")
        placement.handledareID = try row.optional("handledare_id")
        placement.implementationReferenceIndex = try row.value("implementation_reference_index")
        placement.implementationReference = try row.value("implementation_reference")
        placement.referenceNumber = try row.optional("reference_number")
        placement.level = try row.value("level")
        placement.startsOn = try row.value("starts_on")
        placement.endsOn = try row.value("ends_on")
        placement.endedOn = try row.optional("ended_on")
        placement.orderNumber = try row.optional("order_number")
        placement.participationRate = try row.optional("participation_rate")
        placement.caseOfficer = try row.optional("case_officer")
        return placement
    }
}

extension Appointment: RowMapped {
    static let columns = ["id", "organisation_id", "participant_id", "booked_by", "kind", "mode", "starts_at", "duration_minutes", "title", "status",
                          "absence_reason", "minutes_missed", "note", "registered_by", "registered_at", "created_at"]

    struct UnknownValue: Error {}

    static func map(_ row: any SQLRow) throws -> Appointment {
        let appointment = Appointment()
        appointment.id = try row.value("id")
        appointment.$id.exists = true
        appointment.organisationID = try row.value("organisation_id")
        appointment.participantID = try row.value("participant_id")
        appointment.bookedBy = try row.value("booked_by")
        guard let kind = AppointmentKind(rawValue: try row.value("kind")), let mode = MeetingMode(rawValue: try row.value("mode")),
              let status = AttendanceStatus(rawValue: try row.value("status")) else { throw UnknownValue() }
        appointment.kind = kind
        appointment.mode = mode
        appointment.status = status
        appointment.startsAt = try row.value("starts_at")
        appointment.durationMinutes = try row.value("duration_minutes")
        appointment.title = try row.optional("title")
        appointment.absenceReason = try row.optional("absence_reason")
        appointment.minutesMissed = try row.optional("minutes_missed")
        appointment.note = try row.optional("note")
        appointment.registeredBy = try row.optional("registered_by")
        appointment.registeredAt = try row.optional("registered_at")
        appointment.createdAt = try row.optional("created_at")
        return appointment
    }
}

extension JournalEntry: RowMapped {
    static let columns = ["id", "organisation_id", "participant_id", "author_id", "kind", "channel", "occurred_at", "duration_minutes", "body",
                          "sensitive", "draft", "published_at"]

    static func map(_ row: any SQLRow) throws -> JournalEntry {
        let entry = JournalEntry()
        entry.id = try row.value("id")
        entry.$id.exists = true
        entry.organisationID = try row.value("organisation_id")
        entry.participantID = try row.value("participant_id")
        entry.authorID = try row.value("author_id")
        guard let kind = Kind(rawValue: try row.value("kind")) else { throw Appointment.UnknownValue() }
        entry.kind = kind
        entry.channel = try row.optional("channel", as: String.self).flatMap(Channel.init(rawValue:))
        entry.occurredAt = try row.value("occurred_at")
        entry.durationMinutes = try row.optional("duration_minutes")
        entry.body = try row.value("body")
        entry.sensitive = try row.value("sensitive")
        entry.draft = try row.value("draft")
        entry.publishedAt = try row.optional("published_at")
        return entry
    }
}

extension ApplicationDocument: RowMapped {
    /// Not the content: lists never need the file itself.
    static let columns = ["id", "organisation_id", "participant_id", "kind", "version", "file_type", "size_bytes", "file_name", "uploaded_by", "created_at"]

    static func map(_ row: any SQLRow) throws -> ApplicationDocument {
        let document = ApplicationDocument()
        document.id = try row.value("id")
        document.$id.exists = true
        document.organisationID = try row.value("organisation_id")
        document.participantID = try row.value("participant_id")
        guard let kind = Kind(rawValue: try row.value("kind")) else { throw Appointment.UnknownValue() }
        document.kind = kind
        document.version = try row.value("version")
        document.fileType = try row.value("file_type")
        document.sizeBytes = try row.value("size_bytes")
        document.fileName = try row.value("file_name")
        document.uploadedBy = try row.value("uploaded_by")
        document.createdAt = try row.optional("created_at")
        return document
    }
}

/// A value for a bulk INSERT, with the Swift type of its column (PostgreSQL binds by type; a NULL keeps it too).
enum ColumnValue: Sendable {
    case uuid(UUID?)
    case text(String?)
    case bytes(Data?)
    case integer(Int?)
    case bool(Bool)
    case date(Date?)

    /// What SQLite's Fluent driver stores for the same Swift value: a UUID as its (upper-case) text, a date as
    /// seconds since 1970, a Boolean as 0 or 1.
    var sqlite: SQLiteData {
        switch self {
        case .uuid(let id): id.map { .text($0.uuidString) } ?? .null
        case .text(let text): text.map { .text($0) } ?? .null
        case .bytes(let data): data?.sqliteData ?? .null
        case .integer(let number): number.map { .integer($0) } ?? .null
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .date(let date): date.map { .float($0.timeIntervalSince1970) } ?? .null
        }
    }
}

/// Bulk inserts with plain SQL (imports, generated data): Fluent's `create` on an array gathers each
/// model's values by reflection, and SQLKit serialises and encodes every bound value through `Encodable`;
/// both dominated a hundred-thousand-row import. The values are bound as each driver's own: SQLite's values, and
/// on PostgreSQL one binary array per column.
enum BulkInsert {
    static func run(into table: String, columns: [String], rows: [[ColumnValue]], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        // At most about 30,000 bound values per SQLite statement (it allows 32,766); PostgreSQL's arrays take the same rows.
        let perStatement = max(1, 30_000 / columns.count)
        let into = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") "
        let head = into + "VALUES "
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            if let sqlite = db as? any SQLiteDatabase {
                let tuple = "(" + String(repeating: "?, ", count: columns.count - 1) + "?)"
                var sql = head
                sql.reserveCapacity(head.utf8.count + chunk.count * (tuple.utf8.count + 2))
                var binds: [SQLiteData] = []
                binds.reserveCapacity(chunk.count * columns.count)
                for (offset, row) in chunk.enumerated() {
                    precondition(row.count == columns.count, "a row for \(table) has \(row.count) values for \(columns.count) columns")
                    if offset > 0 { sql += ", " }
                    sql += tuple
                    for value in row { binds.append(value.sqlite) }
                }
                _ = try await sqlite.query(sql, binds)
            } else if let postgres = db as? any PostgresDatabase, let first = chunk.first {
                // One array parameter per column, unnested into rows: a statement of a few parameters to parse and
                // plan instead of one with a parameter per value.
                var arrays = first.map(PostgresColumnArray.init(for:))
                for row in chunk {
                    precondition(row.count == columns.count, "a row for \(table) has \(row.count) values for \(columns.count) columns")
                    for (position, value) in row.enumerated() { arrays[position].append(value) }
                }
                var bindings = PostgresBindings(capacity: arrays.count)
                for array in arrays { bindings.append(array) }
                let parameters = arrays.enumerated().map { "$\($0.offset + 1)::\($0.element.sqlType)[]" }.joined(separator: ", ")
                let query = PostgresQuery(unsafeSQL: into + "SELECT * FROM unnest(" + parameters + ")", binds: bindings)
                _ = try await postgres.withConnection { $0.query(query, logger: db.logger) }.get()
            } else {
                preconditionFailure("Lots stores its data in SQLite or PostgreSQL")
            }
        }
    }
}

/// One column's values as a PostgreSQL array in binary form, NULLs included (PostgresNIO's own arrays take none).
/// Every value of a column has the same case as the first row's.
struct PostgresColumnArray: PostgresDynamicTypeEncodable {
    let psqlType: PostgresDataType
    let elementType: PostgresDataType
    /// The element type as SQL names it, for the parameter's cast.
    let sqlType: String
    private var elements = ByteBuffer()
    private var count: Int32 = 0
    private var hasNull = false

    var psqlFormat: PostgresFormat { .binary }

    init(for value: ColumnValue) {
        switch value {
        case .uuid: (psqlType, elementType, sqlType) = (.uuidArray, .uuid, "uuid")
        case .text: (psqlType, elementType, sqlType) = (.textArray, .text, "text")
        case .bytes: (psqlType, elementType, sqlType) = (.byteaArray, .bytea, "bytea")
        case .integer: (psqlType, elementType, sqlType) = (.int8Array, .int8, "int8")
        case .bool: (psqlType, elementType, sqlType) = (.boolArray, .bool, "bool")
        case .date: (psqlType, elementType, sqlType) = (.timestamptzArray, .timestamptz, "timestamptz")
        }
    }

    mutating func append(_ value: ColumnValue) {
        count += 1
        switch (value, elementType) {
        case (.uuid(let id), .uuid): write(id)
        case (.text(let text), .text): write(text)
        case (.bytes(let data), .bytea): write(data.map { ByteBuffer(bytes: $0) })
        case (.integer(let number), .int8): write(number)
        case (.bool(let flag), .bool): write(flag)
        case (.date(let date), .timestamptz): write(date)
        default: preconditionFailure("a column's values differ in type")
        }
    }

    /// An element: its length and its binary encoding, or a length of -1 for NULL.
    private mutating func write(_ value: (some PostgresNonThrowingEncodable)?) {
        guard let value else {
            elements.writeInteger(Int32(-1))
            hasNull = true
            return
        }
        let lengthAt = elements.writerIndex
        elements.writeInteger(Int32(0))
        let start = elements.writerIndex
        value.encode(into: &elements, context: .default)
        elements.setInteger(Int32(elements.writerIndex - start), at: lengthAt)
    }

    /// One dimension: its count of elements from index 1, whether any is NULL, and the element type.
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(hasNull ? 1 : 0))
        buffer.writeInteger(elementType.rawValue)
        buffer.writeInteger(count)
        buffer.writeInteger(Int32(1))
        buffer.writeImmutableBuffer(elements)
    }
}

protocol RowInsertable: Model {
    static var insertColumns: [String] { get }
    /// The values in `insertColumns` order; `now` for the timestamps Fluent would set.
    func insertValues(now: Date) -> [ColumnValue]
}

extension RowInsertable {
    static func insertAll(_ models: [Self], now: Date = Date(), on db: any Database) async throws {
        try await BulkInsert.run(into: schema, columns: insertColumns, rows: models.map { $0.insertValues(now: now) }, on: db)
    }
}

extension SubjectKey {
    /// The columns of `KeyRing.subjectKeyRow`.
    static let insertColumns = ["subject_id", "organisation_id", "wrapped_key", "kek_fingerprint", "created_at"]
}

extension Appointment: RowInsertable {
    static var insertColumns: [String] { columns }

    func insertValues(now: Date) -> [ColumnValue] {
        [.uuid(id), .uuid(organisationID), .uuid(participantID), .uuid(bookedBy), .text(kind.rawValue), .text(mode.rawValue), .date(startsAt),
         .integer(durationMinutes), .bytes(title), .text(status.rawValue), .bytes(absenceReason), .integer(minutesMissed), .bytes(note),
         .uuid(registeredBy), .date(registeredAt), .date(createdAt ?? now)]
    }
}

extension JournalEntry: RowInsertable {
    static var insertColumns: [String] { columns + ["updated_at"] }

    func insertValues(now: Date) -> [ColumnValue] {
        [.uuid(id), .uuid(organisationID), .uuid(participantID), .uuid(authorID), .text(kind.rawValue), .text(channel?.rawValue),
         .date(occurredAt), .integer(durationMinutes), .bytes(body), .bool(sensitive), .bool(draft), .date(publishedAt), .date(now)]
    }
}
