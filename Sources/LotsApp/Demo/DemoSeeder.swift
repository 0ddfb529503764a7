import Fluent
import Foundation

/// Fills an empty database with made-up organisations and staff so Lots can be tried without any
/// real data. Names are invented; identity numbers, where they appear, are never real people's.
struct DemoSeeder: Sendable {
    var clock: any LotsClock

    struct StaffSeed {
        var name: String
        var roles: [(StaffRole, unit: String?)]
    }

    /// - Returns: false when the database already holds organisations (nothing is touched then).
    @discardableResult
    func seedIfEmpty(on database: any Database) async throws -> Bool {
        try await database.transaction { db in
            guard try await Organisation.query(on: db).count() == 0 else { return false }
            try await seed(DemoData.caseManagement, units: DemoData.caseManagementUnits, staff: DemoData.caseManagementStaff, on: db)
            try await seed(DemoData.partnership, units: [], staff: DemoData.partnershipStaff, on: db)
            return true
        }
    }

    private func seed(_ organisation: Organisation, units: [String], staff: [StaffSeed], on db: any Database) async throws {
        try await organisation.create(on: db)
        let organisationID = try organisation.requireID()
        var unitIDs: [String: UUID] = [:]
        for name in units {
            let unit = OrganisationUnit(organisationID: organisationID, name: name)
            try await unit.create(on: db)
            unitIDs[name] = try unit.requireID()
        }
        for member in staff {
            let account = StaffAccount(organisationID: organisationID, displayName: member.name)
            try await account.create(on: db)
            for (role, unit) in member.roles {
                try await StaffRoleAssignment(staffAccountID: try account.requireID(), organisationID: organisationID,
                                              unitID: unit.flatMap { unitIDs[$0] }, role: role).create(on: db)
            }
        }
    }

    static func instructions(url: String) -> String {
        """

        Lots is running in demo mode at \(url)
        Every organisation, person and identity number in the demo is made up.
        The demo staff accounts and their roles are listed on the start page.
        Mail is not sent: read it at \(url)\(SiteRoute.devMailbox.path)

        """
    }
}
