import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import LotsApp

/// Every column of the migrated database must be classified in `PersonalDataCatalogue`, so a new field
/// cannot hold personal data without a data category, a processing activity and a protection.
@Suite struct PersonalDataCatalogueTests {
    struct Column: Hashable { var table: String; var column: String; var type: String }

    static func liveColumns(_ db: any Database) async throws -> [Column] {
        if db.isPostgres {
            return try await db.sql.raw("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() ORDER BY table_name, column_name
                """).all().map { row in
                Column(table: try row.decode(column: "table_name", as: String.self), column: try row.decode(column: "column_name", as: String.self),
                       type: try row.decode(column: "data_type", as: String.self))
            }
        }
        let tables = try await db.sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
            .map { try $0.decode(column: "name", as: String.self) }
        var columns: [Column] = []
        for table in tables {
            for row in try await db.sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all() {
                columns.append(Column(table: table, column: try row.decode(column: "name", as: String.self), type: try row.decode(column: "type", as: String.self)))
            }
        }
        return columns
    }

    @Test func everyColumnIsClassifiedAndNothingClassifiedIsMissing() async throws {
        try await withLotsApp { app in
            let live = try await Self.liveColumns(app.db).filter { !PersonalDataCatalogue.ignoredTables.contains($0.table) }
            #expect(live.count > 100)
            let untagged = live.filter { PersonalDataCatalogue.table(named: $0.table)?.columns[$0.column] == nil }
            #expect(untagged.isEmpty, "untagged columns: \(untagged.map { "\($0.table).\($0.column)" })")
            let liveNames = Set(live.map { "\($0.table).\($0.column)" })
            let stale = PersonalDataCatalogue.tables.flatMap { table in table.columns.keys.map { "\(table.name).\($0)" } }.filter { !liveNames.contains($0) }
            #expect(stale.isEmpty, "catalogued columns that do not exist: \(stale)")

            for column in live {
                guard case .personal(_, _, .encrypted, _) = PersonalDataCatalogue.table(named: column.table)?.columns[column.column] else { continue }
                #expect(["blob", "bytea"].contains(column.type.lowercased()), "\(column.table).\(column.column) is encrypted but stored as \(column.type)")
            }
        }
    }

    @Test func specialCategoriesAreEncryptedAndNeverIndexedAndClearFieldsSayWhy() {
        for table in PersonalDataCatalogue.tables {
            for (column, kind) in table.columns {
                guard case .personal(let category, _, let protection, let because) = kind else { continue }
                if category.sensitivity == .special {
                    #expect(protection == .encrypted, "\(table.name).\(column) holds \(category.rawValue) and must be encrypted")
                }
                if protection == .clear {
                    #expect(!(because ?? "").isEmpty, "\(table.name).\(column) is personal data in clear without a reason")
                }
            }
        }
    }

    @Test func registerExtractFieldsOfAParticipantIncludeEveryEncryptedProfileField() {
        let columns = Set(PersonalDataCatalogue.personalColumns(of: .participant).map { "\($0.table).\($0.column)" })
        for field in ["given_name", "family_name", "personal_number", "phone", "email", "address", "gender", "education",
                      "work_experience", "interpreter_language"] {
            #expect(columns.contains("participants.\(field)"))
        }
        #expect(columns.contains("placements.implementation_reference"))
        #expect(!columns.contains("staff_accounts.display_name"))
    }
}
