import Fluent
import Foundation
import SQLKit

/// A row read with plain SQL into plain values. Lists and search read a few columns of many rows; filling
/// Fluent models for them (a property wrapper, a boxed value and a release per column) was a third of the
/// caseload page's time. What they read is still the sealed columns: decrypting is left to the caller.
protocol PlainRow: Sendable {
    static var table: String { get }
    static var columns: [String] { get }
    init(_ row: any SQLRow) throws
}

extension PlainRow {
    /// `SELECT columns FROM table WHERE condition` (the condition may carry ORDER BY and LIMIT).
    static func rows(where condition: SQLQueryString, on db: any Database) async throws -> [Self] {
        let head = SQLQueryString("SELECT " + columns.joined(separator: ", ") + " FROM " + table + " WHERE ")
        return try await db.sql.raw(head + condition).all().map(Self.init)
    }
}

/// What a list or search row shows of a participant: the sealed name, and whether the identity is protected.
struct ListedParticipant: PlainRow {
    static let table = Participant.schema
    static let columns = ["id", "given_name", "family_name", "protected_identity"]

    var id: UUID
    var givenName: Data
    var familyName: Data
    var protectedIdentity: Bool

    init(_ row: any SQLRow) throws {
        id = try row.value("id")
        givenName = try row.value("given_name")
        familyName = try row.value("family_name")
        protectedIdentity = try row.value("protected_identity")
    }
}

/// What a list or search row shows of a placement, and what decides whether it is in the reader's scope.
struct ListedPlacement: PlainRow {
    static let table = Placement.schema
    static let columns = ["id", "organisation_id", "participant_id", "unit_id", "handledare_id", "implementation_reference",
                          "starts_on", "ends_on", "ended_on"]

    var id: UUID
    var organisationID: UUID
    var participantID: UUID
    var unitID: UUID
    var handledareID: UUID?
    /// The case number (genomförandereferens), sealed.
    var implementationReference: Data
    var startsOn: String
    var endsOn: String
    var endedOn: String?

    init(_ row: any SQLRow) throws {
        id = try row.value("id")
        organisationID = try row.value("organisation_id")
        participantID = try row.value("participant_id")
        unitID = try row.value("unit_id")
        handledareID = try row.optional("handledare_id")
        implementationReference = try row.value("implementation_reference")
        startsOn = try row.value("starts_on")
        endsOn = try row.value("ends_on")
        endedOn = try row.optional("ended_on")
    }
}
