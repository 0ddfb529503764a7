import Fluent
import Foundation
import LotsCore

/// Creating and changing staff accounts, always inside the administrator's own organisation.
struct AccountAdministration: Sendable {
    var organisationID: UUID
    var actingAccountID: UUID
    var keyRing: KeyRing
    var sessions: SessionStore
    var clock: any LotsClock
    var audit: AuditLog
    /// The acting administrator's roles, as the audit trail records them.
    var actingRoles: String

    enum Failure: Error, Equatable {
        case nameMissing
        case invalidPersonalNumber(IdentityNumberError)
        case alreadyHasAccount
        case unknownUnit
        /// The action would lock the administrator out of administration.
        case wouldLockOutSelf
        case notFound
    }

    struct NewAccount: Sendable {
        var name: String
        var personalNumber: String
        var role: StaffRole
        var unitID: UUID?
    }

    func create(_ input: NewAccount, on database: any Database) async throws -> UUID {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw Failure.nameMissing }
        let number: SwedishIdentityNumber
        do { number = try SwedishIdentityNumber(parsing: input.personalNumber, today: CivilDate(clock.now())) } catch {
            throw Failure.invalidPersonalNumber(error)
        }
        try await requireUnit(input.unitID, on: database)
        let index = try await keyRing.blindIndex(number.digits, field: StaffAccount.personalNumberField, organisationID: organisationID, on: database)
        guard try await StaffAccount.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$personalNumberIndex == index).count() == 0 else { throw Failure.alreadyHasAccount }
        return try await database.transaction { db in
            let account = StaffAccount(organisationID: organisationID, displayName: name)
            account.personalNumberIndex = index
            try await account.create(on: db)
            let id = try account.requireID()
            try await StaffRoleAssignment(staffAccountID: id, organisationID: organisationID, unitID: input.unitID, role: input.role).create(on: db)
            try await record(id, "create role=\(input.role.rawValue)\(unitDetail(input.unitID))", in: db)
            return id
        }
    }

    /// Deactivating also ends every session of the account at once.
    func setActive(_ active: Bool, accountID: UUID, on database: any Database) async throws {
        let account = try await ownAccount(accountID, on: database)
        if !active, accountID == actingAccountID { throw Failure.wouldLockOutSelf }
        try await database.transaction { db in
            account.active = active
            try await account.update(on: db)
            try await record(accountID, active ? "activate" : "deactivate", in: db)
        }
        if !active { try await sessions.revokeAll(accountID: accountID, now: clock.now(), on: database) }
        sessions.forget(accountID: accountID)
    }

    /// Replaces the account's roles with one role (for the whole organisation or one unit).
    func setRole(_ role: StaffRole, unitID: UUID?, accountID: UUID, on database: any Database) async throws {
        _ = try await ownAccount(accountID, on: database)
        if accountID == actingAccountID, !PermissionMatrix.capabilities(of: role).contains(.manageAccounts) { throw Failure.wouldLockOutSelf }
        try await requireUnit(unitID, on: database)
        try await database.transaction { db in
            try await StaffRoleAssignment.query(on: db).filter(\.$staffAccount.$id == accountID).delete()
            try await StaffRoleAssignment(staffAccountID: accountID, organisationID: organisationID, unitID: unitID, role: role).create(on: db)
            try await record(accountID, "set_role role=\(role.rawValue)\(unitDetail(unitID))", in: db)
        }
        sessions.forget(accountID: accountID)
    }

    /// Every change is written to the audit trail in its own transaction: no change without its event.
    private func record(_ accountID: UUID, _ change: String, in db: any Database) async throws {
        try await audit.record(AuditDraft(organisationID: organisationID, actorID: actingAccountID, actorRole: actingRoles, action: .adminChange,
                                          subject: "staff:\(accountID.uuidString.lowercased())", purpose: "account_administration", query: change),
                               in: db)
    }

    private func unitDetail(_ unitID: UUID?) -> String {
        unitID.map { " unit=\($0.uuidString.lowercased())" } ?? ""
    }

    /// Accounts of other organisations do not exist as far as this administrator is concerned.
    private func ownAccount(_ id: UUID, on database: any Database) async throws -> StaffAccount {
        guard let account = try await StaffAccount.query(on: database).filter(\.$id == id)
            .filter(\.$organisation.$id == organisationID).first() else { throw Failure.notFound }
        return account
    }

    private func requireUnit(_ unitID: UUID?, on database: any Database) async throws {
        guard let unitID else { return }
        guard try await OrganisationUnit.query(on: database).filter(\.$id == unitID)
            .filter(\.$organisation.$id == organisationID).count() == 1 else { throw Failure.unknownUnit }
    }
}
