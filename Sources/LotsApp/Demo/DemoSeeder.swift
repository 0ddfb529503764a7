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
            let (organisationID, units, accounts) = try await seed(DemoData.caseManagement, units: DemoData.caseManagementUnits,
                                                   staff: DemoData.caseManagementStaff, on: db)
            try await seedParticipants(organisationID: organisationID, units: units, accounts: accounts, on: db)
            try await ActivityTemplate.seed(ActivityTemplate.rom2, security: ActivityTemplate.rom2Security, organisationID: organisationID, on: db)
            let partnership = try await seed(DemoData.partnership, units: [], staff: DemoData.partnershipStaff, on: db)
            try await ActivityTemplate.seed(ActivityTemplate.partnership, security: ActivityTemplate.partnershipSecurity, organisationID: partnership.organisation, on: db)
            let notices = PrivacyNotices(audit: audit, queue: JobQueue(clock: clock), clock: clock)
            let seedActor = AuditDraft(action: .adminChange, purpose: "demo_seed")
            try await notices.publish(organisationID: organisationID, introduction: DemoData.caseManagementNoticeIntroduction, by: seedActor,
                                      announce: false, on: db)
            try await notices.publish(organisationID: partnership.organisation, introduction: DemoData.partnershipNoticeIntroduction, by: seedActor,
                                      announce: false, on: db)
            return true
        }
    }

    @discardableResult
    private func seed(_ organisation: Organisation, units: [String], staff: [StaffSeed],
                      on db: any Database) async throws -> (organisation: UUID, units: [String: UUID], accounts: [String: UUID]) {
        var accounts: [String: UUID] = [:]
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
            accounts[member.name] = try account.requireID()
            try await audit.record(AuditDraft(organisationID: organisationID, action: .adminChange,
                                              subject: "staff:\(try account.requireID().uuidString.lowercased())",
                                              purpose: "demo_seed", query: "create"), in: db)
            for (role, unit) in member.roles {
                try await StaffRoleAssignment(staffAccountID: try account.requireID(), organisationID: organisationID,
                                              unitID: unit.flatMap { unitIDs[$0] }, role: role).create(on: db)
            }
        }
        return (organisationID, unitIDs, accounts)
    }

    /// Registers the demo participants through the same path imports use (encryption, blind indexes, audit).
    private func seedParticipants(organisationID: UUID, units: [String: UUID], accounts: [String: UUID], on db: any Database) async throws {
        let registry = ParticipantRegistry(keyRing: keyRing, audit: audit)
        let today = CivilDate(clock.now())
        let actor = AuditDraft(organisationID: organisationID, action: .create, purpose: "demo_seed")
        for (index, seed) in DemoParticipants.seeds.enumerated() {
            for (number, daysAgo) in seed.startedDaysAgo.enumerated() {
                let starts = today.adding(days: -daysAgo)
                let new = ParticipantRegistry.NewParticipant(
                    personalNumber: DemoParticipants.identityNumber(index), givenName: seed.givenName, familyName: seed.familyName,
                    phone: DemoParticipants.phone(index), email: "\(seed.givenName.lowercased()).\(index)@deltagare.example",
                    address: "Exempelgatan \(index + 1), 100 00 Exempelstad", gender: seed.gender,
                    education: "Gymnasieutbildning", workExperience: "Lagerarbete, 2 år", interpreterLanguage: seed.interpreter,
                    protectedIdentity: seed.protectedIdentity,
                    placement: .init(unitID: units[seed.unit]!, handledareID: seed.handledare.flatMap { accounts[$0] },
                                     caseNumber: DemoParticipants.caseNumber(index, placement: number), referenceNumber: "REF-\(4200 + index)",
                                     level: seed.level, startsOn: starts, endsOn: starts.adding(days: 180)))
                let outcome = try await registry.register(new, organisationID: organisationID, by: actor, on: db)
                // A protected identity's own handledare is named to open the contact details (with a reason).
                if seed.protectedIdentity, number == 0, case .created(let participantID) = outcome, let handledare = seed.handledare.flatMap({ accounts[$0] }) {
                    let opener = ProtectedIdentityOpener()
                    opener.organisationID = organisationID
                    opener.participantID = participantID
                    opener.staffAccountID = handledare
                    opener.namedBy = accounts["Adam Administratör"] ?? handledare
                    try await opener.create(on: db)
                }
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
