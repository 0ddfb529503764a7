import Fluent
import Foundation
import LotsCore
import SQLKit
import Testing
@testable import LotsApp

@Suite struct StaffDirectoryTests {
    @Test func findsDemoStaffByPersonnummerWithoutStoringIt() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let everyone = DemoData.caseManagementStaff + DemoData.partnershipStaff
            for seed in everyone {
                let accounts = try await StaffDirectory.activeAccounts(for: seed.identityNumber, keyRing: app.keyRing, on: app.db)
                let expected = everyone.filter { $0.identityNumber == seed.identityNumber }.map(\.name)
                #expect(accounts.map(\.displayName) == expected, "one account per organisation the person works for")
            }
            let stranger = SwedishIdentityNumber(birthDate: CivilDate(year: 1825, month: 5, day: 5)!, birthNumber: 555)
            #expect(try await StaffDirectory.activeAccounts(for: stranger, keyRing: app.keyRing, on: app.db).isEmpty)

            // No table holds a demo personnummer in clear, with or without century.
            let rows = try await app.db.sql.raw("SELECT * FROM staff_accounts").all()
            let dump = try rows.map { row in try row.allColumns.map { (try? row.decode(column: $0, as: String?.self)) ?? nil }.compactMap { $0 }.joined(separator: "|") }
                .joined(separator: "\n")
            for seed in DemoData.caseManagementStaff {
                #expect(!dump.contains(seed.identityNumber.digits))
                #expect(!dump.contains(String(seed.identityNumber.digits.dropFirst(2))))
            }
        }
    }

    @Test func deactivatedAccountsCannotBeFound() async throws {
        try await withLotsApp { app in
            try await app.demoSeeder.seedIfEmpty(on: app.db)
            let seed = DemoData.caseManagementStaff[2]
            let account = try #require(try await StaffDirectory.activeAccounts(for: seed.identityNumber, keyRing: app.keyRing, on: app.db).first)
            account.active = false
            try await account.update(on: app.db)
            #expect(try await StaffDirectory.activeAccounts(for: seed.identityNumber, keyRing: app.keyRing, on: app.db).isEmpty)
        }
    }

    @Test func demoIdentityNumbersAreValidAndFromBefore1947() throws {
        let today = CivilDate(year: 2026, month: 11, day: 23)!
        var seen = Set<String>()
        for index in 0..<200 {
            let number = DemoData.identityNumber(index)
            #expect(number.birthDate.year < 1840, "only birth years no issued personnummer can have")
            let parsed = try SwedishIdentityNumber(parsing: number.digits, today: today)
            #expect(parsed == number)
            #expect(seen.insert(number.digits).inserted)
        }
    }
}
