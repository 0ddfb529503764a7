import Fluent
import Foundation
import Vapor
import LotsCore

/// Fills an empty database with made-up organisations and staff so Lots can be tried without any
/// real data. Names are invented; identity numbers, where they appear, are never real people's.
struct DemoSeeder: Sendable {
    var clock: any LotsClock
    var keyRing: KeyRing
    var audit: AuditLog

    struct StaffSeed {
        var name: String
        /// Which of `DemoData.identityNumber` this person has in the BankID test server.
        var identity: Int
        var roles: [(StaffRole, unit: String?)]

        var identityNumber: SwedishIdentityNumber { DemoData.identityNumber(identity) }
        var givenName: String { String(name.split(separator: " ").first ?? "") }
        var surname: String { name.split(separator: " ").dropFirst().joined(separator: " ") }
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
            account.personalNumberIndex = try await keyRing.blindIndex(member.identityNumber.digits, field: StaffAccount.personalNumberField,
                                                                      organisationID: organisationID, on: db)
            try await account.create(on: db)
            try await audit.record(AuditDraft(organisationID: organisationID, action: .adminChange,
                                              subject: "staff:\(try account.requireID().uuidString.lowercased())",
                                              purpose: "demo_seed", query: "create"), in: db)
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

extension Application {
    var demoSeeder: DemoSeeder { DemoSeeder(clock: clock, keyRing: keyRing, audit: auditLog) }
}
