import Fluent
import Foundation

/// The staff list an administrator sees: their own organisation only.
enum AccountDirectory {
    struct Row: Sendable, Equatable {
        var id: UUID
        var name: String
        var active: Bool
        var roles: [Role]

        struct Role: Sendable, Equatable {
            var role: StaffRole
            var unit: String?
        }
    }

    struct Unit: Sendable, Equatable {
        var id: UUID
        var name: String
    }

    static func rows(organisationID: UUID, on database: any Database) async throws -> [Row] {
        let accounts = try await StaffAccount.query(on: database).filter(\.$organisation.$id == organisationID).sort(\.$displayName).all()
        let grants = try await StaffRoleAssignment.query(on: database).filter(\.$organisation.$id == organisationID).with(\.$unit).all()
        return try accounts.map { account in
            let id = try account.requireID()
            let roles = grants.filter { $0.$staffAccount.id == id }.map { Row.Role(role: $0.role, unit: $0.unit?.name) }
            return Row(id: id, name: account.displayName, active: account.active, roles: roles)
        }
    }

    static func units(organisationID: UUID, on database: any Database) async throws -> [Unit] {
        try await OrganisationUnit.query(on: database).filter(\.$organisation.$id == organisationID).sort(\.$name).all()
            .map { Unit(id: try $0.requireID(), name: $0.name) }
    }
}
