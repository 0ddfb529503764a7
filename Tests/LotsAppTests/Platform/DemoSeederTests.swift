import Fluent
import Testing
@testable import LotsApp

@Suite struct DemoSeederTests {
    @Test func seedsEveryStaffRoleOnceOnly() async throws {
        try await withLotsApp { app in
            let seeder = app.demoSeeder
            #expect(try await seeder.seedIfEmpty(on: app.db))
            #expect(try await seeder.seedIfEmpty(on: app.db) == false)
            #expect(try await Organisation.query(on: app.db).count() == 2)
            let roles = Set(try await StaffRoleAssignment.query(on: app.db).all().map(\.role))
            #expect(roles == Set(StaffRole.allCases))
            let directory = try await DemoDirectory.query(on: app.db)
            let caseManagement = try #require(directory.first { $0.name == "Exempelmissionen (demo)" })
            #expect(caseManagement.staff.count == DemoData.caseManagementStaff.count)
        }
    }

    @Test func migrationsRevertCleanly() async throws {
        try await withLotsApp { app in
            try await app.autoRevert()
            try await app.autoMigrate()
            #expect(try await Organisation.query(on: app.db).count() == 0)
        }
    }
}
