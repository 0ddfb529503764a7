import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import LotsApp

/// Looks up demo participants and reads the audit events a step added.
enum ParticipantFixture {
    static func id(of givenName: String, in app: Application) async throws -> UUID {
        let index = try #require(DemoParticipants.seeds.firstIndex { $0.givenName == givenName })
        let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$slug == DemoData.caseManagement.slug).first())
        let blind = try await app.keyRing.blindIndex(DemoParticipants.identityNumber(index).digits, field: Participant.personalNumberField,
                                                     organisationID: try organisation.requireID(), on: app.db)
        return try #require(try await Participant.query(on: app.db).filter(\.$personalNumberIndex == blind).first()?.requireID())
    }

    static func lastSequence(_ app: Application) async throws -> Int64 {
        try await app.db.sql.raw("SELECT sequence FROM audit_chain_head WHERE id = 1").first()?.decode(column: "sequence", as: Int64.self) ?? 0
    }

    /// The audit events written after `sequence`, oldest first.
    static func events(after sequence: Int64, in app: Application) async throws -> [AuditEntryRow] {
        try await app.db.sql.raw("SELECT action, subject, purpose, result_count, query FROM audit_events WHERE sequence > \(bind: sequence) ORDER BY sequence" as SQLQueryString)
            .all(decoding: AuditEntryRow.self)
    }

    struct AuditEntryRow: Decodable, Equatable {
        var action: String
        var subject: String?
        var purpose: String?
        var result_count: Int?
        var query: String?
    }
}
